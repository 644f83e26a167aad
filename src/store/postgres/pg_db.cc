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

namespace ntm {
namespace {

// A failed command as a Status, naming the SQLSTATE; lock timeouts and
// serialization failures read as "busy" like SQLite's locked database.
Status failure(PGconn* conn, const PGresult* res, bool* busy, std::string_view sql) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const std::string code = state ? state : "";
  if (code == "55P03" || code == "40001" || code == "40P01" || code == "57014") {
    *busy = true;
    return Status::database(kBusyMessage);
  }
  std::string message = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return Status::database("PostgreSQL" + (code.empty() ? "" : " " + code) + ": " + message +
                          (sql.empty() ? "" : " in: " + std::string(sql.substr(0, 200))));
}

class PgStatement : public Statement {
 public:
  PgStatement(PGconn* conn, std::string name, int nparams, bool* busy)
      : conn_(conn), name_(std::move(name)), params_(static_cast<size_t>(nparams)), busy_(busy) {}
  ~PgStatement() override { PQclear(res_); }

  void bind(int n, int64_t v) override { set(n, std::to_string(v)); }
  void bind(int n, double v) override {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    set(n, buf);
  }
  void bind(int n, std::string_view v) override { set(n, std::string(v)); }
  void bind_null(int n) override {
    if (n >= 1 && n <= static_cast<int>(params_.size()))
      params_[static_cast<size_t>(n - 1)].reset();
  }

  Result<bool> step() override {
    if (!res_) {
      std::vector<const char*> values(params_.size());
      for (size_t i = 0; i < params_.size(); ++i)
        values[i] = params_[i] ? params_[i]->c_str() : nullptr;
      res_ = PQexecPrepared(conn_, name_.c_str(), static_cast<int>(values.size()), values.data(),
                            nullptr, nullptr, 0);
      const ExecStatusType st = PQresultStatus(res_);
      if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        Status s = failure(conn_, res_, busy_, "");
        PQclear(res_);
        res_ = nullptr;
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

  PGconn* conn_;
  std::string name_;
  std::vector<std::optional<std::string>> params_;
  bool* busy_;
  PGresult* res_ = nullptr;
  int row_ = -1, rows_ = 0;
};

class PgConnection : public Connection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }

  std::string backend() const override { return "postgres"; }

  Result<std::unique_ptr<Statement>> prepare(std::string_view sql) override {
    const std::string name = "s" + std::to_string(++prepared_);
    const std::string text(sql);
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
    PGresult* res = PQprepare(conn_, name.c_str(), text.c_str(), static_cast<int>(types.size()),
                              types.empty() ? nullptr : types.data());
    const Status s =
        PQresultStatus(res) == PGRES_COMMAND_OK ? Status::ok() : failure(conn_, res, &busy_, sql);
    PQclear(res);
    if (!s.is_ok()) return s;
    // Its parameters are $1 .. the highest number in the text.
    return std::unique_ptr<Statement>(
        new PgStatement(conn_, name, static_cast<int>(types.size()), &busy_));
  }

  Status exec_script(std::string_view sql) override {
    const std::string text(sql);
    PGresult* res = PQexec(conn_, text.c_str());
    const ExecStatusType st = PQresultStatus(res);
    Status s = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY
                   ? Status::ok()
                   : failure(conn_, res, &busy_, sql);
    PQclear(res);
    return s;
  }

  bool take_busy() override { return std::exchange(busy_, false); }

 private:
  PGconn* conn_;
  int prepared_ = 0;
  bool busy_ = false;
};

}  // namespace

bool is_postgres_url(std::string_view db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Connection>> open_postgres_connection(const std::string& url,
                                                             int statement_timeout_ms) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string m = PQerrorMessage(conn);
    while (!m.empty() && m.back() == '\n') m.pop_back();
    PQfinish(conn);
    return Status::database("không kết nối được PostgreSQL: " + m);
  }
  auto c = std::make_unique<PgConnection>(conn);
  // Dates and times as the SQLite side writes them; a statement that runs
  // away is stopped; quiet notices.
  TRY(
      c->exec_script("SET client_min_messages = warning; SET DateStyle = ISO; "
                     "SET statement_timeout = " +
                     std::to_string(statement_timeout_ms) + "; SET lock_timeout = 5000"));
  return std::unique_ptr<Connection>(std::move(c));
}

}  // namespace ntm
