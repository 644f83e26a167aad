// The criteria-set editor: how an office enters thresholds as guidance
// arrives (QĐ 51/2025's annex, a province's own criteria).
//
// A new version starts as a copy of a published set (a draft, never
// evaluated); the office edits criteria and indicators — thresholds per
// variant and year, with their source and whether they are confirmed — reads
// the diff against the set it came from, and publishes it from an effective
// date. Publishing closes the version in force before that date the day
// before, so the engine picks the new one from then on. Office (admin) only;
// every step is audited. Decision: docs/decisions.md "Criteria-set editor".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/user.h"
#include "rules/criteria_diff.h"
#include "service/evaluate.h"

namespace ntm {

struct Draft {
  CriteriaDraft row;
  CriteriaSet set;
  std::vector<Measure> new_measures;        // introduced by this draft
  std::map<std::string, Measure> measures;  // catalogue + new ones
};

// A new draft `new_id` (lower-case letters, digits, '-') copied from the set
// or draft `base_id`.
Status start_criteria_draft(Store& store, const Catalog& catalog, const std::string& base_id,
                            const std::string& new_id, const User& user);
// The draft's own office (the central office for its drafts); not_found otherwise.
Status may_edit_draft(const User& user, const CriteriaDraft& row);
Result<Draft> load_criteria_draft(Store& store, const Catalog& catalog, const std::string& id);

// Threshold variants an editor offers for the set: commune groups 1/2/3,
// the regions already used, and "default" (every unit).
std::vector<std::string> editable_variants(const CriteriaSet& set);

// What a form sends for one indicator; `original_code` empty = a new one.
struct IndicatorInput {
  std::string criterion;
  std::string original_code;
  std::string code, name_vi, name_en, measure, op;
  std::map<std::string, std::string> thresholds;  // variant -> typed text
  std::string source, confirmed, notes;
};
struct CriterionInput {
  std::string original_code;  // empty = a new criterion (a province's own)
  std::string code, name_vi, name_en, department;
};
struct DraftDetails {
  std::string name_vi, name_en, legal_basis, notes;
};
struct MeasureInput {
  std::string id, name_vi, unit, type, aggregation;
};

// Each refuses with Status::invalid naming every wrong field (one per line,
// Vietnamese) and changes nothing.
Status save_indicator(Store& store, const Catalog& catalog, const std::string& draft_id,
                      const IndicatorInput& in, const User& user);
Status remove_indicator(Store& store, const Catalog& catalog, const std::string& draft_id,
                        const std::string& criterion, const std::string& code, const User& user);
Status save_criterion(Store& store, const Catalog& catalog, const std::string& draft_id,
                      const CriterionInput& in, const User& user);
Status save_draft_details(Store& store, const Catalog& catalog, const std::string& draft_id,
                          const DraftDetails& in, const User& user);
Status add_draft_measure(Store& store, const Catalog& catalog, const std::string& draft_id,
                         const MeasureInput& in, const User& user);

// The changes from the set the draft was copied from (dates aside).
std::vector<SetChange> draft_changes(const Catalog& catalog, const Draft& draft);

struct Published {
  std::string id;
  std::string closed_id;  // the version now ending the day before; may be empty
  Date closed_to;
};
// Publishes the draft in force from `from`: refused when a version of the
// series already starts on or after that date.
Result<Published> publish_criteria_draft(Store& store, const Catalog& catalog,
                                         const std::string& draft_id, Date from, const User& user);
Status discard_criteria_draft(Store& store, const std::string& draft_id, const User& user);

}  // namespace ntm
