// Re-assessment of a merged commune from its constituents (the communes that
// went into it on 01/07/2025): each measure the set tests comes from the
// merged commune's own observations when it has them, else is computed from
// the constituents' values by the measure's aggregation rule
// (rules/aggregate.h), with its provenance. Also the constituents' own
// status the day before the merger — "3 of 4 met NTM before the merger ->
// computed, the merged commune meets 14 of 19".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/user.h"
#include "rules/aggregate.h"
#include "service/evaluate.h"

namespace ntm {

struct MeasureSource {
  std::string measure;
  std::optional<ObservedValue> own;  // the merged commune's own observation, which wins
  Aggregated aggregated;             // else: computed (value, or why it is unknown)
  std::vector<Part> parts;           // the constituents' values
  // The value the evaluation used.
  const std::optional<ObservedValue>& used() const { return own ? own : aggregated.value; }
};

struct Reassessment {
  UnitVersion unit;
  Date merged_on;  // the day the merged commune came into force
  const CriteriaSet* set = nullptr;
  std::vector<Assessment> constituents;  // on the day before the merger
  std::vector<Part> partial;             // constituents merged only in part (code, name, share)
  int constituents_titled = 0;           // of those, meeting the set's first title
  Assessment computed;                   // the merged commune on opts.at
  std::vector<MeasureSource> sources;    // one per measure the set tests, in set order
};

// `code` names the merged commune (its code on opts.at, after the merger).
// The set: opts.set_id, else the one in force the day before the merger (the
// old set). Fails when the unit has no constituents.
Result<Reassessment> reassess(Store& store, const Catalog& catalog, const std::string& code,
                              const EvaluateOptions& opts);

// The office states which share (0, 1] of the old commune `old_code` (its
// population) went into `new_code` when it was split; nullopt clears it.
// Only for a partial relation; audited ("lineage.share").
Status set_split_share(Store& store, const User& user, const std::string& new_code,
                       const std::string& old_code, std::optional<double> share);

}  // namespace ntm
