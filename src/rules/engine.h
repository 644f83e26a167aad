// The evaluation engine: indicator -> criterion -> title, for one unit at one
// date under one criteria set. Pure functions: the caller supplies the values.
//
// Rules (docs/criteria-format.md, "Evaluation"):
// - an indicator's threshold is the one of the unit's variant, else "default",
//   for the latest threshold year not after the date's year (year 0 = any);
//   none -> unknown "threshold not set"; no value -> unknown "no data";
// - a criterion of a set that ships fewer indicators than its legal text
//   (indicator_count) is never met unless marked indicators_complete:
//   unknown "indicators missing from the set";
// - a criterion is met when all its indicators are met, not_met when any is
//   not met, unknown otherwise (also when it has no indicators);
// - a title is met when its rule holds, not_met when it can no longer hold,
//   unknown otherwise.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
// A small map kept as a vector sorted by key: a unit has ~60 values, built
// and read once per evaluation (no allocation per entry).
class ValueMap {
 public:
  using Item = std::pair<std::string_view, ObservedValue>;
  ValueMap() = default;
  ValueMap(std::initializer_list<Item> items) {
    for (const Item& i : items) (*this)[i.first] = i.second;
  }
  void reserve(size_t n) { items_.reserve(n); }
  ObservedValue& operator[](std::string_view key) {
    auto it = lower(items_, key);
    if (it == items_.end() || it->first != key) it = items_.insert(it, {key, {}});
    return it->second;
  }
  const ObservedValue* find(std::string_view key) const {
    auto it = lower(items_, key);
    return it != items_.end() && it->first == key ? &it->second : nullptr;
  }
  size_t size() const { return items_.size(); }

 private:
  // The first item whose key is not less than `key`. Keys usually arrive in
  // order: the end is checked first.
  template <class Items>
  static auto lower(Items& items, std::string_view key) -> decltype(items.end()) {
    if (items.empty() || items.back().first < key) return items.end();
    return std::lower_bound(items.begin(), items.end(), key,
                            [](const Item& i, std::string_view k) { return i.first < k; });
  }
  std::vector<Item> items_;
};

// The threshold of every indicator of `set` (criteria in order, then their
// indicators) for a variant in a year; nullopt where none is set. Evaluating
// many units of one variant resolves them once.
using Thresholds = std::vector<std::optional<double>>;
Thresholds resolve_thresholds(const CriteriaSet& set, const std::string& variant, int year);

// One indicator judged on one value with its threshold for a variant in a
// year (what evaluate() does for each indicator).
IndicatorResult judge(const Indicator& ind, const std::string& variant, int year, double value);

// `thresholds`, when given, is resolve_thresholds(set, variant, at.year()).
Assessment evaluate(const CriteriaSet& set, const UnitVersion& unit, const std::string& variant,
                    Date at, const ValueMap& values, const Thresholds* thresholds = nullptr);

// Units per band, title count and average criteria met.
Summary summarize(const std::vector<Assessment>& assessments);

// Reason codes carried by IndicatorResult::reason (stable, English) and their
// Vietnamese wording for people.
inline constexpr const char* kReasonNoData = "no data";
inline constexpr const char* kReasonThresholdNotSet = "threshold not set";
inline constexpr const char* kReasonNoIndicators = "no indicators defined";
inline constexpr const char* kReasonBelowThreshold = "threshold not reached";
inline constexpr const char* kReasonIncompleteSet = "indicators missing from the set";
std::string reason_vi(std::string_view reason);

}  // namespace ntm
