#include "store/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <thread>

#include "store/test_store.h"

namespace ntm {
namespace {

Date d(const std::string& s) { return *Date::parse(s); }

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = open_test_store();
    ASSERT_TRUE(s.is_ok()) << s.status().to_string();
    store = std::move(s).value();
  }

  int64_t add_unit(const std::string& code, Level level, const std::string& name, int64_t parent,
                   Date from, Date to) {
    const int64_t id = *store->insert_unit(code, level, name);
    UnitVersion v{.unit_id = id,
                  .code = code,
                  .level = level,
                  .name = name,
                  .type = "Xã",
                  .parent_id = parent,
                  .valid_from = from,
                  .valid_to = to};
    EXPECT_TRUE(store->insert_unit_version(v).is_ok());
    return id;
  }

  std::unique_ptr<Store> store;
};

TEST(Migrations, SameNumbersForEveryBackend) {
  const auto& sqlite = migrations("sqlite");
  const auto& postgres = migrations("postgres");
  ASSERT_FALSE(sqlite.empty());
  ASSERT_EQ(sqlite.size(), postgres.size());
  for (size_t i = 0; i < sqlite.size(); ++i) {
    EXPECT_EQ(sqlite[i].version, static_cast<int>(i) + 1);
    EXPECT_STREQ(sqlite[i].name, postgres[i].name);
  }
}

TEST_F(StoreTest, MigratesOnceAndRecordsVersion) {
  EXPECT_EQ(*store->schema_version(), static_cast<int>(migrations("sqlite").size()));
  EXPECT_TRUE(store->migrate().is_ok());  // idempotent
  EXPECT_EQ(*store->schema_version(), static_cast<int>(migrations("sqlite").size()));
}

// Two instances starting together on one new database: both open it, the
// schema is migrated once (no migration recorded twice, none failed).
TEST(Migrations, TwoInstancesStartingTogetherMigrateOnce) {
  const std::string file =
      ::testing::TempDir() + "two_migrators_" + std::to_string(getpid()) + ".db";
  const std::string db = std::move(test_database_or(file)).value();
  Status a, b;
  std::thread first([&] { a = Store::open(db).status(); });
  std::thread second([&] { b = Store::open(db).status(); });
  first.join();
  second.join();
  EXPECT_TRUE(a.is_ok()) << a.to_string();
  EXPECT_TRUE(b.is_ok()) << b.to_string();
  auto store = std::move(Store::open(db)).value();
  EXPECT_EQ(*store->schema_version(), static_cast<int>(migrations(store->backend()).size()));
  EXPECT_EQ(*store->count_schema_versions(), migrations(store->backend()).size());
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((file + suffix).c_str());
}

// A database written before the compact observation table (schema 17, text
// measure, date, status and time) is converted by migrations 18 and 19:
// every version, its status, author, note, time and chain read back the
// same, the kept values are computed for a database that had none, and new
// values go on from the old ids.
// Bytes (the kept values' records) come back as they went in, through a
// bound statement and through PostgreSQL's COPY: NUL, backslash, tab,
// newline, quote and every high byte.
TEST(Connection, BytesRoundTripUnchanged) {
  const std::string file = ::testing::TempDir() + "bytes_" + std::to_string(getpid()) + ".db";
  std::remove(file.c_str());
  const std::string db = std::move(test_database_or(file)).value();
  auto conn =
      std::move(is_postgres_url(db) ? open_postgres_connection(db, 0) : open_sqlite_connection(db))
          .value();
  const std::string type = conn->backend() == "postgres" ? "BYTEA" : "BLOB";
  ASSERT_TRUE(conn->exec_script("DROP TABLE IF EXISTS bytes_test; CREATE TABLE bytes_test"
                                " (id INTEGER, b " +
                                type + ")")
                  .is_ok());
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  all += std::string("\0\\\t\n'\"", 6);
  auto ins = std::move(conn->prepare("INSERT INTO bytes_test VALUES ($1, $2)")).value();
  ins->bind(1, int64_t{1});
  ins->bind_blob(2, all);
  ASSERT_TRUE(ins->run().is_ok());
  if (auto bulk = std::move(conn->bulk_load("bytes_test", "id, b")).value()) {
    bulk->add(int64_t{2});
    bulk->add_blob(all);
    ASSERT_TRUE(bulk->end_row().is_ok());
    ASSERT_TRUE(bulk->finish().is_ok());
  }
  auto read = std::move(conn->prepare("SELECT id, b FROM bytes_test ORDER BY id")).value();
  int rows = 0;
  while (*read->step()) {
    ++rows;
    EXPECT_EQ(read->get_blob(1), all) << "row " << read->get_int(0);
  }
  EXPECT_EQ(rows, conn->backend() == "postgres" ? 2 : 1);
  std::string back;
  EXPECT_FALSE(hex_bytes("0g", back));
  EXPECT_FALSE(hex_bytes("abc", back));
  EXPECT_TRUE(conn->exec_script("DROP TABLE bytes_test").is_ok());
  read.reset();
  ins.reset();
  conn.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((file + suffix).c_str());
}

TEST(Migrations, ConvertsTheObservationTableKeepingEveryVersion) {
  const std::string file = ::testing::TempDir() + "compact_" + std::to_string(getpid()) + ".db";
  std::remove(file.c_str());
  const std::string db = std::move(test_database_or(file)).value();
  {
    auto conn = std::move(is_postgres_url(db) ? open_postgres_connection(db, 0)
                                              : open_sqlite_connection(db))
                    .value();
    // As Store::migrate does: SQLite rebuilds tables with foreign keys off.
    if (conn->backend() == "sqlite")
      ASSERT_TRUE(conn->exec_script("PRAGMA foreign_keys=OFF").is_ok());
    ASSERT_TRUE(
        conn->exec_script("CREATE TABLE schema_version (version INTEGER NOT NULL)").is_ok());
    for (const Migration& m : migrations(conn->backend())) {
      if (m.version > 17) break;
      const Status applied = conn->exec_script(m.sql);
      ASSERT_TRUE(applied.is_ok()) << m.name << ": " << applied.to_string();
      ASSERT_TRUE(
          conn->exec_script("INSERT INTO schema_version VALUES (" + std::to_string(m.version) + ")")
              .is_ok());
    }
    ASSERT_TRUE(conn->exec_script(
                        "INSERT INTO unit (id, code, level, base_name) VALUES (7, 'X7', 'commune',"
                        " 'Xã Bảy');"
                        "INSERT INTO unit_version (unit_id, name, type, parent_id, valid_from,"
                        " valid_to) VALUES (7, 'Xã Bảy', 'Xã', NULL, '2000-01-01', '9999-12-31');"
                        "INSERT INTO measure VALUES ('zeta', 'Z', 'Z', '%', 'percent', 'none', '');"
                        "INSERT INTO measure VALUES ('alpha', 'A', 'A', '', 'number', 'none', '');"
                        "INSERT INTO observation (id, unit_id, measure_id, date, value, status,"
                        " author, note, recorded_at, current, supersedes, shown) VALUES"
                        " (10, 7, 'zeta', '2024-12-31', 80, 'verified', 'so.yte', 'đã kiểm tra',"
                        " '2025-01-05T03:04:05Z', 0, NULL, 2),"
                        " (11, 7, 'zeta', '2024-12-31', 85.5, 'submitted', 'xa.bay', '',"
                        " '2025-02-01T00:00:00Z', 1, 10, 1),"
                        " (12, 7, 'alpha', '2025-06-30', 3, 'draft', 'xa.bay', 'nháp',"
                        " '2025-07-01T10:00:00Z', 1, NULL, 0),"
                        " (13, 7, 'alpha', '2023-12-31', 2, 'returned', 'so.yte', 'sai',"
                        " '2024-01-02T00:00:00Z', 1, NULL, 0)")
                    .is_ok());
  }
  auto opened = Store::open(db);
  ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
  auto store = std::move(opened).value();
  EXPECT_EQ(*store->schema_version(), latest_schema_version(store->backend()));
  const auto zeta = *store->observation_history(7, "zeta");
  ASSERT_EQ(zeta.size(), 2u);
  EXPECT_EQ(zeta[0].id, 10);
  EXPECT_EQ(zeta[0].date.iso(), "2024-12-31");
  EXPECT_EQ(zeta[0].value, 80);
  EXPECT_EQ(zeta[0].status, ObservationStatus::kVerified);
  EXPECT_EQ(zeta[0].author, "so.yte");
  EXPECT_EQ(zeta[0].note, "đã kiểm tra");
  EXPECT_EQ(zeta[0].recorded_at, "2025-01-05T03:04:05Z");
  EXPECT_FALSE(zeta[0].current);
  EXPECT_EQ(zeta[1].value, 85.5);
  EXPECT_EQ(zeta[1].status, ObservationStatus::kSubmitted);
  EXPECT_TRUE(zeta[1].current);
  const auto alpha = *store->observation_history(7, "alpha");
  ASSERT_EQ(alpha.size(), 2u);
  EXPECT_EQ(alpha[0].status, ObservationStatus::kReturned);
  EXPECT_EQ(alpha[1].status, ObservationStatus::kDraft);
  EXPECT_EQ(alpha[1].note, "nháp");
  // The kept values, computed after the conversion: the self-assessed view
  // counts the submitted 85.5, the verified view the verified 80.
  auto self = *store->latest_values(7, d("2026-01-01"), false);
  ASSERT_EQ(self.size(), 1u);
  EXPECT_EQ(self[0].value, 85.5);
  auto verified = *store->latest_values(7, d("2026-01-01"), true);
  ASSERT_EQ(verified.size(), 1u);
  EXPECT_EQ(verified[0].value, 80);
  // The queue of submitted values, and new values after the old ids.
  const auto queue = *store->observations_with_status(ObservationStatus::kSubmitted, 0, 7, 10);
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0].id, 11);
  auto add_verified = [&](const char* measure, const char* date, double value) {
    Observation o{.unit_id = 7,
                  .measure_id = measure,
                  .date = d(date),
                  .value = value,
                  .status = ObservationStatus::kVerified,
                  .author = "so.yte"};
    EXPECT_TRUE(store->add_observation(o).is_ok());
    return o.id;
  };
  EXPECT_GT(add_verified("zeta", "2024-12-31", 90), 13);
  EXPECT_EQ(store->observation_history(7, "zeta")->size(), 3u);
  EXPECT_EQ((*store->latest_values(7, d("2026-01-01"), true))[0].value, 90);
  // A measure added later takes the next number.
  ASSERT_TRUE(store->upsert_measure(Measure{.id = "beta", .name_vi = "B", .name_en = "B"}).is_ok());
  add_verified("beta", "2025-12-31", 1);
  EXPECT_EQ(store->observation_history(7, "beta")->at(0).measure_id, "beta");
  store.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((file + suffix).c_str());
}

TEST_F(StoreTest, DescendantsFollowTheStructureOfTheDate) {
  const int64_t prov = add_unit("42", Level::kProvince, "Hà Tĩnh", 0, d("2016-01-01"), Date::max());
  const int64_t dist =
      add_unit("448", Level::kDistrict, "Lộc Hà", prov, d("2016-01-01"), d("2025-06-30"));
  add_unit("18500", Level::kCommune, "A", dist, d("2016-01-01"), d("2025-06-30"));
  add_unit("18900", Level::kCommune, "B", prov, d("2025-07-01"), Date::max());

  auto old = *store->descendants_at(prov, Level::kCommune, d("2024-12-31"));
  ASSERT_EQ(old.size(), 1u);
  EXPECT_EQ(old[0].code, "18500");
  EXPECT_EQ(old[0].parent_id, dist);
  auto now = *store->descendants_at(prov, Level::kCommune, d("2025-07-01"));
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0].code, "18900");
  EXPECT_FALSE(store->unit_at("18500", d("2025-07-01"))->has_value());
  auto roots = *store->top_level_units(d("2025-07-01"));
  ASSERT_EQ(roots.size(), 1u);
  EXPECT_EQ(roots[0].code, "42");
  EXPECT_TRUE(store->unit_at("18500", d("2025-06-30"))->has_value());
}

TEST_F(StoreTest, CorrectionsSupersedeAndKeepHistory) {
  const int64_t u = add_unit("1", Level::kCommune, "A", 0, d("2016-01-01"), Date::max());
  ASSERT_TRUE(store->upsert_measure(Measure{.id = "m", .name_vi = "M"}).is_ok());
  Observation o{.unit_id = u, .measure_id = "m", .date = d("2020-01-01"), .value = 1};
  ASSERT_TRUE(store->add_observation(o).is_ok());
  Observation fix = o;
  fix.value = 2;
  fix.status = ObservationStatus::kVerified;
  ASSERT_TRUE(store->add_observation(fix).is_ok());

  auto history = *store->observation_history(u, "m");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_FALSE(history[0].current);
  EXPECT_EQ(history[0].value, 1);
  EXPECT_TRUE(history[1].current);
  EXPECT_EQ((*store->current_observation(u, "m", d("2020-01-01")))->value, 2);
}

// The queues are read per province or unit: a province's submitted values
// are all in its queue however many newer ones other provinces have (the
// whole country's newest N, filtered, would leave it out).
TEST_F(StoreTest, QueuesArePerProvinceAndUnit) {
  const int64_t p1 = add_unit("01", Level::kProvince, "P1", 0, d("2016-01-01"), Date::max());
  const int64_t p2 = add_unit("02", Level::kProvince, "P2", 0, d("2016-01-01"), Date::max());
  const int64_t a = add_unit("10", Level::kCommune, "A", p1, d("2016-01-01"), Date::max());
  const int64_t b = add_unit("20", Level::kCommune, "B", p2, d("2016-01-01"), Date::max());
  const int64_t c = add_unit("21", Level::kCommune, "C", p2, d("2016-01-01"), Date::max());
  ASSERT_TRUE(store->refresh_unit_provinces().is_ok());
  ASSERT_TRUE(store->upsert_measure(Measure{.id = "m", .name_vi = "M"}).is_ok());
  auto add = [&](int64_t unit, const char* date, ObservationStatus status) {
    Observation o{
        .unit_id = unit, .measure_id = "m", .date = d(date), .value = 1, .status = status};
    ASSERT_TRUE(store->add_observation(o).is_ok());
  };
  add(a, "2020-12-31", ObservationStatus::kSubmitted);
  add(a, "2021-12-31", ObservationStatus::kVerified);
  for (const char* date : {"2022-12-31", "2023-12-31", "2024-12-31"})
    add(b, date, ObservationStatus::kSubmitted);
  add(c, "2024-12-31", ObservationStatus::kReturned);
  auto units = [&](int64_t province, int64_t unit, ObservationStatus status, int limit) {
    std::string out;
    const auto queue = store->observations_with_status(status, province, unit, limit);
    EXPECT_TRUE(queue.is_ok());
    for (const Observation& o : *queue)
      out += (o.unit_id == a ? "a" : o.unit_id == b ? "b" : "c") + o.date.iso() + " ";
    return out;
  };
  EXPECT_EQ(units(p1, 0, ObservationStatus::kSubmitted, 1), "a2020-12-31 ");
  EXPECT_EQ(units(0, 0, ObservationStatus::kSubmitted, 1), "b2024-12-31 ");
  EXPECT_EQ(units(p2, 0, ObservationStatus::kSubmitted, 2), "b2024-12-31 b2023-12-31 ");
  EXPECT_EQ(units(0, b, ObservationStatus::kSubmitted, 9), "b2024-12-31 b2023-12-31 b2022-12-31 ");
  EXPECT_EQ(units(0, c, ObservationStatus::kReturned, 9), "c2024-12-31 ");
  EXPECT_EQ(units(p1, 0, ObservationStatus::kReturned, 9), "");
  // Verified values are not a queue.
  EXPECT_EQ(units(p1, 0, ObservationStatus::kVerified, 9), "");
}

TEST_F(StoreTest, LatestValuesRespectDateAndStatus) {
  const int64_t u = add_unit("1", Level::kCommune, "A", 0, d("2016-01-01"), Date::max());
  ASSERT_TRUE(store->upsert_measure(Measure{.id = "m", .name_vi = "M"}).is_ok());
  auto add = [&](const char* date, double v, ObservationStatus st) {
    Observation o{.unit_id = u, .measure_id = "m", .date = d(date), .value = v, .status = st};
    ASSERT_TRUE(store->add_observation(o).is_ok());
  };
  add("2019-01-01", 10, ObservationStatus::kVerified);
  add("2020-01-01", 20, ObservationStatus::kSubmitted);
  add("2021-01-01", 30, ObservationStatus::kDraft);

  auto all = *store->latest_values(u, d("2022-01-01"), false);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].value, 20);
  auto verified = *store->latest_values(u, d("2022-01-01"), true);
  ASSERT_EQ(verified.size(), 1u);
  EXPECT_EQ(verified[0].value, 10);
  EXPECT_TRUE(store->latest_values(u, d("2018-12-31"), false)->empty());
}

// The kept values (observation_asof) answer exactly as the full history
// does, through returns and corrections, for every date and view.
TEST_F(StoreTest, KeptLatestValuesFollowReturnsAndCorrections) {
  const int64_t u = add_unit("1", Level::kCommune, "A", 0, d("2016-01-01"), Date::max());
  for (const char* m : {"a", "b"}) {
    ASSERT_TRUE(store->upsert_measure(Measure{.id = m, .name_vi = m}).is_ok());
  }
  auto add = [&](const char* m, const char* date, double v, ObservationStatus st) {
    Observation o{.unit_id = u, .measure_id = m, .date = d(date), .value = v, .status = st};
    ASSERT_TRUE(store->add_observation(o).is_ok());
  };
  auto values = [&](const char* at, bool verified) {
    std::string out;
    const auto got = store->latest_values(u, d(at), verified);
    EXPECT_TRUE(got.is_ok());
    for (const MeasureValue& v : *got) {
      out +=
          v.measure_id + "=" + std::to_string(static_cast<int>(v.value)) + "@" + v.date.iso() + " ";
    }
    return out;
  };
  add("a", "2019-12-31", 10, ObservationStatus::kVerified);
  add("a", "2020-12-31", 20, ObservationStatus::kVerified);
  add("b", "2020-12-31", 5, ObservationStatus::kSubmitted);
  EXPECT_EQ(values("2030-01-01", false), "a=20@2020-12-31 b=5@2020-12-31 ");
  EXPECT_EQ(values("2030-01-01", true), "a=20@2020-12-31 ");
  // The 2020 value of a is returned: both views fall back to 2019.
  add("a", "2020-12-31", 20, ObservationStatus::kReturned);
  EXPECT_EQ(values("2030-01-01", false), "a=10@2019-12-31 b=5@2020-12-31 ");
  EXPECT_EQ(values("2030-01-01", true), "a=10@2019-12-31 ");
  // Corrected and verified; b verified too.
  add("a", "2020-12-31", 21, ObservationStatus::kVerified);
  add("b", "2020-12-31", 6, ObservationStatus::kVerified);
  EXPECT_EQ(values("2030-01-01", true), "a=21@2020-12-31 b=6@2020-12-31 ");
  // A date before the latest values reads the history.
  EXPECT_EQ(values("2020-06-30", false), "a=10@2019-12-31 ");
  add("b", "2021-12-31", 7, ObservationStatus::kDraft);  // drafts never count
  EXPECT_EQ(values("2030-01-01", false), "a=21@2020-12-31 b=6@2020-12-31 ");
}

// A draft or a returned submission entered over a verified value never
// changes the verified view (what visitors see); the self-assessed view
// shows a submitted value and falls back to the verified one otherwise.
TEST_F(StoreTest, DraftsAndReturnsNeverChangeTheVerifiedView) {
  const int64_t u = add_unit("1", Level::kCommune, "A", 0, d("2016-01-01"), Date::max());
  ASSERT_TRUE(store->upsert_measure(Measure{.id = "a", .name_vi = "a"}).is_ok());
  auto add = [&](double v, ObservationStatus st) {
    Observation o{
        .unit_id = u, .measure_id = "a", .date = d("2024-12-31"), .value = v, .status = st};
    ASSERT_TRUE(store->add_observation(o).is_ok());
  };
  auto value = [&](bool verified) -> std::string {
    const auto got = store->latest_values(u, d("2025-06-30"), verified);
    EXPECT_TRUE(got.is_ok());
    const auto history = store->value_history(u, verified);
    EXPECT_TRUE(history.is_ok());
    EXPECT_EQ(history->size(), got->size());  // the history agrees
    return got->empty() ? "-" : std::to_string(static_cast<int>(got->front().value));
  };
  add(90, ObservationStatus::kVerified);
  add(50, ObservationStatus::kDraft);  // the commune starts a correction
  EXPECT_EQ(value(true), "90");
  EXPECT_EQ(value(false), "90");
  add(60, ObservationStatus::kSubmitted);
  EXPECT_EQ(value(true), "90");
  EXPECT_EQ(value(false), "60");
  add(60, ObservationStatus::kReturned);  // the department returns it
  EXPECT_EQ(value(true), "90");
  EXPECT_EQ(value(false), "90");
  add(70, ObservationStatus::kSubmitted);
  add(70, ObservationStatus::kVerified);
  EXPECT_EQ(value(true), "70");
  EXPECT_EQ(value(false), "70");
  add(70, ObservationStatus::kReturned);  // a verified value taken back
  EXPECT_EQ(value(true), "-");
  EXPECT_EQ(value(false), "-");
}

// Many units, measures, years, statuses and corrections in random order:
// the values on every quarter end, the days around it and far before and
// after equal those computed from the whole history, in both views.
TEST_F(StoreTest, KeptValuesAsOfEveryDateEqualTheHistory) {
  for (const char* m : {"a", "b", "c"}) {
    ASSERT_TRUE(store->upsert_measure(Measure{.id = m, .name_vi = m}).is_ok());
  }
  std::vector<int64_t> units;
  for (int i = 0; i < 4; ++i) {
    units.push_back(add_unit(std::to_string(i), Level::kCommune, "U" + std::to_string(i), 0,
                             d("2016-01-01"), Date::max()));
  }
  uint64_t seed = 42;
  auto next = [&](int n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((seed >> 33) % n);
  };
  const char* kEnds[] = {"03-31", "06-30", "09-30", "12-31"};
  constexpr ObservationStatus kStatuses[] = {
      ObservationStatus::kVerified, ObservationStatus::kVerified, ObservationStatus::kSubmitted,
      ObservationStatus::kDraft, ObservationStatus::kReturned};
  for (int i = 0; i < 300; ++i) {
    Observation o{.unit_id = units[next(4)],
                  .measure_id = std::string(1, static_cast<char>('a' + next(3))),
                  .date = d(std::to_string(2016 + next(5)) + "-" + kEnds[next(4)]),
                  .value = static_cast<double>(next(1000)) / 10,
                  .status = kStatuses[next(5)]};
    ASSERT_TRUE(store->add_observation(o).is_ok());
  }
  std::vector<Date> dates = {d("2000-01-01"), d("2030-01-01")};
  for (int y = 2016; y <= 2020; ++y) {
    for (const char* e : kEnds) {
      const Date q = d(std::to_string(y) + "-" + e);
      dates.insert(dates.end(), {q.add_days(-1), q, q.add_days(1)});
    }
  }
  int compared = 0;
  for (const int64_t u : units) {
    for (const bool verified : {false, true}) {
      const auto history = *store->value_history(u, verified);
      for (const Date at : dates) {
        std::map<std::string, std::string> expected;
        for (const MeasureValue& v : history) {
          if (v.date <= at) expected[v.measure_id] = v.date.iso() + " " + std::to_string(v.value);
        }
        std::map<std::string, std::string> got;
        const auto latest = store->latest_values(u, at, verified);
        ASSERT_TRUE(latest.is_ok()) << latest.status().to_string();
        for (const MeasureValue& v : *latest) {
          got[v.measure_id] = v.date.iso() + " " + std::to_string(v.value);
        }
        EXPECT_EQ(got, expected) << "unit " << u << " at " << at.iso() << " verified " << verified;
        compared += static_cast<int>(expected.size());
      }
    }
  }
  EXPECT_GT(compared, 1000);  // the comparison saw data, not only empty answers
}

// Inside a transaction the kept values are refreshed once, before the commit;
// a rolled-back transaction leaves them as they were.
TEST_F(StoreTest, KeptValuesFollowTheTransaction) {
  const int64_t u = add_unit("1", Level::kCommune, "A", 0, d("2016-01-01"), Date::max());
  for (const char* m : {"a", "b"}) {
    ASSERT_TRUE(store->upsert_measure(Measure{.id = m, .name_vi = m}).is_ok());
  }
  auto add = [&](const char* m, double v) -> Status {
    Observation o{.unit_id = u,
                  .measure_id = m,
                  .date = d("2020-12-31"),
                  .value = v,
                  .status = ObservationStatus::kVerified};
    return store->add_observation(o);
  };
  auto values = [&] {
    std::string out;
    const auto got = store->latest_values(u, d("2030-01-01"), true);
    EXPECT_TRUE(got.is_ok());
    for (const MeasureValue& v : *got)
      out += v.measure_id + "=" + std::to_string(int(v.value)) + " ";
    return out;
  };
  ASSERT_TRUE(store
                  ->transaction([&]() -> Status {
                    TRY(add("a", 1));
                    return add("b", 2);
                  })
                  .is_ok());
  EXPECT_EQ(values(), "a=1 b=2 ");
  EXPECT_FALSE(store
                   ->transaction([&]() -> Status {
                     TRY(add("a", 5));
                     return Status::invalid("stop");
                   })
                   .is_ok());
  EXPECT_EQ(values(), "a=1 b=2 ");
  ASSERT_TRUE(add("b", 3).is_ok());  // outside a transaction: at once
  EXPECT_EQ(values(), "a=1 b=3 ");
}

TEST_F(StoreTest, TransactionRollsBack) {
  Status s = store->transaction([&]() -> Status {
    TRY(store->set_setting("k", "v"));
    return Status::invalid("stop");
  });
  EXPECT_FALSE(s.is_ok());
  EXPECT_FALSE(store->setting("k")->has_value());
  EXPECT_TRUE(store->transaction([&] { return store->set_setting("k", "v"); }).is_ok());
  EXPECT_EQ(**store->setting("k"), "v");
}

}  // namespace
}  // namespace ntm

namespace ntm {
namespace {

// A transaction inside another joins it: the inner write is undone when the
// outer one fails, and kept when it commits.
TEST(StoreTransactions, NestedJoinTheOuter) {
  auto store = std::move(open_test_store()).value();
  const Status failed = store->transaction([&]() -> Status {
    TRY(store->transaction([&] { return store->set_setting("a", "1"); }));
    return Status::invalid("later step fails");
  });
  EXPECT_FALSE(failed.is_ok());
  EXPECT_FALSE(store->setting("a")->has_value());
  ASSERT_TRUE(store
                  ->transaction([&]() -> Status {
                    TRY(store->transaction([&] { return store->set_setting("a", "2"); }));
                    return store->set_setting("b", "3");
                  })
                  .is_ok());
  EXPECT_EQ(**store->setting("a"), "2");
  EXPECT_EQ(**store->setting("b"), "3");
}

}  // namespace
}  // namespace ntm
