// Plans: a unit's plan framework (own, or carried over from the units merged
// into it), its status at a date, and the CSV/XLSX import.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/plan_status.h"
#include "service/evaluate.h"
#include "service/importer.h"

namespace ntm {

struct UnitPlan {
  std::optional<Plan> plan;
  // When the unit has no plan of its own but units merged into it had:
  // their names. The carried plan keeps the latest target year and title;
  // criterion targets and milestones (of the old set) are not carried.
  std::vector<std::string> inherited_from;
};

Result<UnitPlan> plan_for(Store& store, const UnitVersion& unit);

struct PlanRow {
  Assessment assessment;
  UnitPlan plan;
  PlanStatus status;
};

// Plans and statuses for assessments already made (e.g. a dashboard's).
Result<std::vector<PlanRow>> plan_rows(Store& store, const std::vector<Assessment>& assessments);

// Plan status of every unit the set applies to below `parent_code`.
Result<std::vector<PlanRow>> plan_statuses(Store& store, const Catalog& catalog,
                                           const std::string& parent_code,
                                           const EvaluateOptions& opts,
                                           HistoryCache* cache = nullptr);
Result<PlanRow> unit_plan_status(Store& store, const Catalog& catalog, const std::string& code,
                                 const EvaluateOptions& opts);

// CSV (or the first sheet of an XLSX converted to CSV)
// unit_code,kind,code,set,target_year,date,criteria_met,note with kind
//   title     — code: the title (e.g. NTM), target_year
//   criterion — code: the criterion, target_year; set: default the set in
//               force for the unit at 31/12 of target_year
//   milestone — date, criteria_met
// Each unit in the file gets exactly the plan the file gives (its title row
// is required); all-or-nothing; audited. `by`: the signed-in office (its
// province's units only), nullptr for the command line.
Result<ImportCounts> import_plans(Store& store, const Catalog& catalog, const std::string& file,
                                  const std::string& text, const std::string& actor,
                                  const User* by = nullptr);

// Stores one unit's plan (from the UI), checking it, with an audit entry.
Status save_plan(Store& store, const Catalog& catalog, Plan plan, const std::string& actor,
                 const User* by = nullptr);

}  // namespace ntm
