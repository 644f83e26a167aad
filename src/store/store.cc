#include "store/store.h"

namespace ntm {

Result<std::unique_ptr<Store>> Store::open(const std::string& db, int statement_timeout_ms) {
  auto store = TRY(open_unmigrated(db, statement_timeout_ms));
  TRY(store->migrate());
  return store;
}

Result<std::unique_ptr<Store>> Store::open_replica(const std::string& url,
                                                   int statement_timeout_ms) {
  if (!is_postgres_url(url)) return Status::invalid("--read-db: cần địa chỉ postgresql://");
  auto store = TRY(open_unmigrated(url, statement_timeout_ms));
  const int version = TRY(store->schema_version());
  if (version < latest_schema_version("postgres"))
    return Status::database("--read-db: máy chủ đọc chưa có lược đồ mới nhất (phiên bản " +
                            std::to_string(version) + "); chờ nó nhận đủ dữ liệu từ máy chính");
  return store;
}

Result<std::unique_ptr<Store>> Store::open_unmigrated(const std::string& db,
                                                      int statement_timeout_ms) {
  auto conn = is_postgres_url(db) ? TRY(open_postgres_connection(db, statement_timeout_ms))
                                  : TRY(open_sqlite_connection(db));
  auto store = std::make_unique<Store>(std::move(conn));
  store->location_ = db;
  store->statement_timeout_ms_ = statement_timeout_ms;
  return store;
}

Result<std::unique_ptr<Store>> Store::open_twin() {
  if (location_.empty() || location_ == ":memory:")
    return Status::invalid("no second connection to a database in memory");
  auto twin = TRY(open_unmigrated(location_, statement_timeout_ms_));
  // 4 MiB: the pages it reads stay in the operating system's cache.
  if (twin->backend() == "sqlite") TRY(twin->conn_->exec_script("PRAGMA cache_size=-4096"));
  return twin;
}

Result<std::vector<std::string>> Store::table_names() {
  // In the order they were created: a table's references come before it.
  auto s = TRY(sql(backend() == "postgres"
                       ? "SELECT c.relname FROM pg_class c JOIN pg_namespace n"
                         " ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
                         " AND c.relkind = 'r' ORDER BY c.oid"
                       : "SELECT name FROM sqlite_master WHERE type = 'table'"
                         " AND name NOT LIKE 'sqlite_%' ORDER BY rowid"));
  std::vector<std::string> out;
  while (TRY(s->step())) out.push_back(s->get_text(0));
  return out;
}

Status Store::backup_into(const std::string& path) {
  if (backend() != "sqlite") return Status::invalid("VACUUM INTO: SQLite only");
  auto s = TRY(sql("VACUUM INTO $1"));
  s->bind(1, path);
  return s->run();
}

Result<std::unique_ptr<Store>> Store::open_sqlite(const std::string& path) {
  auto store = TRY(open_unmigrated(path, 0));
  TRY(store->migrate());
  return store;
}

Result<StatementRef> Store::sql(const std::string& text) {
  auto it = cache_.find(text);
  if (it == cache_.end()) {
    auto stmt = TRY(conn_->prepare(text));
    it = cache_.emplace(text, std::move(stmt)).first;
  }
  it->second->reset();
  return StatementRef(it->second.get());
}

Result<int> Store::schema_version() {
  auto s = TRY(sql("SELECT MAX(version) FROM schema_version"));
  const bool row = TRY(s->step());
  return row && !s->is_null(0) ? static_cast<int>(s->get_int(0)) : 0;
}

Result<size_t> Store::count_schema_versions() {
  auto s = TRY(sql("SELECT COUNT(*) FROM schema_version"));
  TRY(s->step());
  return static_cast<size_t>(s->get_int(0));
}

Status Store::migrate() {
  // Two instances starting at once on one PostgreSQL database: the second
  // waits here, then finds the schema current. (SQLite serialises writers.)
  // On SQLite the whole upgrade is one write transaction taken at once
  // (BEGIN IMMEDIATE waits for the other instance's), which the migrations
  // join.
  const bool pg = conn_->backend() == "postgres";
  if (pg) {
    TRY(conn_->exec_script("SELECT pg_advisory_lock(4242001)"));
    Status s = migrate_locked();
    (void)conn_->exec_script("SELECT pg_advisory_unlock(4242001)");
    return s;
  }
  // Foreign keys are off while tables are rebuilt (SQLite's own procedure for
  // changing a table), then checked before the commit.
  // Sorts for new indexes (and VACUUM's copy) spill to temporary files, not
  // to memory: a national table's index is larger than a server's memory.
  TRY(conn_->exec_script("PRAGMA foreign_keys=OFF; PRAGMA temp_store=FILE"));
  TRY(conn_->exec_script("BEGIN IMMEDIATE"));
  ++tx_depth_;
  Status s = migrate_locked();
  --tx_depth_;
  if (!s.is_ok()) {
    (void)conn_->exec_script("ROLLBACK");
    (void)conn_->exec_script("PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY");
    return s;
  }
  s = conn_->exec_script("COMMIT");
  if (s.is_ok() && converted_) TRY(compact_file());
  converted_ = false;
  (void)conn_->exec_script("PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY");
  return s;
}

Status Store::foreign_key_check() {
  if (conn_->backend() != "sqlite") return Status::ok();
  auto s = TRY(sql("PRAGMA foreign_key_check"));
  if (TRY(s->step()))
    return Status::internal("migration broke a foreign key: table " + s->get_text(0) + ", row " +
                            std::to_string(s->get_int(1)));
  return Status::ok();
}

Status Store::migrate_locked() {
  TRY(conn_->exec_script("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
  const int current = TRY(schema_version());
  bool applied = false;
  for (const Migration& m : migrations(conn_->backend())) {
    if (m.version <= current) continue;
    applied = true;
    TRY(transaction([&]() -> Status {
      TRY(conn_->exec_script(m.sql));
      if (m.version == 14) TRY(assign_single_province());
      if (m.version == 18) {
        TRY(convert_observations());
        converted_ = true;
      }
      // 0011 keeps values as of each year end, computed here, not in SQL,
      // from the table as this binary reads it: once the compact table is in
      // place and the kept rows are bytes (0021 empties the table).
      if (m.version == 21 && TRY(has_rows("observation"))) TRY(refresh_all_latest());
      auto s = TRY(sql("INSERT INTO schema_version (version) VALUES ($1)"));
      s->bind(1, static_cast<int64_t>(m.version));
      return s->run();
    }));
  }
  return applied ? foreign_key_check() : Status::ok();
}

Status Store::transaction(const std::function<Status()>& fn) {
  return run_in_transaction(fn, true);
}

Status Store::read(const std::function<Status()>& fn) { return run_in_transaction(fn, false); }

Status Store::run_in_transaction(const std::function<Status()>& fn, bool write) {
  // Nested calls join the outer transaction: its caller commits or rolls back all.
  if (tx_depth_ > 0) {
    ++tx_depth_;
    Status s = fn();
    --tx_depth_;
    return s;
  }
  TRY(conn_->exec_script("BEGIN"));
  ++tx_depth_;
  Status s = fn();
  // The kept values of the units written to, once each, in the same transaction.
  if (s.is_ok() && !stale_units_.empty())
    s = refresh_latest(std::vector<int64_t>(stale_units_.begin(), stale_units_.end()));
  stale_units_.clear();
  --tx_depth_;
  if (!s.is_ok()) {
    (void)conn_->exec_script("ROLLBACK");
    measure_nums_.clear();  // may hold a measure the rollback took back
    measure_names_.clear();
    return s;
  }
  TRY(conn_->exec_script("COMMIT"));
  if (write) ++write_count_;
  return Status::ok();
}

Result<std::optional<std::string>> Store::setting(const std::string& key) {
  auto s = TRY(sql("SELECT value FROM setting WHERE key = $1"));
  s->bind(1, key);
  if (!TRY(s->step())) return std::optional<std::string>();
  return std::optional<std::string>(s->get_text(0));
}

Status Store::set_setting(const std::string& key, const std::string& value) {
  auto s =
      TRY(sql("INSERT INTO setting (key, value) VALUES ($1, $2) "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
  s->bind(1, key);
  s->bind(2, value);
  TRY(s->run());
  ++write_count_;
  return Status::ok();
}

}  // namespace ntm
