// Store: units, their versions, lineage and attributes.
#include <algorithm>

#include "store/store.h"

namespace ntm {
namespace {

constexpr const char* kVersionColumns =
    "u.id, u.code, u.level, v.id, v.name, v.type, v.parent_id, v.valid_from, v.valid_to";

Result<UnitVersion> read_version(Statement& s) {
  UnitVersion v;
  v.unit_id = s.get_int(0);
  v.code = s.get_text(1);
  const auto level = parse_level(s.get_text(2));
  if (!level) return Status::internal("bad level in store: " + s.get_text(2));
  v.level = *level;
  v.version_id = s.get_int(3);
  v.name = s.get_text(4);
  v.type = s.get_text(5);
  v.parent_id = s.is_null(6) ? 0 : s.get_int(6);
  v.valid_from = TRY(Date::parse(s.get_text(7)));
  v.valid_to = TRY(Date::parse(s.get_text(8)));
  return v;
}

Result<std::vector<UnitVersion>> read_versions(Statement& s) {
  std::vector<UnitVersion> out;
  while (TRY(s.step())) out.push_back(TRY(read_version(s)));
  return out;
}

Result<std::optional<UnitVersion>> first_version(Statement& s) {
  auto all = TRY(read_versions(s));
  if (all.empty()) return std::optional<UnitVersion>();
  return std::optional<UnitVersion>(all.front());
}

}  // namespace

Result<std::optional<int64_t>> Store::find_unit(const std::string& code, Level level,
                                                const std::string& base_name) {
  auto s = TRY(sql("SELECT id FROM unit WHERE code = $1 AND level = $2 AND base_name = $3"));
  s->bind(1, code);
  s->bind(2, level_name(level));
  s->bind(3, base_name);
  if (!TRY(s->step())) return std::optional<int64_t>();
  return std::optional<int64_t>(s->get_int(0));
}

Result<int64_t> Store::insert_unit(const std::string& code, Level level,
                                   const std::string& base_name) {
  auto s = TRY(sql("INSERT INTO unit (code, level, base_name) VALUES ($1, $2, $3) RETURNING id"));
  s->bind(1, code);
  s->bind(2, level_name(level));
  s->bind(3, base_name);
  if (!TRY(s->step())) return Status::database("INSERT unit returned no id");
  return s->get_int(0);
}

Result<std::vector<UnitVersion>> Store::unit_versions(int64_t unit_id) {
  auto s = TRY(sql(std::string("SELECT ") + kVersionColumns +
                   " FROM unit u JOIN unit_version v ON v.unit_id = u.id"
                   " WHERE u.id = $1 ORDER BY v.valid_from"));
  s->bind(1, unit_id);
  return read_versions(*s);
}

Status Store::insert_unit_version(const UnitVersion& v) {
  auto s =
      TRY(sql("INSERT INTO unit_version (unit_id, name, type, parent_id, valid_from, valid_to)"
              " VALUES ($1, $2, $3, $4, $5, $6)"));
  s->bind(1, v.unit_id);
  s->bind(2, v.name);
  s->bind(3, v.type);
  if (v.parent_id) {
    s->bind(4, v.parent_id);
  } else {
    s->bind_null(4);
  }
  s->bind(5, v.valid_from.iso());
  s->bind(6, v.valid_to.iso());
  return s->run();
}

Status Store::set_unit_version_validity(int64_t version_id, Date from, Date to) {
  auto s = TRY(sql("UPDATE unit_version SET valid_from = $2, valid_to = $3 WHERE id = $1"));
  s->bind(1, version_id);
  s->bind(2, from.iso());
  s->bind(3, to.iso());
  return s->run();
}

Result<std::vector<UnitVersion>> Store::versions_with_code(const std::string& code) {
  auto s = TRY(sql(std::string("SELECT ") + kVersionColumns +
                   " FROM unit u JOIN unit_version v ON v.unit_id = u.id"
                   " WHERE u.code = $1 ORDER BY v.valid_from"));
  s->bind(1, code);
  return read_versions(*s);
}

Result<std::optional<UnitVersion>> Store::unit_at(const std::string& code, Date date) {
  auto s = TRY(sql(std::string("SELECT ") + kVersionColumns +
                   " FROM unit u JOIN unit_version v ON v.unit_id = u.id"
                   " WHERE u.code = $1 AND v.valid_from <= $2 AND v.valid_to >= $2"));
  s->bind(1, code);
  s->bind(2, date.iso());
  return first_version(*s);
}

Result<std::optional<UnitVersion>> Store::unit_version_at(int64_t unit_id, Date date) {
  auto s = TRY(sql(std::string("SELECT ") + kVersionColumns +
                   " FROM unit u JOIN unit_version v ON v.unit_id = u.id"
                   " WHERE u.id = $1 AND v.valid_from <= $2 AND v.valid_to >= $2"));
  s->bind(1, unit_id);
  s->bind(2, date.iso());
  return first_version(*s);
}

Result<std::vector<UnitVersion>> Store::unit_versions_at(const std::vector<int64_t>& ids,
                                                         Date date) {
  std::vector<UnitVersion> out;
  if (backend() != "postgres") {
    for (const int64_t id : ids)
      if (auto v = TRY(unit_version_at(id, date))) out.push_back(std::move(*v));
    return out;
  }
  auto s = TRY(sql(std::string("SELECT ") + kVersionColumns +
                   " FROM unit u JOIN unit_version v ON v.unit_id = u.id"
                   " WHERE u.id = ANY($1::BIGINT[]) AND v.valid_from <= $2 AND v.valid_to >= $2"));
  for (size_t first = 0; first < ids.size(); first += 1000) {
    s->reset();
    s->bind(1, id_array(ids, first, 1000));
    s->bind(2, date.iso());
    for (UnitVersion& v : TRY(read_versions(*s))) out.push_back(std::move(v));
  }
  return out;
}

Result<std::vector<UnitVersion>> Store::descendants_at(int64_t ancestor_id, Level level,
                                                       Date date) {
  if (backend() == "postgres") {
    // Level by level through the parent index: PostgreSQL's estimate of a
    // recursive query's size makes it scan every version instead.
    auto s = TRY(sql(std::string("SELECT ") + kVersionColumns +
                     " FROM unit_version v JOIN unit u ON u.id = v.unit_id"
                     " WHERE v.parent_id = ANY($1::BIGINT[]) AND v.valid_from <= $2"
                     " AND v.valid_to >= $2"));
    std::vector<UnitVersion> out;
    std::vector<int64_t> parents{ancestor_id};
    for (int depth = 0; depth < 8 && !parents.empty(); ++depth) {
      s->reset();
      s->bind(1, id_array(parents));
      s->bind(2, date.iso());
      parents.clear();
      for (UnitVersion& v : TRY(read_versions(*s))) {
        parents.push_back(v.unit_id);
        if (v.level == level) out.push_back(std::move(v));
      }
    }
    std::sort(out.begin(), out.end(),
              [](const UnitVersion& a, const UnitVersion& b) { return a.code < b.code; });
    return out;
  }
  auto s = TRY(
      sql(std::string("WITH RECURSIVE sub (unit_id) AS ("
                      " SELECT unit_id FROM unit_version"
                      "  WHERE parent_id = $1 AND valid_from <= $2 AND valid_to >= $2"
                      " UNION ALL"
                      " SELECT v.unit_id FROM unit_version v JOIN sub ON v.parent_id = sub.unit_id"
                      "  WHERE v.valid_from <= $2 AND v.valid_to >= $2) "
                      "SELECT ") +
          kVersionColumns +
          " FROM sub JOIN unit u ON u.id = sub.unit_id"
          " JOIN unit_version v ON v.unit_id = u.id AND v.valid_from <= $2 AND v.valid_to >= $2"
          " WHERE u.level = $3 ORDER BY u.code"));
  s->bind(1, ancestor_id);
  s->bind(2, date.iso());
  s->bind(3, level_name(level));
  return read_versions(*s);
}

Result<std::vector<UnitVersion>> Store::top_level_units(Date date) {
  auto s = TRY(sql(std::string("SELECT ") + kVersionColumns +
                   " FROM unit u JOIN unit_version v ON v.unit_id = u.id"
                   " WHERE v.parent_id IS NULL AND v.valid_from <= $1 AND v.valid_to >= $1"
                   " ORDER BY u.code"));
  s->bind(1, date.iso());
  return read_versions(*s);
}

Result<int> Store::count_units() {
  auto s = TRY(sql("SELECT COUNT(*) FROM unit"));
  TRY(s->step());
  return static_cast<int>(s->get_int(0));
}

Status Store::upsert_lineage(const Lineage& l, bool keep_share) {
  auto s = TRY(
      sql(std::string("INSERT INTO unit_lineage (old_unit_id, new_unit_id, relation, date, share)"
                      " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (old_unit_id, new_unit_id)"
                      " DO UPDATE SET relation = excluded.relation, date = excluded.date,") +
          (keep_share ? " share = COALESCE(excluded.share, unit_lineage.share)"
                      : " share = excluded.share")));
  s->bind(1, l.old_unit_id);
  s->bind(2, l.new_unit_id);
  s->bind(3, l.relation);
  s->bind(4, l.date.iso());
  if (l.share) {
    s->bind(5, *l.share);
  } else {
    s->bind_null(5);
  }
  return s->run();
}

Result<std::vector<Lineage>> Store::lineage_of(int64_t unit_id) {
  auto s = TRY(
      sql("SELECT old_unit_id, new_unit_id, relation, date, share FROM unit_lineage"
          " WHERE old_unit_id = $1 OR new_unit_id = $1 ORDER BY date, old_unit_id, new_unit_id"));
  s->bind(1, unit_id);
  std::vector<Lineage> out;
  while (TRY(s->step())) {
    out.push_back({s->get_int(0), s->get_int(1), s->get_text(2), TRY(Date::parse(s->get_text(3))),
                   s->is_null(4) ? std::nullopt : std::optional<double>(s->get_double(4))});
  }
  return out;
}

Result<std::vector<UnitVersion>> Store::latest_versions() {
  auto s = TRY(sql(std::string("SELECT ") + kVersionColumns +
                   " FROM unit u JOIN unit_version v ON v.unit_id = u.id"
                   " WHERE v.valid_from = (SELECT MAX(valid_from) FROM unit_version w"
                   "  WHERE w.unit_id = u.id) ORDER BY u.level, u.code"));
  return read_versions(*s);
}

Status Store::upsert_attribute(const UnitAttribute& a) {
  auto s =
      TRY(sql("INSERT INTO unit_attribute (unit_id, attribute, value, valid_from)"
              " VALUES ($1, $2, $3, $4) ON CONFLICT (unit_id, attribute, valid_from)"
              " DO UPDATE SET value = excluded.value"));
  s->bind(1, a.unit_id);
  s->bind(2, a.attribute);
  s->bind(3, a.value);
  s->bind(4, a.valid_from.iso());
  return s->run();
}

Result<std::optional<std::string>> Store::attribute_at(int64_t unit_id,
                                                       const std::string& attribute, Date date) {
  auto s =
      TRY(sql("SELECT value FROM unit_attribute WHERE unit_id = $1 AND attribute = $2"
              " AND valid_from <= $3 ORDER BY valid_from DESC LIMIT 1"));
  s->bind(1, unit_id);
  s->bind(2, attribute);
  s->bind(3, date.iso());
  if (!TRY(s->step())) return std::optional<std::string>();
  return std::optional<std::string>(s->get_text(0));
}

Result<std::vector<UnitAttribute>> Store::attribute_rows(const std::string& attribute) {
  auto s =
      TRY(sql("SELECT unit_id, value, valid_from FROM unit_attribute WHERE attribute = $1"
              " ORDER BY unit_id, valid_from"));
  s->bind(1, attribute);
  std::vector<UnitAttribute> out;
  while (TRY(s->step())) {
    out.push_back({s->get_int(0), attribute, s->get_text(1), TRY(Date::parse(s->get_text(2)))});
  }
  return out;
}

}  // namespace ntm
