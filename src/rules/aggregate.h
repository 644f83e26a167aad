// Values of a merged commune computed from its constituents (the old
// communes), measure by measure, by the rule the measure declares:
//   sum            -> the sum;
//   mean           -> the plain mean;
//   weighted_mean  -> the mean weighted by the weight measure (population,
//                     households) of each constituent;
//   all / any      -> booleans: every one / at least one true;
//   none           -> "must be measured anew": unknown.
// A constituent that went only in part into the merged commune makes the
// value unknown ("partial split"), as does a constituent without a value or
// (weighted mean) without a weight: nothing is guessed. A constituent the
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
  bool assessed = true;  // the set applies to it (a town or ward is not assessed)
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
