#include "rules/aggregate.h"

#include <algorithm>

namespace ntm {

Aggregated aggregate(const Measure& m, const std::vector<Part>& all_parts) {
  if (m.aggregation == Aggregation::kNone) return {std::nullopt, kReasonMeasuredAnew};
  std::vector<Part> parts;
  for (const Part& p : all_parts)
    if (p.assessed || p.value) parts.push_back(p);
  if (parts.empty()) return {std::nullopt, kReasonNoConstituents};
  Date latest = Date::min();
  const bool yes_no = m.aggregation == Aggregation::kAll || m.aggregation == Aggregation::kAny;
  for (const Part& p : parts)
    if (p.partial && (!p.share || yes_no)) return {std::nullopt, kReasonPartialSplit};
  // How much of each constituent came over: all of it, or the stated share.
  auto part_of = [](const Part& p) { return p.partial ? *p.share : 1.0; };
  for (const Part& p : parts) {
    if (!p.value) return {std::nullopt, kReasonNoData};
    latest = std::max(latest, p.value->date);
  }
  double result = 0;
  switch (m.aggregation) {
    case Aggregation::kSum:
      for (const Part& p : parts) result += p.value->value * part_of(p);
      break;
    case Aggregation::kMean: {
      double weights = 0;
      for (const Part& p : parts) {
        result += p.value->value * part_of(p);
        weights += part_of(p);
      }
      result /= weights;
      break;
    }
    case Aggregation::kWeightedMean: {
      double weights = 0;
      for (const Part& p : parts) {
        if (!p.weight || *p.weight <= 0) return {std::nullopt, kReasonNoWeight};
        result += p.value->value * *p.weight * part_of(p);
        weights += *p.weight * part_of(p);
      }
      result /= weights;
      break;
    }
    case Aggregation::kAll:
      result = std::all_of(parts.begin(), parts.end(),
                           [](const Part& p) { return p.value->value != 0; });
      break;
    case Aggregation::kAny:
      result = std::any_of(parts.begin(), parts.end(),
                           [](const Part& p) { return p.value->value != 0; });
      break;
    case Aggregation::kNone:
      break;
  }
  return {ObservedValue{result, latest}, ""};
}

}  // namespace ntm
