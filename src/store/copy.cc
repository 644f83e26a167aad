// Store: a whole database copied table by table between backends (ntm
// copy), with a row count and checksum per table to prove the copy.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

#include "store/store.h"

namespace ntm {
namespace {

char kind_of(std::string type) {
  for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (type.find("BLOB") != std::string::npos || type.find("BYTEA") != std::string::npos) return 'b';
  if (type.find("INT") != std::string::npos || type.find("BOOL") != std::string::npos) return 'i';
  if (type.find("REAL") != std::string::npos || type.find("DOUBLE") != std::string::npos ||
      type.find("FLOAT") != std::string::npos || type.find("NUMERIC") != std::string::npos)
    return 'r';
  return 't';
}

std::string column_list(const std::vector<Store::Column>& cols) {
  std::string out;
  for (const auto& c : cols) out += (out.empty() ? "\"" : ", \"") + c.name + "\"";
  return out;
}

// FNV-1a, 64 bits, from a given start.
uint64_t fnv(std::string_view s, uint64_t h) {
  for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

}  // namespace

Result<std::vector<Store::Column>> Store::columns(const std::string& table) {
  auto s = TRY(sql(backend() == "postgres"
                       ? "SELECT column_name, data_type FROM information_schema.columns"
                         " WHERE table_schema = current_schema() AND table_name = $1"
                         " AND is_generated = 'NEVER' ORDER BY ordinal_position"
                       : "SELECT name, type FROM pragma_table_info($1) ORDER BY cid"));
  s->bind(1, table);
  std::vector<Column> out;
  while (TRY(s->step())) out.push_back({s->get_text(0), kind_of(s->get_text(1))});
  return out;
}

Result<int64_t> Store::copy_table_from(Store& source, const std::string& table,
                                       const std::vector<Column>& cols) {
  const std::string list = column_list(cols);
  auto read = TRY(source.sql("SELECT " + list + " FROM \"" + table + "\""));
  auto bulk = TRY(conn_->bulk_load("\"" + table + "\"", list));
  std::string params;
  for (size_t i = 0; i < cols.size(); ++i) params += (i ? ", $" : "$") + std::to_string(i + 1);
  std::optional<StatementRef> insert;
  if (!bulk)
    insert.emplace(
        TRY(sql("INSERT INTO \"" + table + "\" (" + list + ") VALUES (" + params + ")")));
  int64_t rows = 0;
  while (TRY(read->step())) {
    for (size_t i = 0; i < cols.size(); ++i) {
      const int c = static_cast<int>(i), n = c + 1;
      const bool null = read->is_null(c);
      if (bulk) {
        if (null)
          bulk->add_null();
        else if (cols[i].kind == 'i')
          bulk->add(read->get_int(c));
        else if (cols[i].kind == 'r')
          bulk->add(read->get_double(c));
        else if (cols[i].kind == 'b')
          bulk->add_blob(read->get_blob(c));
        else
          bulk->add(read->get_view(c));
      } else {
        if (null)
          (*insert)->bind_null(n);
        else if (cols[i].kind == 'i')
          (*insert)->bind(n, read->get_int(c));
        else if (cols[i].kind == 'r')
          (*insert)->bind(n, read->get_double(c));
        else if (cols[i].kind == 'b')
          (*insert)->bind_blob(n, read->get_blob(c));
        else
          (*insert)->bind(n, read->get_view(c));
      }
    }
    if (bulk) {
      TRY(bulk->end_row());
    } else {
      TRY((*insert)->run());
      (*insert)->reset();
    }
    ++rows;
  }
  if (bulk) TRY(bulk->finish());
  return rows;
}

Result<Store::TableSum> Store::table_sum(const std::string& table,
                                         const std::vector<Column>& cols) {
  auto read = TRY(sql("SELECT " + column_list(cols) + " FROM \"" + table + "\""));
  TableSum sum;
  uint64_t a = 0, b = 0;  // sums of the rows' hashes: the order of rows does not matter
  std::string row;
  char buf[32];
  while (TRY(read->step())) {
    row.clear();
    for (size_t i = 0; i < cols.size(); ++i) {
      const int c = static_cast<int>(i);
      row += '\x1f';
      if (read->is_null(c))
        row += "\x01N";
      else if (cols[i].kind == 'i')
        row.append(buf, std::to_chars(buf, buf + 32, read->get_int(c)).ptr);
      else if (cols[i].kind == 'r')
        row.append(buf, std::to_chars(buf, buf + 32, read->get_double(c)).ptr);
      else if (cols[i].kind == 'b')
        row += read->get_blob(c);
      else
        row += read->get_view(c);
    }
    a += fnv(row, 14695981039346656037ULL);
    b += fnv(row, 0x84222325cbf29ce4ULL);
    ++sum.rows;
  }
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(a));
  sum.checksum = buf;
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(b));
  sum.checksum += buf;
  return sum;
}

Result<int64_t> Store::database_bytes() {
  auto s = TRY(sql(backend() == "postgres"
                       ? "SELECT pg_database_size(current_database())"
                       : "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size"));
  TRY(s->step());
  return s->get_int(0);
}

Result<std::vector<std::string>> Store::referenced_tables(const std::string& table) {
  auto s = TRY(sql(backend() == "postgres"
                       ? "SELECT DISTINCT r.relname FROM pg_constraint c"
                         " JOIN pg_class t ON t.oid = c.conrelid"
                         " JOIN pg_class r ON r.oid = c.confrelid"
                         " JOIN pg_namespace n ON n.oid = t.relnamespace"
                         " WHERE c.contype = 'f' AND n.nspname = current_schema()"
                         " AND t.relname = $1"
                       : "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list($1)"));
  s->bind(1, table);
  std::vector<std::string> out;
  while (TRY(s->step())) out.push_back(s->get_text(0));
  return out;
}

Result<bool> Store::has_rows(const std::string& table) {
  auto s = TRY(sql("SELECT 1 FROM \"" + table + "\" LIMIT 1"));
  return s->step();
}

Status Store::delete_all(const std::string& table) {
  return conn_->exec_script("DELETE FROM \"" + table + "\"");
}

Status Store::defer_foreign_keys() {
  if (backend() != "sqlite") return Status::ok();
  return conn_->exec_script("PRAGMA defer_foreign_keys = ON");
}

Result<std::optional<std::pair<Date, Date>>> Store::observation_date_range() {
  using Range = std::optional<std::pair<Date, Date>>;
  auto s = TRY(sql("SELECT MIN(day), MAX(day) FROM observation"));
  if (!TRY(s->step()) || s->is_null(0)) return Range();
  return Range(std::pair(Date::from_days(static_cast<int32_t>(s->get_int(0))),
                         Date::from_days(static_cast<int32_t>(s->get_int(1)))));
}

Status Store::after_copy(const std::vector<std::string>& tables) {
  if (backend() == "postgres") {
    // New rows continue after the copied ids.
    auto seqs = TRY(
        sql("SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name),"
            " column_name) FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND column_default LIKE 'nextval%'"));
    std::vector<std::array<std::string, 3>> found;
    while (TRY(seqs->step()))
      found.push_back({seqs->get_text(0), seqs->get_text(1), seqs->get_text(2)});
    for (const auto& [table, column, sequence] : found) {
      if (std::find(tables.begin(), tables.end(), table) == tables.end()) continue;
      TRY(conn_->exec_script("SELECT setval('" + sequence + "', COALESCE((SELECT MAX(\"" + column +
                             "\") FROM \"" + table + "\"), 0) + 1, false)"));
    }
  }
  // The article search index is built from the articles on each backend.
  for (const Article& a : TRY(articles("", 1 << 30))) TRY(index_article(a));
  return Status::ok();
}

}  // namespace ntm
