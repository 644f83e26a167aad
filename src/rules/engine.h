// The evaluation engine: indicator -> criterion -> title, for one unit at one
// date under one criteria set. Pure functions: the caller supplies the values.
//
// Rules (docs/criteria-format.md, "Evaluation"):
// - an indicator's threshold is the one of the unit's variant, else "default",
//   for the latest threshold year not after the date's year (year 0 = any);
//   none -> unknown "threshold not set"; no value -> unknown "no data";
// - a criterion is met when all its indicators are met, not_met when any is
//   not met, unknown otherwise (also when it has no indicators);
// - a title is met when its rule holds, not_met when it can no longer hold,
//   unknown otherwise.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/assessment.h"
#include "model/observation.h"

namespace ntm {

// measure id -> its value and date. Keys view strings owned by the caller,
// which keeps them alive during evaluate().
struct ObservedValue {
  double value = 0;
  Date date;
};
using ValueMap = std::unordered_map<std::string_view, ObservedValue>;

Assessment evaluate(const CriteriaSet& set, const UnitVersion& unit, const std::string& variant,
                    Date at, const ValueMap& values);

// Units per band, title count and average criteria met.
Summary summarize(const std::vector<Assessment>& assessments);

// Reason codes carried by IndicatorResult::reason (stable, English) and their
// Vietnamese wording for people.
inline constexpr const char* kReasonNoData = "no data";
inline constexpr const char* kReasonThresholdNotSet = "threshold not set";
inline constexpr const char* kReasonNoIndicators = "no indicators defined";
inline constexpr const char* kReasonBelowThreshold = "threshold not reached";
std::string reason_vi(const std::string& reason);

}  // namespace ntm
