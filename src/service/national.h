// The whole country at a date: every province of the structure in force that
// day (34 from 1 July 2025, 63 before), each with its communes evaluated, and
// the national totals as sums of the provinces' figures.
#pragma once

#include <optional>
#include <vector>

#include "service/evaluate.h"
#include "service/views.h"

namespace ntm {

struct ProvinceFigures {
  UnitVersion province;
  const CriteriaSet* set = nullptr;  // of its communes (nullptr: none evaluated)
  Summary summary;
  std::vector<CriterionCount> criteria;
  std::optional<Summary> compare;  // the same province at the comparison date, if it existed
};

struct NationalOverview {
  EvaluateOptions opts;
  std::optional<Date> compare_at;
  std::vector<ProvinceFigures> provinces;  // by code
  Summary total;                           // sums of the provinces'
  std::optional<Summary> total_compare;    // every province of that date's structure
  // Per criterion code, summed over the provinces whose set has it, in the
  // order of the first province's set.
  std::vector<CriterionCount> criteria;
  const CriteriaSet* set = nullptr;          // the set most communes were assessed under
  const CriteriaSet* compare_set = nullptr;  // the same at the comparison date
};

// Sums of provinces' summaries: units, title_met, the communes' average
// (weighted by communes), bands by position.
Summary add_summaries(const std::vector<const Summary*>& parts);

// With `twin` (Store::open_twin) the provinces are evaluated on two threads.
Result<NationalOverview> build_national(Store& store, const Catalog& catalog,
                                        const EvaluateOptions& opts, std::optional<Date> compare_at,
                                        Store* twin = nullptr);

}  // namespace ntm
