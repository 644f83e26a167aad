// National-scale benchmark (issue: national scale). Builds the whole country
// in a SQLite file from the real structures in data/units — 2024 (63
// provinces, 696 districts, 10,035 communes) until 30/06/2025, 2025 (34
// provinces, 3,321 communes) from 01/07/2025, with the 2025 merger lineage —
// 60 measures, a 19-criteria set with thresholds by region and year, and
// synthetic observations: yearly for every measure and quarterly for ten,
// 2016-2024 for the old communes and 2025-2026 for the new ones (≈ 9.7
// million rows at --scale 1), 90% verified, 8% submitted, 2% drafts. The
// observations go through the real import (CSV per province, all or
// nothing). Then it times evaluating every commune of the country at one
// date, the same evaluation as one plain SQL query, and prints a table.
//
//   national_bench [--db FILE] [--scale S] [--keep] [--csv-dir DIR] [--reuse] [--no-sql]
//
// --scale S keeps that fraction of the communes (0.1 for a quick run);
// --keep keeps the database (for `ntm serve` measurements by bench/run.sh);
// --csv-dir writes the observation CSV files there too;
// --reuse times the evaluation on an existing --db file, --no-sql leaves out
// the plain-SQL comparison (both for profiling).
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "base/csv.h"
#include "bench_util.h"
#include "service/demo_data.h"
#include "service/evaluate.h"
#include "service/importer.h"
#include "service/plans.h"

using namespace ntm;
using namespace ntm::bench;

namespace {

void check(const Status& s) {
  if (!s.is_ok()) {
    std::fprintf(stderr, "%s\n", s.to_string().c_str());
    std::exit(1);
  }
}

constexpr int kMeasures = 60, kQuarterly = 10, kCriteria = 19;

// Deterministic pseudo-random numbers (the same data every run).
struct Rng {
  uint64_t s;
  double next() {
    s ^= s << 13, s ^= s >> 7, s ^= s << 17;
    return static_cast<double>(s % 1000000) / 1e6;
  }
};

// One commune's observations for [first, last]: values drift upwards over
// the years around a commune-specific level (lagging regions lower).
void write_commune(std::string& csv, const std::string& code, int first, int last, double level,
                   Rng& rng, long& rows) {
  // A commune formed on 01/07/2025 reports from its third quarter.
  const int first_quarter = first == 2025 ? 3 : 1;
  char line[96];
  for (int m = 0; m < kMeasures; ++m) {
    for (int year = first; year <= last; ++year) {
      const bool quarterly = m < kQuarterly;
      for (int q = quarterly ? (year == first ? first_quarter : 1) : 4; q <= 4; ++q) {
        static constexpr const char* kEnd[] = {"", "03-31", "06-30", "09-30", "12-31"};
        const double v = std::clamp(level + (year - 2016) * 4 + rng.next() * 20 - 10, 0.0, 100.0);
        const double u = rng.next();
        const char* status = u < 0.90 ? "verified" : u < 0.98 ? "submitted" : "draft";
        std::snprintf(line, sizeof line, "%s,m%d,%d-%s,%.1f,%s\n", code.c_str(), m, year, kEnd[q],
                      v, status);
        csv += line;
        ++rows;
      }
    }
  }
}

// One commune's plan: the title by a target year in [first, first + 7], two
// criteria by earlier years, a milestone two years after `first`.
void write_plan(std::string& csv, const std::string& code, int first, Rng& rng, long& rows) {
  const int target = first + static_cast<int>(rng.next() * 8);
  const int c1 = 1 + static_cast<int>(rng.next() * kCriteria), c2 = c1 % kCriteria + 1;
  csv += code + ",title,NTM,," + std::to_string(target) + ",,,\n";
  csv += code + ",criterion," + std::to_string(c1) + ",," + std::to_string(target - 1) + ",,,\n";
  csv += code + ",criterion," + std::to_string(c2) + ",," + std::to_string(target) + ",,,\n";
  csv += code + ",milestone,,,," + std::to_string(first + 2) + "-12-31," +
         std::to_string(8 + static_cast<int>(rng.next() * 8)) + ",\n";
  rows += 4;
}

std::string read_or_die(const std::string& path) {
  auto r = read_file(path);
  check(r.status());
  return *r;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db = (std::filesystem::temp_directory_path() / "ntm_national.db").string();
  std::string csv_dir;
  double scale = 1.0;
  bool keep = false, reuse = false, no_sql = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
      db = argv[++i];
    else if (!std::strcmp(argv[i], "--scale") && i + 1 < argc)
      scale = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "--csv-dir") && i + 1 < argc)
      csv_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--keep"))
      keep = true;
    else if (!std::strcmp(argv[i], "--reuse"))
      keep = reuse = true;
    else if (!std::strcmp(argv[i], "--no-sql"))
      no_sql = true;
  }
  const char* data_env = std::getenv("NTM_DATA_DIR");
  const std::string data = data_env ? data_env : NTM_BENCH_DATA_DIR;
  const bool pg = is_postgres_url(db);
  no_sql = no_sql || pg;  // the plain-SQL comparison is SQLite's
  if (!reuse && pg) {
    auto fresh = std::move(Store::open_unmigrated(db)).value();
    check(fresh->connection().exec_script("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
  } else if (!reuse) {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db + s);
  }
  auto store = std::move(Store::open(db, 0)).value();
  auto t = Clock::now();
  Rng rng{20160101};
  long rows = 0, communes_old = 0, communes_new = 0;
  double import_ms = 0, structure_ms = 0, plans_ms = 0;
  long plan_rows = 0;
  if (!reuse) {
    // Structures, lineage, regions, the set.
    const std::string u2024 = read_or_die(data + "/units/units_2024.csv");
    const std::string u2025 = read_or_die(data + "/units/units_2025.csv");
    check(import_units(*store, "units_2024.csv", u2024, *Date::parse("2016-01-01"),
                       *Date::parse("2025-06-30"))
              .status());
    check(import_units(*store, "units_2025.csv", u2025, *Date::parse("2025-07-01"), Date::max())
              .status());
    check(import_lineage(*store, "merge_2025.csv", read_or_die(data + "/units/merge_2025.csv"),
                         *Date::parse("2025-07-01"))
              .status());
    std::string attrs = "unit_code,attribute,value,valid_from\n";
    const CsvTable units_2024 =
        std::move(CsvTable::parse(u2024, "u", {"code", "name", "type", "level", "parent_code"}))
            .value();
    for (const CsvRow& r : units_2024.rows()) {
      if (r.fields[3] == "1") {
        attrs += r.fields[0] + ",region," +
                 demo::region_of_province(std::atoi(r.fields[0].c_str())) + ",2016-01-01\n";
      }
    }
    check(import_attributes(*store, "regions", attrs).status());
    check(import_criteria(
              *store, "bench.yaml",
              criteria_yaml(kMeasures, "bench-national",
                            "{default: {2016: 50, 2020: 60}, TDMNPB: {2016: 40, 2020: 50}, "
                            "TN: {2016: 45, 2020: 55}, DBSCL: {2016: 45, 2020: 55}}"))
              .status());
    structure_ms = ms_since(t);
    std::fprintf(stderr, "structures: %.1f s\n", structure_ms / 1000);

    // Observations and plans, one CSV of each per province of each structure,
    // through the imports.
    const Catalog set_only = std::move(Catalog::load(*store)).value();
    auto load = [&](const std::string& units_csv, int first, int last, long& communes,
                    const std::string& tag) {
      const CsvTable t =
          std::move(
              CsvTable::parse(units_csv, "u", {"code", "name", "type", "level", "parent_code"}))
              .value();
      const std::string commune_level = tag == "2024" ? "3" : "2";
      std::map<std::string, std::vector<const CsvRow*>> by_province;  // via parent chain
      std::map<std::string, std::string> parent;
      for (const CsvRow& r : t.rows()) parent[r.fields[0]] = r.fields[4];
      for (const CsvRow& r : t.rows()) {
        if (r.fields[3] != commune_level) continue;
        std::string p = r.fields[4];
        while (!parent[p].empty()) p = parent[p];
        by_province[p].push_back(&r);
      }
      for (const auto& [province, list] : by_province) {
        std::string csv = "unit_code,measure,date,value,status\n";
        std::string plans = "unit_code,kind,code,set,target_year,date,criteria_met,note\n";
        long n = 0, plan_n = 0;
        const double lag =
            std::strcmp(demo::region_of_province(std::atoi(province.c_str())), "TDMNPB") == 0 ? 15
                                                                                              : 0;
        for (size_t i = 0; i < list.size(); ++i) {
          // Keep a `scale` fraction, spread over the province.
          if (static_cast<long>((i + 1) * scale) == static_cast<long>(i * scale)) continue;
          write_commune(csv, list[i]->fields[0], first, last, 40 - lag + rng.next() * 20, rng, n);
          write_plan(plans, list[i]->fields[0], first == 2016 ? 2018 : 2026, rng, plan_n);
          ++communes;
        }
        if (n == 0) continue;  // a small --scale can leave a province without communes
        const std::string name = "obs_" + tag + "_" + province + ".csv";
        if (!csv_dir.empty()) std::ofstream(csv_dir + "/" + name) << csv;
        const auto t0 = Clock::now();
        check(import_observations(*store, name, csv, "bench").status());
        import_ms += ms_since(t0);
        rows += n;
        const auto t1 = Clock::now();
        check(
            import_plans(*store, set_only, "plans_" + tag + "_" + province + ".csv", plans, "bench")
                .status());
        plans_ms += ms_since(t1);
        plan_rows += plan_n;
        std::fprintf(stderr, "\r%s: %ld rows, %.0f rows/s   ", name.c_str(), rows,
                     rows / (import_ms / 1000));
      }
    };
    load(u2024, 2016, 2024, communes_old, "2024");
    load(u2025, 2025, 2026, communes_new, "2025");
  }

  // Every commune of the country at one date: our engine, then plain SQL.
  const Catalog catalog = std::move(Catalog::load(*store)).value();
  const Date at = *Date::parse("2024-12-31");
  const auto provinces = std::move(store->top_level_units(at)).value();
  // Median of 3 runs of fn over every province on `on`; fn counts 3 times.
  auto median_ms = [&](Date on, const std::function<void(const UnitVersion&)>& fn) {
    std::vector<double> times;
    for (int run = 0; run < 3; ++run) {
      const auto t0 = Clock::now();
      const auto units = std::move(store->top_level_units(on)).value();
      for (const UnitVersion& p : units) fn(p);
      times.push_back(ms_since(t0));
    }
    std::sort(times.begin(), times.end());
    return times[1];
  };
  size_t evaluated = 0;
  long met = 0;
  const double ours = median_ms(at, [&](const UnitVersion& p) {
    auto list = evaluate_all(*store, catalog, p.code, Level::kCommune, {at, "", false});
    check(list.status());
    evaluated += list->size();
    for (const Assessment& a : *list) met += a.criteria_met;
  });
  evaluated /= 3, met /= 3;
  // The same on both cores: the provinces shared with a second thread
  // reading through a second connection (what the server and
  // `ntm evaluate --all` do).
  std::vector<double> two_times;
  long met_two = 0;
  {
    auto twin = store->open_twin();
    check(twin.status());
    std::vector<std::string> codes;
    for (const UnitVersion& p : provinces) codes.push_back(p.code);
    for (int run = 0; run < 3; ++run) {
      const auto t0 = Clock::now();
      std::vector<long> met_of(codes.size());
      check(evaluate_each(*store, twin->get(), catalog, codes, Level::kCommune, {at, "", false},
                          [&](size_t i, std::vector<Assessment> units) {
                            for (const Assessment& a : units) met_of[i] += a.criteria_met;
                            return Status::ok();
                          }));
      two_times.push_back(ms_since(t0));
      met_two = 0;
      for (const long m : met_of) met_two += m;
    }
    std::sort(two_times.begin(), two_times.end());
  }
  // The plan status of every commune (its plan against its assessment).
  size_t with_plan = 0;
  const double plans_status_ms = median_ms(at, [&](const UnitVersion& p) {
    auto list = plan_statuses(*store, catalog, p.code, {at, "", false});
    check(list.status());
    for (const PlanRow& r : *list) with_plan += r.plan.plan ? 1 : 0;
  });
  // The current structure at the end of the data (latest values).
  const Date end = *Date::parse("2026-12-31");
  size_t evaluated_now = 0;
  const double now_ms = median_ms(end, [&](const UnitVersion& p) {
    auto list = evaluate_all(*store, catalog, p.code, Level::kCommune, {end, "", false});
    check(list.status());
    evaluated_now += list->size();
  });

  // The same question in plain SQL: the latest counted value of every
  // (commune, measure) on the date against its default threshold for the
  // year, criteria met when every indicator is met.
  sqlite3* raw = nullptr;
  if (!pg && sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
    return 1;
  std::string setup =
      "PRAGMA cache_size=-65536; CREATE TEMP TABLE ind (measure_id TEXT PRIMARY KEY,"
      " criterion INTEGER, threshold REAL);";
  for (int m = 0; m < kMeasures; ++m) {
    setup += "INSERT INTO ind VALUES ('m" + std::to_string(m) + "', " +
             std::to_string(m % kCriteria) + ", 60);";
  }
  if (raw) sqlite3_exec(raw, setup.c_str(), nullptr, nullptr, nullptr);
  const std::string query =
      "WITH latest AS (SELECT o.unit_id, m.id AS measure_id, o.value,"
      "  ROW_NUMBER() OVER (PARTITION BY o.unit_id, o.measure ORDER BY o.day DESC) AS rn"
      "  FROM observation o JOIN measure m ON m.num = o.measure"
      "  WHERE o.current = 1 AND o.day <= " +
      std::to_string(at.days()) +
      "  AND o.status IN (1, 2)),"  // submitted, verified
      " per_criterion AS (SELECT l.unit_id, i.criterion, MIN(l.value >= i.threshold) AS ok"
      "  FROM latest l JOIN ind i ON i.measure_id = l.measure_id WHERE l.rn = 1"
      "  GROUP BY l.unit_id, i.criterion)"
      " SELECT unit_id, SUM(ok) FROM per_criterion GROUP BY unit_id";
  std::vector<double> sql_times;
  long sql_units = 0;
  for (int run = 0; run < (no_sql ? 0 : 3); ++run) {
    t = Clock::now();
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw, query.c_str(), -1, &st, nullptr);
    sql_units = 0;
    while (sqlite3_step(st) == SQLITE_ROW) ++sql_units;
    sqlite3_finalize(st);
    sql_times.push_back(ms_since(t));
  }
  if (raw) sqlite3_close(raw);
  std::sort(sql_times.begin(), sql_times.end());
  if (no_sql) sql_times.assign(3, 0.0);

  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("| what | value |\n|---|---|\n");
  std::printf("| scale | %.2f: %ld communes 2016-2024, %ld communes 2025-2026 |\n", scale,
              communes_old, communes_new);
  std::printf("| structures, lineage, regions, set | %.0f ms |\n", structure_ms);
  std::printf(
      "| import %ld observations (a CSV per province, `import observations`) | %.1f s (%.0f "
      "rows/s) |\n",
      rows, import_ms / 1000, rows / (import_ms / 1000));
  std::printf("| database size | %.0f MB |\n",
              static_cast<double>(std::move(store->database_bytes()).value()) / 1e6);
  std::printf("| evaluate all %zu communes of %zu provinces at %s, median of 3 | %.0f ms |\n",
              evaluated, provinces.size(), at.vi().c_str(), ours);
  std::printf("| the same on two threads (a second connection), median of 3 | %.0f ms (%s) |\n",
              two_times[1], met_two == met ? "same verdicts" : "VERDICTS DIFFER");
  if (!pg) {
    std::printf(
        "| same as one plain SQL query (latest value per measure, criteria met) | %.0f ms (%ld "
        "units) |\n",
        sql_times[1], sql_units);
    std::printf("| plain SQL / ours | %.0f× faster |\n", sql_times[1] / ours);
  }
  std::printf("| criteria met in total (sanity) | %ld |\n", met);
  std::printf("| evaluate all %zu communes of the 2025 structure at %s, median of 3 | %.0f ms |\n",
              evaluated_now / 3, end.vi().c_str(), now_ms);
  if (!reuse) {
    std::printf(
        "| import %ld plan rows (title, criteria, milestone; a CSV per province) | %.1f s "
        "|\n",
        plan_rows, plans_ms / 1000);
  }
  std::printf("| plan status of every commune at %s (%zu with a plan), median of 3 | %.0f ms |\n",
              at.vi().c_str(), with_plan / 3, plans_status_ms);
  std::printf("| peak RSS of this process%s | %ld MB |\n",
              pg ? " (PostgreSQL's own memory not counted)" : "", ru.ru_maxrss / 1024);
  if (!keep && !pg) {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db + s);
  } else {
    std::printf("\nDatabase kept: %s\n", db.c_str());
  }
  return 0;
}
