#include "service/demo.h"

#include <cmath>
#include <cstdlib>
#include <sstream>

#include "base/csv.h"
#include "base/strings.h"
#include "service/auth.h"
#include "service/evaluate.h"
#include "service/importer.h"

namespace ntm {
namespace {

// Small deterministic generator (splitmix64), identical on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
  int between(int lo, int hi) {
    return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1));
  }

 private:
  uint64_t s_;
};

struct Structure {
  const char* file;
  const char* from;
  const char* to;  // "" = open
};

constexpr Structure kStructures[] = {
    {"units/ha_tinh_2024-12-31.csv", "2016-01-01", "2025-02-28"},
    {"units/ha_tinh_2024.csv", "2025-03-01", "2025-06-30"},
    {"units/ha_tinh_2025.csv", "2025-07-01", ""},
};

constexpr const char* kCriteriaFiles[] = {
    "criteria/measures.yaml",
    "criteria/ntm-xa-2016-2020.yaml",
    "criteria/ntm-xa-2021-2025.yaml",
    "criteria/ntm-xa-2026-2030.yaml",
    "demo/ntm-xa-minh-hoa-2016-2026.yaml",
    "demo/ntm-xa-minh-hoa-2026-2030.yaml",
};

Result<std::string> read(const std::string& dir, const std::string& name) {
  return read_file(dir + "/" + name);
}

// A value that meets (or misses) `threshold` under `op`, with some spread.
double value_for(Op op, double threshold, bool meet, Rng& rng, MeasureType type) {
  if (type == MeasureType::kBoolean) return meet == (threshold != 0) ? 1 : 0;
  const bool upper = op == Op::kLe || op == Op::kLt;  // smaller is better
  const double margin = meet ? rng.uniform() * 0.12 : 0.04 + rng.uniform() * 0.25;
  double v = upper == meet ? threshold * (1 - margin) : threshold * (1 + margin);
  if (meet && (op == Op::kGt)) v += 0.1;
  if (meet && (op == Op::kLt)) v -= 0.1;
  if (type == MeasureType::kPercent) v = std::clamp(v, 0.0, 100.0);
  return std::round(v * 10) / 10;
}

// Year by which a commune meets each criterion, and the year it reaches the
// title: most reach it between 2017 and 2024, some lag, as the province did.
struct CommuneStory {
  std::vector<int> met_year;  // per criterion; 9999 = not by the end
};

CommuneStory story(size_t criteria, Rng& rng) {
  const double u = rng.uniform();
  const int title_year = u < 0.30   ? rng.between(2014, 2017)
                         : u < 0.85 ? rng.between(2018, 2022)
                         : u < 0.94 ? rng.between(2023, 2024)
                                    : 9999;  // lagging communes
  // A lagging commune met most criteria over the years but never the last few.
  const int last_year = title_year == 9999 ? rng.between(2018, 2023) : title_year;
  CommuneStory s;
  for (size_t i = 0; i < criteria; ++i) s.met_year.push_back(last_year - rng.between(0, 5));
  if (title_year == 9999) {
    for (int k = 0, n = rng.between(1, 4); k < n; ++k) s.met_year[rng.next() % criteria] = 9999;
  }
  return s;
}

// Observations of one unit for the years [first, last] under `set`.
void write_unit(std::ostringstream& csv, const std::string& code, const CriteriaSet& set,
                const std::string& variant, const CommuneStory& st, int first, int last,
                const std::map<std::string, Measure>& measures, Rng& rng) {
  for (int year = first; year <= last; ++year) {
    // Year-end reports; the 2026 one is the mid-year report (30/06/2026).
    const std::string date = std::to_string(year) + (year == 2026 ? "-06-30" : "-12-31");
    // Earlier reports are verified; the latest one (2026) is partly waiting
    // for the departments, which fills the verification queues of the demo.
    const char* status = year <= 2025 ? "verified" : rng.uniform() < 0.7 ? "verified" : "submitted";
    for (size_t c = 0; c < set.criteria.size(); ++c) {
      for (const Indicator& ind : set.criteria[c].indicators) {
        if (rng.uniform() < 0.015) continue;  // a data gap
        auto variant_it = ind.thresholds.find(variant);
        if (variant_it == ind.thresholds.end()) variant_it = ind.thresholds.find("default");
        if (variant_it == ind.thresholds.end()) continue;
        auto y = variant_it->second.upper_bound(year);
        if (y == variant_it->second.begin()) continue;
        const double threshold = std::prev(y)->second;
        const Measure& m = measures.at(ind.measure);
        const bool meet = year >= st.met_year[c];
        csv << code << "," << ind.measure << "," << date << ","
            << format_number(value_for(ind.op, threshold, meet, rng, m.type)) << "," << status
            << "\n";
      }
    }
  }
}

// Demo accounts with a known password, created only in the demo database.
Status add_demo_accounts(Store& store) {
  const NewUser accounts[] = {
      {"vanphong", "admin", "", "", kDemoPassword, "", "Trần Thị Minh (minh họa)"},
      {"so.yte", "department", "", "SYT", kDemoPassword, "", "Lê Văn Hùng (minh họa)"},
      {"so.nnmt", "department", "", "SNNMT", kDemoPassword, "", "Phạm Thị Lan (minh họa)"},
      {"xa.sontay", "commune", "18172", "", kDemoPassword, "", "Nguyễn Văn An (minh họa)"},
      {"bcd.thanhvien", "steering", "42", "", kDemoPassword, "", "Hoàng Văn Bình (minh họa)"},
  };
  for (const NewUser& a : accounts) TRY(add_user(store, a, "demo"));
  return Status::ok();
}

}  // namespace

std::string default_data_dir() {
  const char* env = std::getenv("NTM_DATA_DIR");
  return env && *env ? env : NTM_DATA_DIR;
}

Result<DemoReport> build_demo(Store& store, const std::string& dir) {
  DemoReport report;
  for (const Structure& s : kStructures) {
    const std::string text = TRY(read(dir, s.file));
    const Date to = *s.to ? TRY(Date::parse(s.to)) : Date::max();
    TRY(import_units(store, s.file, text, TRY(Date::parse(s.from)), to));
  }
  report.units = TRY(store.count_units());
  const auto merge = TRY(read(dir, "units/ha_tinh_merge_2025.csv"));
  report.lineage =
      TRY(import_lineage(store, "ha_tinh_merge_2025.csv", merge, *Date::parse("2025-07-01"))).rows;
  TRY(import_attributes(store, "demo/attributes.csv", TRY(read(dir, "demo/attributes.csv"))));
  for (const char* f : kCriteriaFiles) TRY(import_criteria(store, f, TRY(read(dir, f))));
  TRY(store.set_setting("default_series", "ntm-xa-minh-hoa"));
  TRY(store.set_setting("demo_data", "synthetic"));

  const Catalog catalog = TRY(Catalog::load(store));
  const CriteriaSet* before = catalog.find("ntm-xa-minh-hoa-2016-2026");
  const CriteriaSet* after = catalog.find("ntm-xa-minh-hoa-2026-2030");
  if (!before || !after) return Status::internal("demo: illustrative sets missing");
  Rng rng(20171113);  // fixed seed: the same demo every time
  std::ostringstream csv;
  csv << "unit_code,measure,date,value,status\n";
  const auto province = TRY(store.unit_at("42", *Date::parse("2024-12-31")));
  // Communes before the merger: yearly reports 2017-2024 (the 2025 mid-year
  // report too), under the 19-criteria illustrative set.
  for (const UnitVersion& u :
       TRY(store.descendants_at(province->unit_id, Level::kCommune, *Date::parse("2024-12-31")))) {
    if (!before->applies_to(u)) continue;
    write_unit(csv, u.code, *before, "BTB", story(before->criteria.size(), rng), 2017, 2024,
               catalog.measures(), rng);
  }
  // Merged communes: their own first reports at the end of 2025 (19 criteria)
  // and mid-2026 (10 criteria, by commune group, assigned here).
  std::ostringstream groups;
  groups << "unit_code,attribute,value,valid_from\n";
  for (const UnitVersion& u :
       TRY(store.descendants_at(province->unit_id, Level::kCommune, *Date::parse("2025-07-01")))) {
    if (!after->applies_to(u)) continue;
    const double g = rng.uniform();
    const std::string group = g < 0.15 ? "1" : g < 0.85 ? "2" : "3";
    groups << u.code << ",commune_group," << group << ",2026-02-15\n";
    // End of 2025, still under the 19 criteria: the larger merged communes
    // inherit their weakest constituents' gaps, so fewer meet NTM than before.
    CommuneStory st = story(before->criteria.size(), rng);
    for (int& y : st.met_year) y += 3;
    write_unit(csv, u.code, *before, "BTB", st, 2025, 2025, catalog.measures(), rng);
    // Mid-2026 under the new, stricter 10 criteria.
    st = story(after->criteria.size(), rng);
    for (int& y : st.met_year) y += 6;
    write_unit(csv, u.code, *after, group, st, 2026, 2026, catalog.measures(), rng);
  }
  TRY(import_attributes(store, "demo commune groups", groups.str()));
  TRY(add_demo_accounts(store));
  const auto counts =
      TRY(import_observations(store, "demo observations", csv.str(), "demo", "verified"));
  report.observations = counts.written;
  TRY(build_demo_coordination(store, catalog));
  TRY(build_demo_articles(store));
  return report;
}

}  // namespace ntm
