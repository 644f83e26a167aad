// PostgreSQL backend of Connection, on libpq. Statements are prepared once
// on the server (named s1, s2, ... per connection) and run with text
// parameters; a result is read whole and stepped through row by row.
#include <libpq-fe.h>

#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "store/db.h"
#include "store/postgres/pq_shim.h"

namespace ntm {
namespace {

// What a connection's failed statements said, for take_busy/take_read_only.
struct Flags {
  bool busy = false;
  bool read_only = false;
};

// The server connection a PgConnection and its statements share. When it
// breaks (the server restarted, a standby was rebuilt), the statement that
// found it so fails and the link is re-established; statements prepare
// themselves again on the new session (generation).
struct Link {
  PGconn* conn = nullptr;
  Flags flags;
  int generation = 0;
  std::string setup;  // the session's settings, run on every (re)connect

  // After a failure: reconnects when the connection is gone.
  void repair() {
    if (PQstatus(conn) != CONNECTION_BAD) return;
    PQreset(conn);
    if (PQstatus(conn) != CONNECTION_OK) return;
    ++generation;
    PQclear(PQexec(conn, setup.c_str()));
  }
};

// A failed command as a Status, naming the SQLSTATE; lock timeouts and
// serialization failures read as "busy" like SQLite's locked database.
Status failure(PGconn* conn, const PGresult* res, Flags* flags, std::string_view sql) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const std::string code = state ? state : "";
  if (code == "55P03" || code == "40001" || code == "40P01" || code == "57014") {
    flags->busy = true;
    return Status::database(kBusyMessage);
  }
  if (code == "25006") flags->read_only = true;  // a write on a standby
  std::string message = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return Status::database("PostgreSQL" + (code.empty() ? "" : " " + code) + ": " + message +
                          (sql.empty() ? "" : " in: " + std::string(sql.substr(0, 200))));
}

// Prepares `text` as statement `name` on the link's session.
Status prepare_on(Link& link, const std::string& name, const std::string& text,
                  const std::vector<Oid>& types) {
  PGresult* res = PQprepare(link.conn, name.c_str(), text.c_str(), static_cast<int>(types.size()),
                            types.empty() ? nullptr : types.data());
  const Status s = PQresultStatus(res) == PGRES_COMMAND_OK
                       ? Status::ok()
                       : failure(link.conn, res, &link.flags, text);
  PQclear(res);
  if (!s.is_ok()) link.repair();
  return s;
}

class PgStatement : public Statement {
 public:
  PgStatement(Link* link, std::string name, std::string text, std::vector<Oid> types)
      : link_(link),
        generation_(link->generation),
        name_(std::move(name)),
        text_(std::move(text)),
        types_(std::move(types)),
        params_(types_.size()) {}
  ~PgStatement() override { PQclear(res_); }

  void bind(int n, int64_t v) override { set(n, std::to_string(v)); }
  void bind(int n, double v) override {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    set(n, buf);
  }
  void bind(int n, std::string_view v) override { set(n, std::string(v)); }
  void bind_blob(int n, std::string_view bytes) override {
    std::string text = "\\x";
    append_hex(text, bytes);
    set(n, std::move(text));
  }
  void bind_null(int n) override {
    if (n >= 1 && n <= static_cast<int>(params_.size()))
      params_[static_cast<size_t>(n - 1)].reset();
  }

  Result<bool> step() override {
    if (!res_) {
      if (generation_ != link_->generation) {  // a new session: prepare again
        TRY(prepare_on(*link_, name_, text_, types_));
        generation_ = link_->generation;
      }
      std::vector<const char*> values(params_.size());
      for (size_t i = 0; i < params_.size(); ++i)
        values[i] = params_[i] ? params_[i]->c_str() : nullptr;
      res_ = PQexecPrepared(link_->conn, name_.c_str(), static_cast<int>(values.size()),
                            values.data(), nullptr, nullptr, 0);
      const ExecStatusType st = PQresultStatus(res_);
      if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        Status s = failure(link_->conn, res_, &link_->flags, "");
        PQclear(res_);
        res_ = nullptr;
        link_->repair();
        return s;
      }
      row_ = -1;
      rows_ = st == PGRES_TUPLES_OK ? PQntuples(res_) : 0;
    }
    return ++row_ < rows_;
  }

  bool is_null(int col) override { return PQgetisnull(res_, row_, col) != 0; }
  int64_t get_int(int col) override {
    const char* p = PQgetvalue(res_, row_, col);
    if (p[0] == 't' && p[1] == 0) return 1;  // a boolean column
    if (p[0] == 'f' && p[1] == 0) return 0;
    int64_t v = 0;
    const auto [end, ec] = std::from_chars(p, p + std::strlen(p), v);
    if (ec != std::errc() || *end == '.') return static_cast<int64_t>(std::strtod(p, nullptr));
    return v;
  }
  double get_double(int col) override { return std::strtod(PQgetvalue(res_, row_, col), nullptr); }
  std::string get_text(int col) override { return std::string(get_view(col)); }
  std::string_view get_view(int col) override {
    return std::string_view(PQgetvalue(res_, row_, col),
                            static_cast<size_t>(PQgetlength(res_, row_, col)));
  }
  // bytea arrives as "\x" and hex digits (bytea_output = hex, set per session).
  std::string_view get_blob(int col) override {
    const std::string_view text = get_view(col);
    if (text.size() < 2 || text[0] != '\\' || text[1] != 'x' || !hex_bytes(text.substr(2), blob_))
      blob_.clear();
    return blob_;
  }
  void reset() override {
    PQclear(res_);
    res_ = nullptr;
    for (auto& p : params_) p.reset();
  }

 private:
  void set(int n, std::string v) {
    if (n >= 1 && n <= static_cast<int>(params_.size()))
      params_[static_cast<size_t>(n - 1)] = std::move(v);
  }

  Link* link_;
  int generation_;
  std::string name_, text_;
  std::vector<Oid> types_;
  std::vector<std::optional<std::string>> params_;
  PGresult* res_ = nullptr;
  int row_ = -1, rows_ = 0;
  std::string blob_;  // get_blob's bytes
};

// COPY table (columns) FROM STDIN, fed in chunks.
class PgBulkLoad : public BulkLoad {
 public:
  explicit PgBulkLoad(Link* link) : link_(link) {}
  ~PgBulkLoad() override {
    if (!done_) (void)finish_with("abandoned");
  }
  Status finish() override {
    if (!buffer_.empty()) TRY(send(buffer_));
    buffer_.clear();
    return finish_with(nullptr);
  }

 protected:
  Status send(std::string_view data) override {
    if (PQputCopyData(link_->conn, data.data(), static_cast<int>(data.size())) != 1)
      return Status::database("PostgreSQL COPY: " + std::string(PQerrorMessage(link_->conn)));
    return Status::ok();
  }

 private:
  // Ends the COPY (with an error message: cancels it) and reads its result.
  Status finish_with(const char* error) {
    done_ = true;
    Status s;
    if (PQputCopyEnd(link_->conn, error) != 1)
      s = Status::database("PostgreSQL COPY: " + std::string(PQerrorMessage(link_->conn)));
    while (PGresult* res = PQgetResult(link_->conn)) {
      if (s.is_ok() && PQresultStatus(res) != PGRES_COMMAND_OK)
        s = failure(link_->conn, res, &link_->flags, "COPY");
      PQclear(res);
    }
    return s;
  }

  Link* link_;
  bool done_ = false;
};

class PgConnection : public Connection {
 public:
  PgConnection(PGconn* conn, std::string setup) {
    link_.conn = conn;
    link_.setup = std::move(setup);
  }
  ~PgConnection() override { PQfinish(link_.conn); }

  std::string backend() const override { return "postgres"; }

  Result<std::unique_ptr<Statement>> prepare(std::string_view sql) override {
    const std::string name = "s" + std::to_string(++prepared_);
    std::string text(sql);
    // The common dialect lets a statement skip a number that its binder sets
    // (an UPDATE without $9 of the INSERT's list); PostgreSQL needs a type
    // for every number up to the highest, so the skipped ones are text.
    std::vector<bool> used;
    for (size_t i = 0; i + 1 < text.size(); ++i) {
      if (text[i] != '$' || !std::isdigit(static_cast<unsigned char>(text[i + 1]))) continue;
      size_t n = 0;
      while (i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])))
        n = n * 10 + static_cast<size_t>(text[++i] - '0');
      if (n > used.size()) used.resize(n, false);
      if (n) used[n - 1] = true;
    }
    std::vector<Oid> types(used.size(), 0);
    for (size_t i = 0; i < used.size(); ++i)
      if (!used[i]) types[i] = 25;  // text
    TRY(prepare_on(link_, name, text, types));
    // Its parameters are $1 .. the highest number in the text.
    return std::unique_ptr<Statement>(
        new PgStatement(&link_, name, std::move(text), std::move(types)));
  }

  Status exec_script(std::string_view sql) override {
    const std::string text(sql);
    PGresult* res = PQexec(link_.conn, text.c_str());
    const ExecStatusType st = PQresultStatus(res);
    Status s = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY
                   ? Status::ok()
                   : failure(link_.conn, res, &link_.flags, sql);
    PQclear(res);
    if (!s.is_ok()) link_.repair();
    return s;
  }

  Result<std::unique_ptr<BulkLoad>> bulk_load(std::string_view table,
                                              std::string_view columns) override {
    const std::string text =
        "COPY " + std::string(table) + " (" + std::string(columns) + ") FROM STDIN";
    PGresult* res = PQexec(link_.conn, text.c_str());
    const bool ok = PQresultStatus(res) == PGRES_COPY_IN;
    Status s = ok ? Status::ok() : failure(link_.conn, res, &link_.flags, text);
    PQclear(res);
    if (!s.is_ok()) return s;
    return std::unique_ptr<BulkLoad>(new PgBulkLoad(&link_));
  }

  bool take_busy() override { return std::exchange(link_.flags.busy, false); }
  bool take_read_only() override { return std::exchange(link_.flags.read_only, false); }

 private:
  Link link_;
  int prepared_ = 0;
};

}  // namespace

bool is_postgres_url(std::string_view db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Connection>> open_postgres_connection(const std::string& url,
                                                             int statement_timeout_ms) {
  if (const std::string why = libpq_load_error(); !why.empty()) return Status::database(why);
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string m = PQerrorMessage(conn);
    while (!m.empty() && m.back() == '\n') m.pop_back();
    PQfinish(conn);
    return Status::database("không kết nối được PostgreSQL: " + m);
  }
  // Dates and times as the SQLite side writes them; a statement that runs
  // away is stopped; quiet notices.
  const std::string setup =
      "SET client_min_messages = warning; SET DateStyle = ISO; SET bytea_output = hex;"
      " SET statement_timeout = " +
      std::to_string(statement_timeout_ms) + "; SET lock_timeout = 5000";
  auto c = std::make_unique<PgConnection>(conn, setup);
  TRY(c->exec_script(setup));
  return std::unique_ptr<Connection>(std::move(c));
}

}  // namespace ntm
