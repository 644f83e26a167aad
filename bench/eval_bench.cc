// Benchmark: evaluate a province's worth of communes at one date.
// Builds a synthetic province (default 200 communes x 60 measures x 10 yearly
// observations = 120,000 rows) in a temporary SQLite file, then times:
// the observations import, loading the catalogue, and evaluate_all (median
// of the runs). Prints one Markdown table. Usage:
//   eval_bench [--communes N] [--measures M] [--years Y] [--runs R]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "service/evaluate.h"
#include "service/importer.h"

using namespace ntm;
using namespace ntm::bench;

namespace {}  // namespace

int main(int argc, char** argv) {
  int communes = 200, measures = 60, years = 10, runs = 15;
  for (int i = 1; i + 1 < argc; i += 2) {
    const int v = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--communes")) communes = v;
    if (!std::strcmp(argv[i], "--measures")) measures = v;
    if (!std::strcmp(argv[i], "--years")) years = v;
    if (!std::strcmp(argv[i], "--runs")) runs = v;
  }
  const std::string db = std::filesystem::temp_directory_path() / "ntm_eval_bench.db";
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db + s);
  auto store = std::move(Store::open_sqlite(db)).value();

  std::ostringstream units;
  units << "code,name,type,level,parent_code\n42,Tỉnh Bench,Tỉnh,1,\n";
  for (int d = 0; d < 10; ++d) units << 400 + d << ",Huyện " << d << ",Huyện,2,42\n";
  for (int c = 0; c < communes; ++c) {
    units << 20000 + c << ",Xã " << c << ",Xã,3," << 400 + c % 10 << "\n";
  }
  auto check = [](const Status& s) {
    if (!s.is_ok()) {
      std::fprintf(stderr, "%s\n", s.to_string().c_str());
      std::exit(1);
    }
  };
  check(
      import_units(*store, "units", units.str(), *Date::parse("2016-01-01"), Date::max()).status());
  check(import_attributes(*store, "attrs",
                          "unit_code,attribute,value,valid_from\n42,region,BTB,2016-01-01\n")
            .status());
  check(import_criteria(*store, "bench.yaml",
                        criteria_yaml(measures, "bench",
                                      "{default: {2016: 50, 2020: 60}, BTB: {2016: 45, 2020: 55}}"))
            .status());

  std::ostringstream obs;
  obs << "unit_code,measure,date,value,status\n";
  long rows = 0;
  for (int c = 0; c < communes; ++c)
    for (int m = 0; m < measures; ++m)
      for (int y = 0; y < years; ++y, ++rows)
        obs << 20000 + c << ",m" << m << "," << 2016 + y << "-12-31,"
            << 40 + (c * 7 + m * 3 + y * 5) % 60 << ",verified\n";
  auto t = Clock::now();
  check(import_observations(*store, "obs", obs.str(), "bench").status());
  const double import_ms = ms_since(t);

  t = Clock::now();
  const Catalog catalog = std::move(Catalog::load(*store)).value();
  const double catalog_ms = ms_since(t);

  EvaluateOptions opts{.at = *Date::parse(std::to_string(2016 + years - 1) + "-12-31")};
  std::vector<double> times;
  size_t evaluated = 0;
  int met = 0;
  for (int r = 0; r < runs; ++r) {
    t = Clock::now();
    auto list = evaluate_all(*store, catalog, "42", Level::kCommune, opts);
    times.push_back(ms_since(t));
    check(list.status());
    evaluated = list->size();
    met = 0;
    for (const auto& a : *list) met += a.criteria_met;
  }
  std::sort(times.begin(), times.end());
  std::printf("| what | value |\n|---|---|\n");
  std::printf("| communes x measures x years | %d x %d x %d = %ld observations |\n", communes,
              measures, years, rows);
  std::printf("| import observations (one transaction) | %.0f ms (%.0f rows/s) |\n", import_ms,
              rows / (import_ms / 1000));
  std::printf("| load catalogue (measures + sets) | %.1f ms |\n", catalog_ms);
  std::printf("| evaluate all %zu communes, median of %d | %.1f ms |\n", evaluated, runs,
              times[times.size() / 2]);
  std::printf("| evaluate all, fastest / slowest | %.1f / %.1f ms |\n", times.front(),
              times.back());
  std::printf("| criteria met in total (sanity) | %d |\n", met);
  if (!std::getenv("NTM_BENCH_KEEP")) {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db + s);
  }
  return 0;
}
