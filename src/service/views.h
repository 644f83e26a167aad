// Read models for the web pages and the API: what a province or district
// dashboard, a commune scorecard, a criterion page and the unit search show.
// Built from the evaluation; no presentation here.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/assessment.h"
#include "model/observation.h"
#include "service/evaluate.h"

namespace ntm {

struct CriterionCount {
  const Criterion* criterion = nullptr;
  int met = 0, not_met = 0, unknown = 0;
  // indicator code -> number of units where it is not met
  std::map<std::string, int> failing;
};

// Met / not met / unknown per criterion of `set` over units assessed under it.
std::vector<CriterionCount> count_criteria(const CriteriaSet& set,
                                           const std::vector<Assessment>& units);

struct TrendPoint {
  Date at;
  std::string set_id;
  int units = 0;
  int title_met = 0;
  double average = 0;
};

struct Overview {
  UnitVersion unit;               // the province or district
  std::vector<UnitVersion> path;  // its ancestors, top first
  const CriteriaSet* set = nullptr;
  EvaluateOptions opts;
  std::vector<Assessment> units;  // the communes the set applies to
  Summary summary;
  std::optional<Summary> year_ago;  // the same date a year earlier, if computable
  std::string year_ago_set;         // the set it was computed under
  std::vector<CriterionCount> criteria;
  std::vector<TrendPoint> trend;       // year ends up to the date, then the date
  std::vector<UnitVersion> districts;  // when the structure of the date has them
};

// Dashboard figures for a province or district on opts.at.
Result<Overview> build_overview(Store& store, const Catalog& catalog, const std::string& code,
                                const EvaluateOptions& opts);

struct LineageLink {
  UnitVersion unit;  // the other side, as it was at the link's date
  std::string relation;
  Date date;
};

struct Scorecard {
  Assessment assessment;
  std::vector<UnitVersion> path;
  std::vector<LineageLink> merged_from;  // constituents (this unit is new)
  std::vector<LineageLink> merged_into;  // successors (this unit is old)
  // measure -> its observations (current versions, accepted statuses), by date
  std::map<std::string, std::vector<MeasureValue>> history;
};

Result<Scorecard> build_scorecard(Store& store, const Catalog& catalog, const std::string& code,
                                  const EvaluateOptions& opts);

// The path of ancestors of a unit on a date, top first (without the unit).
Result<std::vector<UnitVersion>> ancestors(Store& store, const UnitVersion& unit, Date at);

// Units whose name or code matches `query` ignoring case and diacritics
// ("loc ha" finds "Lộc Hà"); provinces first, at most `limit`.
// `province` (not 0): only the units that province answers for today.
Result<std::vector<UnitVersion>> search_units(Store& store, const std::string& query, int limit,
                                              int64_t province = 0);

}  // namespace ntm
