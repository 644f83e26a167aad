// Assessments (đánh giá): computed results, indicator -> criterion -> title.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "model/criteria_set.h"

namespace ntm {

enum class Outcome { kMet, kNotMet, kUnknown };
const char* outcome_name(Outcome o);  // "met", "not_met", "unknown"

struct IndicatorResult {
  const Indicator* indicator = nullptr;
  std::optional<double> value;
  std::optional<Date> value_date;
  std::optional<double> threshold;
  Outcome status = Outcome::kUnknown;
  std::string_view reason;  // why unknown or not met: a kReason code of rules/engine.h
};

struct CriterionResult {
  const Criterion* criterion = nullptr;
  Outcome status = Outcome::kUnknown;
  std::string_view reason;  // set when the criterion has no indicators (kReason code)
  std::vector<IndicatorResult> indicators;
};

struct TitleResult {
  const TitleRule* title = nullptr;
  Outcome status = Outcome::kUnknown;
};

struct Assessment {
  UnitVersion unit;
  const CriteriaSet* set = nullptr;
  Date at;
  std::string variant;  // the variant value used ("BTB"), or "" for default
  bool verified_only = false;
  int criteria_met = 0;
  int criteria_unknown = 0;
  std::vector<CriterionResult> criteria;
  std::vector<TitleResult> titles;
};

struct BandCount {
  std::string label;
  int units = 0;
};

struct Summary {
  int units = 0;
  int title_met = 0;  // first title of the set
  double average_criteria_met = 0;
  std::vector<BandCount> bands;
};

}  // namespace ntm
