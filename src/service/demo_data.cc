#include "service/demo_data.h"

#include <algorithm>
#include <cmath>

#include "base/strings.h"

namespace ntm::demo {
namespace {

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

}  // namespace

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
                const std::map<std::string, Measure>& measures, Rng& rng, bool gaps) {
  for (int year = first; year <= last; ++year) {
    // Year-end reports; the 2026 one is the mid-year report (30/06/2026).
    const std::string date = std::to_string(year) + (year == 2026 ? "-06-30" : "-12-31");
    // Earlier reports are verified; the latest one (2026) is partly waiting
    // for the departments, which fills the verification queues of the demo.
    const char* status = year <= 2025 ? "verified" : rng.uniform() < 0.7 ? "verified" : "submitted";
    for (size_t c = 0; c < set.criteria.size(); ++c) {
      for (const Indicator& ind : set.criteria[c].indicators) {
        const bool gap = rng.uniform() < 0.015;  // a data gap (drawn either way)
        if (gap && gaps) continue;
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

const char* region_of_province(int province) {
  if (province <= 1 || (province >= 22 && province <= 37 && province != 24 && province != 25 &&
                        province != 26 && province != 27))
    return "DBSH";
  if (province < 22 || (province >= 24 && province <= 27)) return "TDMNPB";
  if (province <= 45) return "BTB";
  if (province <= 60) return "DHNTB";
  if (province <= 68) return "TN";
  if (province <= 79) return "DNB";
  return "DBSCL";
}

}  // namespace ntm::demo
