// What changed between two versions of a criteria set, field by field:
// what an office reads before publishing a new version.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/criteria_set.h"
#include "model/measure.h"

namespace ntm {

struct SetChange {
  enum class Kind { kAdded, kRemoved, kChanged };
  Kind kind = Kind::kChanged;
  std::string criterion;  // criterion code; empty for the set's own fields
  std::string indicator;  // indicator code; empty for a criterion's fields
  std::string field;      // "name_vi", "thresholds.2", ...; empty when added/removed
  std::string before;
  std::string after;
};

const char* change_kind_name(SetChange::Kind k);  // "added", "removed", "changed"

// One line for an indicator: "Tỷ lệ BHYT >= 1 → 95 | 2 → 2026: 90; 2028: 95".
std::string describe_indicator(const Indicator& ind,
                               const std::map<std::string, Measure>& measures);

// Changes from `a` to `b`, in the order of b's criteria (removed ones after).
// Thresholds are compared per variant and shown as format_thresholds() text.
std::vector<SetChange> diff_sets(const CriteriaSet& a, const CriteriaSet& b,
                                 const std::map<std::string, Measure>& measures);

}  // namespace ntm
