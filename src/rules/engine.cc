#include "rules/engine.h"

namespace ntm {
namespace {

const YearValues* pick_variant(const Indicator& ind, const std::string& variant) {
  if (!variant.empty()) {
    if (auto it = ind.thresholds.find(variant); it != ind.thresholds.end()) return &it->second;
  }
  if (auto it = ind.thresholds.find("default"); it != ind.thresholds.end()) return &it->second;
  return nullptr;
}

std::optional<double> pick_year(const YearValues& values, int year) {
  // Latest year key not after `year`; key 0 means "every year".
  auto it = values.upper_bound(year);
  if (it == values.begin()) return std::nullopt;
  return std::prev(it)->second;
}

std::optional<double> threshold_of(const Indicator& ind, const std::string& variant, int year) {
  const YearValues* v = pick_variant(ind, variant);
  return v ? pick_year(*v, year) : std::nullopt;
}

bool holds(Op op, double value, double threshold) {
  switch (op) {
    case Op::kGe:
      return value >= threshold;
    case Op::kGt:
      return value > threshold;
    case Op::kLe:
      return value <= threshold;
    case Op::kLt:
      return value < threshold;
    case Op::kEq:
      return value == threshold;
  }
  return false;
}

IndicatorResult evaluate_indicator(const Indicator& ind, std::optional<double> threshold,
                                   const ValueMap& values) {
  IndicatorResult r;
  r.indicator = &ind;
  if (const ObservedValue* v = values.find(ind.measure)) {
    r.value = v->value;
    r.value_date = v->date;
  }
  r.threshold = threshold;
  if (!r.threshold) {
    r.reason = kReasonThresholdNotSet;
    return r;
  }
  if (!r.value) {
    r.reason = kReasonNoData;
    return r;
  }
  r.status = holds(ind.op, *r.value, *r.threshold) ? Outcome::kMet : Outcome::kNotMet;
  if (r.status == Outcome::kNotMet) r.reason = kReasonBelowThreshold;
  return r;
}

Outcome combine(const std::vector<IndicatorResult>& results) {
  if (results.empty()) return Outcome::kUnknown;
  bool all_met = true;
  for (const auto& r : results) {
    if (r.status == Outcome::kNotMet) return Outcome::kNotMet;
    all_met = all_met && r.status == Outcome::kMet;
  }
  return all_met ? Outcome::kMet : Outcome::kUnknown;
}

Outcome title_outcome(const TitleRule& t, int met, int unknown, int total) {
  const int needed = t.min_criteria < 0 ? total : t.min_criteria;
  if (met >= needed) return Outcome::kMet;
  if (met + unknown < needed) return Outcome::kNotMet;
  return Outcome::kUnknown;
}

}  // namespace

Thresholds resolve_thresholds(const CriteriaSet& set, const std::string& variant, int year) {
  Thresholds out;
  for (const Criterion& c : set.criteria) {
    for (const Indicator& ind : c.indicators) {
      out.push_back(threshold_of(ind, variant, year));
    }
  }
  return out;
}

IndicatorResult judge(const Indicator& ind, const std::string& variant, int year, double value) {
  ValueMap values;
  values[ind.measure] = {value, Date()};
  return evaluate_indicator(ind, threshold_of(ind, variant, year), values);
}

Assessment evaluate(const CriteriaSet& set, const UnitVersion& unit, const std::string& variant,
                    Date at, const ValueMap& values, const Thresholds* thresholds) {
  Thresholds own;
  if (!thresholds) {
    own = resolve_thresholds(set, variant, at.year());
    thresholds = &own;
  }
  size_t k = 0;  // index of the indicator in `thresholds`
  Assessment a;
  a.unit = unit;
  a.set = &set;
  a.at = at;
  a.variant = variant;
  a.criteria.reserve(set.criteria.size());
  const bool incomplete = set.incomplete();
  for (const Criterion& c : set.criteria) {
    CriterionResult cr;
    cr.criterion = &c;
    cr.indicators.reserve(c.indicators.size());
    for (const Indicator& ind : c.indicators) {
      cr.indicators.push_back(evaluate_indicator(ind, (*thresholds)[k++], values));
    }
    cr.status = combine(cr.indicators);
    if (c.indicators.empty()) cr.reason = kReasonNoIndicators;
    // Every shipped indicator met is not the criterion met while the set
    // lacks some of the law's indicators (and none is known to be this one's).
    if (cr.status == Outcome::kMet && incomplete && !c.indicators_complete) {
      cr.status = Outcome::kUnknown;
      cr.reason = kReasonIncompleteSet;
    }
    if (cr.status == Outcome::kMet) ++a.criteria_met;
    if (cr.status == Outcome::kUnknown) ++a.criteria_unknown;
    a.criteria.push_back(std::move(cr));
  }
  const int total = static_cast<int>(set.criteria.size());
  for (const TitleRule& t : set.titles) {
    a.titles.push_back({&t, title_outcome(t, a.criteria_met, a.criteria_unknown, total)});
  }
  return a;
}

Summary summarize(const std::vector<Assessment>& assessments) {
  Summary s;
  if (assessments.empty()) return s;
  const CriteriaSet& set = *assessments.front().set;
  for (const Band& b : set.bands) s.bands.push_back({b.label, 0});
  long total_met = 0;
  for (const Assessment& a : assessments) {
    ++s.units;
    total_met += a.criteria_met;
    if (!a.titles.empty() && a.titles.front().status == Outcome::kMet) ++s.title_met;
    if (const int band = set.band_of(a.criteria_met); band >= 0) ++s.bands[band].units;
  }
  s.average_criteria_met = static_cast<double>(total_met) / s.units;
  return s;
}

std::string reason_vi(std::string_view reason) {
  if (reason == kReasonNoData) return "chưa có số liệu";
  if (reason == kReasonThresholdNotSet) return "chưa đặt ngưỡng";
  if (reason == kReasonNoIndicators) return "chưa có chỉ tiêu";
  if (reason == kReasonBelowThreshold) return "chưa đạt ngưỡng";
  if (reason == kReasonIncompleteSet) return "chưa đủ chỉ tiêu";
  return std::string(reason);
}

}  // namespace ntm
