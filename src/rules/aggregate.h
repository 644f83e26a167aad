// Values of a merged commune computed from its constituents (the old
// communes), measure by measure, by the rule the measure declares:
//   sum            -> the sum;
//   mean           -> the plain mean;
//   weighted_mean  -> the mean weighted by the weight measure (population,
//                     households) of each constituent;
//   all / any      -> booleans: every one / at least one true;
//   none           -> "must be measured anew": unknown.
// A constituent that went only in part into the merged commune counts with
// the share of its population the office stated (sum: value x share; means:
// its weight x share); without a stated share, and always for yes/no
// measures (a yes of the whole commune says nothing of a piece of it), the
// value is unknown ("partial split"). A constituent without a value or
// (weighted mean) without a weight also leaves it unknown: nothing is guessed. A constituent the
// set does not apply to (a town, a ward) and without a value is left out.
// Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/measure.h"
#include "rules/engine.h"

namespace ntm {

struct Part {
  std::string code, name;
  bool partial = false;
  std::optional<double> share;  // partial: the fraction (0, 1] that came over
  bool assessed = true;         // the set applies to it (a town or ward is not assessed)
  std::optional<ObservedValue> value;
  std::optional<double> weight;  // for weighted_mean
};

struct Aggregated {
  std::optional<ObservedValue> value;  // date: the latest of the parts' dates
  std::string reason;                  // when unknown (stable English code)
};

inline constexpr const char* kReasonMeasuredAnew = "measured anew";
inline constexpr const char* kReasonPartialSplit = "partial split";
inline constexpr const char* kReasonNoWeight = "no weight";
inline constexpr const char* kReasonNoConstituents = "no constituents";

Aggregated aggregate(const Measure& m, const std::vector<Part>& parts);

}  // namespace ntm
