// SQLite backend of Connection. Placeholders "$N" are bound by name.
#include <sqlite3.h>

#include <chrono>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "store/db.h"

namespace ntm {
namespace {

// An SQLite failure as a Status; a database locked by another writer says so
// in Vietnamese and is remembered for take_busy().
Status failure(sqlite3* db, int rc, bool* busy, const std::string& what) {
  const int primary = rc & 0xFF;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    *busy = true;
    return Status::database(kBusyMessage);
  }
  return Status::database("SQLite: " + what + (db ? std::string(sqlite3_errmsg(db)) : ""));
}

class SqliteStatement : public Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, bool* busy)
      : db_(db), stmt_(stmt), busy_(busy) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  void bind(int n, int64_t v) override {
    if (int i = index(n)) sqlite3_bind_int64(stmt_, i, v);
  }
  void bind(int n, double v) override {
    if (int i = index(n)) sqlite3_bind_double(stmt_, i, v);
  }
  void bind(int n, std::string_view v) override {
    if (int i = index(n))
      sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void bind_blob(int n, std::string_view bytes) override {
    if (int i = index(n))
      sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  }
  void bind_null(int n) override {
    if (int i = index(n)) sqlite3_bind_null(stmt_, i);
  }

  Result<bool> step() override {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return failure(db_, rc, busy_, "");
  }

  bool is_null(int col) override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  int64_t get_int(int col) override { return sqlite3_column_int64(stmt_, col); }
  double get_double(int col) override { return sqlite3_column_double(stmt_, col); }
  std::string get_text(int col) override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : "";
  }
  std::string_view get_view(int col) override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
  }
  std::string_view get_blob(int col) override {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
  }
  void reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  int index(int n) {
    if (n >= static_cast<int>(index_.size())) index_.resize(static_cast<size_t>(n) + 1, -1);
    int& i = index_[static_cast<size_t>(n)];
    if (i < 0) i = sqlite3_bind_parameter_index(stmt_, ("$" + std::to_string(n)).c_str());
    return i;
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool* busy_;
  std::vector<int> index_;
};

class SqliteConnection : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override { sqlite3_close_v2(db_); }

  std::string backend() const override { return "sqlite"; }

  Result<std::unique_ptr<Statement>> prepare(std::string_view sql) override {
    sqlite3_stmt* stmt = nullptr;
    if (const int rc =
            sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
        rc != SQLITE_OK) {
      Status s = failure(db_, rc, &busy_, "");
      if (!busy_) s = Status::database(s.message() + " in: " + std::string(sql.substr(0, 200)));
      return s;
    }
    return std::unique_ptr<Statement>(new SqliteStatement(db_, stmt, &busy_));
  }

  Status exec_script(std::string_view sql) override {
    char* err = nullptr;
    const std::string text(sql);
    if (const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err); rc != SQLITE_OK) {
      std::string m = err ? err : "unknown error";
      sqlite3_free(err);
      return failure(nullptr, rc, &busy_, m);
    }
    return Status::ok();
  }

  bool take_busy() override { return std::exchange(busy_, false); }

 private:
  sqlite3* db_;
  bool busy_ = false;
};

}  // namespace

Result<std::unique_ptr<Connection>> open_sqlite_connection(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    std::string m = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::database("không mở được cơ sở dữ liệu " + path + ": " + m);
  }
  sqlite3_busy_timeout(db, 5000);
  auto conn = std::make_unique<SqliteConnection>(db);
  // cache_size: up to 64 MiB of pages per connection (the default 2 MiB
  // spilled a large import's transaction to disk page by page: a third of
  // its time was pwrite); temp_store: sorts in memory.
  // Switching a new file to WAL takes an exclusive lock without waiting on
  // the busy handler: two processes opening it together retry for 5 s.
  for (int attempt = 0;; ++attempt) {
    Status s = conn->exec_script(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        " PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
    if (s.is_ok()) break;
    if (!conn->take_busy() || attempt == 500) return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace ntm
