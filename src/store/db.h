// The SQL connection behind the Store: one dialect for every backend.
//
// SQL is written once with $1, $2 ... placeholders, which both SQLite (bound by
// name, since SQLite numbers "$N" by first appearance) and PostgreSQL accept.
// A backend implements Connection and Statement; nothing above the store sees
// which backend is in use.
//
// Thread safety: a Connection and its Statements belong to one thread at a
// time (SQLite is opened without its own mutexes, which costs ~20% per row).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace ntm {

// Bytes as lowercase hex digits, and back (PostgreSQL's text form of bytea
// is "\\x" and these digits); hex_bytes is false on a malformed text.
void append_hex(std::string& out, std::string_view bytes);
bool hex_bytes(std::string_view hex, std::string& out);

class Statement {
 public:
  virtual ~Statement() = default;
  // Binds placeholder $n (1-based). Binding a number the SQL lacks is a no-op.
  virtual void bind(int n, int64_t v) = 0;
  virtual void bind(int n, double v) = 0;
  virtual void bind(int n, std::string_view v) = 0;
  // Bytes, not text (a BLOB on SQLite, a bytea on PostgreSQL).
  virtual void bind_blob(int n, std::string_view bytes) = 0;
  virtual void bind_null(int n) = 0;
  // Runs or continues the statement: true while a row is available.
  virtual Result<bool> step() = 0;
  // Columns of the current row, 0-based.
  virtual bool is_null(int col) = 0;
  virtual int64_t get_int(int col) = 0;
  virtual double get_double(int col) = 0;
  virtual std::string get_text(int col) = 0;
  // Text of the column without copying; valid until the next step or reset.
  virtual std::string_view get_view(int col) = 0;
  // The bytes of a BLOB (bytea) column; valid until the next step or reset.
  virtual std::string_view get_blob(int col) = 0;
  // Clears results and bindings so the statement can run again.
  virtual void reset() = 0;

  // Runs a statement that returns no rows.
  Status run() {
    auto r = step();
    return r.is_ok() ? Status::ok() : r.status();
  }
};

// Rows loaded into one table in bulk (PostgreSQL's COPY): values are added
// in the column order given, then end_row(); finish() sends what is left
// and reports the first error. Nothing else may use the connection until
// finish() (or the loader's end).
class BulkLoad {
 public:
  virtual ~BulkLoad() = default;
  void add(int64_t v);
  void add(double v);
  void add(std::string_view v);
  void add_blob(std::string_view bytes);  // a bytea column
  void add_null();
  Status end_row();  // sends every MB or so
  virtual Status finish() = 0;

 protected:
  virtual Status send(std::string_view data) = 0;
  std::string buffer_;
  bool row_started_ = false;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual std::string backend() const = 0;  // "sqlite", "postgres"
  virtual Result<std::unique_ptr<Statement>> prepare(std::string_view sql) = 0;
  // Runs a script of several statements without parameters.
  virtual Status exec_script(std::string_view sql) = 0;
  // Whether a statement found the database locked by another writer (another
  // process's long import) since the last call; clears it. The statement
  // failed with kBusyMessage and its transaction was rolled back.
  virtual bool take_busy() { return false; }
  // Whether a statement since the last call was refused because the server
  // only reads (a PostgreSQL standby); clears it.
  virtual bool take_read_only() { return false; }
  // A bulk loader into `table` (columns in this order), or nullptr when the
  // backend has none (SQLite: prepared INSERTs are as fast).
  virtual Result<std::unique_ptr<BulkLoad>> bulk_load(std::string_view table,
                                                      std::string_view columns) {
    (void)table, (void)columns;
    return std::unique_ptr<BulkLoad>();
  }
};

inline constexpr const char* kBusyMessage =
    "Cơ sở dữ liệu đang bận (có thể đang nhập một tệp số liệu lớn); chưa có gì được lưu. "
    "Xin thử lại sau ít phút.";

// Opens (creating if needed) an SQLite database file in WAL mode with foreign
// keys on. ":memory:" gives a private in-memory database.
Result<std::unique_ptr<Connection>> open_sqlite_connection(const std::string& path);

// A PostgreSQL array literal of ids, "{1,2,3}", for a $N::BIGINT[]
// parameter: ids[first] and at most n after it.
std::string id_array(const std::vector<int64_t>& ids, size_t first = 0, size_t n = SIZE_MAX);

// A database named by a URL (postgresql://user@host:port/name?...) is
// PostgreSQL; anything else is an SQLite file.
bool is_postgres_url(std::string_view db);
// Connects to PostgreSQL; statements running longer than the timeout are
// cancelled (0: none).
Result<std::unique_ptr<Connection>> open_postgres_connection(const std::string& url,
                                                             int statement_timeout_ms = 60000);

}  // namespace ntm
