// Pieces the benchmarks share: timing and the synthetic criteria set.
#pragma once

#include <chrono>
#include <sstream>
#include <string>

namespace ntm::bench {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// `measures` percent measures m0..m(N-1) and a 19-criteria set over them
// (measure m goes to criterion m % 19), every indicator ">=" with
// `thresholds` (a YAML map of variant -> year -> value), variant by region.
inline std::string criteria_yaml(int measures, const std::string& set_id,
                                 const std::string& thresholds) {
  std::ostringstream y;
  y << "measures:\n";
  for (int m = 0; m < measures; ++m) {
    y << "  - {id: m" << m << ", name_vi: \"Chỉ số " << m
      << "\", type: percent, unit: \"%\", aggregation: mean}\n";
  }
  y << "set:\n  id: " << set_id
    << "\n  series: ntm-xa\n  name_vi: \"Bộ đo\"\n  legal_basis: \"benchmark\"\n"
       "  effective_from: 2016-01-01\n  applies_to: {level: commune, unit_types: [\"Xã\"]}\n"
       "  variant_key: region\n  titles: [{code: NTM, name_vi: \"Đạt\"}]\n  criteria:\n";
  const int criteria = 19;
  for (int c = 0; c < criteria; ++c) {
    y << "    - code: \"" << c + 1 << "\"\n      name_vi: \"Tiêu chí " << c + 1
      << "\"\n      indicators:\n";
    for (int m = c; m < measures; m += criteria) {
      y << "        - {code: \"" << c + 1 << "." << m << "\", name_vi: \"CT\", measure: m" << m
        << ", op: \">=\", thresholds: " << thresholds << "}\n";
    }
  }
  return y.str();
}

}  // namespace ntm::bench
