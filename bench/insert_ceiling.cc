// How fast can SQLite itself take observation rows on this machine? Inserts
// the same synthetic rows (unit, measure, date, value, status, author, note,
// recorded_at) through the raw C API, prepared multi-row statements, one
// transaction, in the table's order, into four layouts:
//   shipped   — the observation table as migrations 0018/0019 define it
//               (clustered on integer keys, the id and queue indexes,
//               foreign keys): what `import observations` writes into;
//   before    — the table before 0018 (text measure and date, two
//               indexes, foreign keys);
//   integer   — measure and date as integers, the table clustered on its key
//               (WITHOUT ROWID), no other index;
//   no index  — a plain rowid table, the floor.
// No parsing, no validation: the ceiling for `import observations`.
//
//   insert_ceiling [ROWS]   (default 1,000,000)
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bench_util.h"

using namespace ntm::bench;

namespace {

void exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::fprintf(stderr, "%s\n%s\n", err, sql.c_str());
    std::exit(1);
  }
}

enum class Kind { kShipped, kText, kInteger };

struct Layout {
  const char* name;
  const char* schema;
  Kind kind;
};

constexpr Layout kLayouts[] = {
    {"shipped compact table (clustered, id and queue indexes, foreign keys)",
     "CREATE TABLE unit (id INTEGER PRIMARY KEY);"
     "CREATE TABLE measure (id TEXT PRIMARY KEY, num INTEGER);"
     "CREATE UNIQUE INDEX measure_num ON measure(num);"
     "CREATE TABLE observation (unit_id INTEGER NOT NULL REFERENCES unit(id),"
     " day INTEGER NOT NULL, measure INTEGER NOT NULL REFERENCES measure(num),"
     " id INTEGER NOT NULL, value REAL NOT NULL,"
     " status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 3), shown INTEGER NOT NULL,"
     " current INTEGER NOT NULL, supersedes INTEGER REFERENCES observation(id),"
     " author TEXT NOT NULL, note TEXT NOT NULL, recorded_at INTEGER NOT NULL,"
     " PRIMARY KEY (unit_id, day, measure, id)) WITHOUT ROWID;"
     "CREATE UNIQUE INDEX observation_id ON observation(id);"
     "CREATE INDEX observation_queue ON observation(status, unit_id, day)"
     " WHERE current = 1 AND status != 2;",
     Kind::kShipped},
    {"before 0018 (text keys, 2 indexes, foreign keys)",
     "CREATE TABLE unit (id INTEGER PRIMARY KEY);"
     "CREATE TABLE measure (id TEXT PRIMARY KEY);"
     "CREATE TABLE observation (id INTEGER PRIMARY KEY,"
     " unit_id INTEGER NOT NULL REFERENCES unit(id),"
     " measure_id TEXT NOT NULL REFERENCES measure(id), date TEXT NOT NULL,"
     " value REAL NOT NULL, status TEXT NOT NULL CHECK (status IN"
     " ('draft', 'submitted', 'verified', 'returned')), author TEXT NOT NULL,"
     " note TEXT NOT NULL, recorded_at TEXT NOT NULL, current INTEGER NOT NULL,"
     " supersedes INTEGER REFERENCES observation(id));"
     "CREATE UNIQUE INDEX observation_current ON observation(unit_id, measure_id, date)"
     " WHERE current = 1;"
     "CREATE INDEX observation_by_date ON observation(unit_id, date, measure_id, current,"
     " status, value);",
     Kind::kText},
    {"integer keys, clustered (WITHOUT ROWID), no other index",
     "CREATE TABLE observation (unit_id INTEGER NOT NULL, day INTEGER NOT NULL,"
     " measure INTEGER NOT NULL, version INTEGER NOT NULL, value REAL NOT NULL,"
     " status INTEGER NOT NULL, author TEXT NOT NULL, note TEXT NOT NULL,"
     " recorded_at TEXT NOT NULL, current INTEGER NOT NULL,"
     " PRIMARY KEY (unit_id, day, measure, version)) WITHOUT ROWID;",
     Kind::kInteger},
    {"no index (rowid table only: the floor)",
     "CREATE TABLE observation (unit_id INTEGER, day INTEGER, measure INTEGER,"
     " version INTEGER, value REAL, status INTEGER, author TEXT, note TEXT,"
     " recorded_at TEXT, current INTEGER);",
     Kind::kInteger},
};

double run(const Layout& layout, long rows) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "ntm_insert_ceiling.db").string();
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db,
                  SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  exec(db,
       "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
       " PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
  exec(db, layout.schema);
  constexpr int kUnits = 1000, kMeasures = 60;
  const bool text = layout.kind == Kind::kText, shipped = layout.kind == Kind::kShipped;
  if (text || shipped) {
    exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                 std::to_string(kUnits) + ") INSERT INTO unit SELECT i FROM n;");
    for (int m = 0; m < kMeasures; ++m) {
      exec(db, "INSERT INTO measure VALUES ('m" + std::to_string(m) + "'" +
                   (shipped ? ", " + std::to_string(m) : "") + ");");
    }
  }
  constexpr int kPerStatement = 64;
  std::string sql = text ? "INSERT INTO observation (unit_id, measure_id, date, value,"
                           " status, author, note, recorded_at, current) VALUES "
                         : "INSERT INTO observation VALUES ";
  for (int i = 0; i < kPerStatement; ++i) {
    sql += i ? ", " : "";
    sql += text      ? "(?, ?, ?, ?, ?, ?, ?, ?, 1)"
           : shipped ? "(?, ?, ?, ?, ?, ?, 1, 1, NULL, ?, ?, ?)"
                     : "(?, ?, ?, 0, ?, ?, ?, ?, ?, 1)";
  }
  const int stride = shipped ? 9 : 8;
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
  const auto t = Clock::now();
  exec(db, "BEGIN");
  // Rows by unit, date, measure (yearly dates from 2016): the import's order.
  const long per_unit = rows / kUnits;
  long done = 0;
  int n = 0;
  char date[24], measure[16];
  for (int u = 1; u <= kUnits && done < rows; ++u) {
    for (long k = 0; k < per_unit && done < rows; ++k, ++done) {
      const int year = 2016 + static_cast<int>(k / kMeasures), m = static_cast<int>(k % kMeasures);
      const int b = n * stride;
      int c = b;
      sqlite3_bind_int64(st, ++c, u);
      if (text) {
        std::snprintf(measure, sizeof measure, "m%d", m);
        std::snprintf(date, sizeof date, "%d-12-31", year);
        sqlite3_bind_text(st, ++c, measure, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, ++c, date, -1, SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_int(st, ++c, (year - 1970) * 365);
        sqlite3_bind_int(st, ++c, m);
      }
      if (shipped) sqlite3_bind_int64(st, ++c, done + 1);
      sqlite3_bind_double(st, ++c, 50 + (k % 50));
      if (text) {
        sqlite3_bind_text(st, ++c, "verified", -1, SQLITE_STATIC);
      } else {
        // The shipped table's queue index holds what is not verified: as
        // `import observations` writes by default, submitted.
        sqlite3_bind_int(st, ++c, shipped ? 1 : 2);
      }
      sqlite3_bind_text(st, ++c, "bench", -1, SQLITE_STATIC);
      sqlite3_bind_text(st, ++c, "", -1, SQLITE_STATIC);
      if (shipped)
        sqlite3_bind_int64(st, ++c, 1796342400);
      else
        sqlite3_bind_text(st, ++c, "2026-11-27T00:00:00Z", -1, SQLITE_STATIC);
      if (++n == kPerStatement) {
        if (sqlite3_step(st) != SQLITE_DONE) {
          std::fprintf(stderr, "%s\n", sqlite3_errmsg(db));
          std::exit(1);
        }
        sqlite3_reset(st);
        n = 0;
      }
    }
  }
  exec(db, "COMMIT");
  const double ms = ms_since(t);
  sqlite3_finalize(st);
  sqlite3_close(db);
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
  return (done - n) / (ms / 1000);  // a last partial batch is not written
}

}  // namespace

int main(int argc, char** argv) {
  const long rows = argc > 1 ? std::atol(argv[1]) : 1000000;
  std::printf("| SQLite alone, %ld rows, 64 per statement, one transaction | rows/s |\n|---|---|\n",
              rows);
  for (const Layout& l : kLayouts) std::printf("| %s | %.0f |\n", l.name, run(l, rows));
  return 0;
}
