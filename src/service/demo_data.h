// The demo's synthetic data generator, shared by the province demo and the
// national one (demo.cc, demo_national.cc): deterministic, the same every run.
#pragma once

#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "model/criteria_set.h"
#include "model/measure.h"

namespace ntm::demo {

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

// Year by which a commune meets each criterion, and the year it reaches the
// title: most reach it between 2017 and 2024, some lag, as the province did.
struct CommuneStory {
  std::vector<int> met_year;  // per criterion; 9999 = not by the end
};
CommuneStory story(size_t criteria, Rng& rng);

// Observations (CSV rows unit_code,measure,date,value,status) of one unit for
// the years [first, last] under `set`, thresholds of `variant`; with `gaps`
// about 1.5 % of values are missing, as in real reports.
void write_unit(std::ostringstream& csv, const std::string& code, const CriteriaSet& set,
                const std::string& variant, const CommuneStory& st, int first, int last,
                const std::map<std::string, Measure>& measures, Rng& rng, bool gaps = true);

// The socio-economic region (QĐ 318/2022's grouping) of a province by its
// 2024 GSO code: TDMNPB, DBSH, BTB, DHNTB, TN, DNB or DBSCL.
const char* region_of_province(int code_2024);

}  // namespace ntm::demo
