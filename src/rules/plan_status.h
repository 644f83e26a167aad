// Plan status: where a unit stands against its plan framework at a date,
// from the plan and the unit's assessment. Pure; the rule is in
// docs/plans.md ("Plan status") and tested by tests/rules/6x_plan_*.test.
#pragma once

#include <string>
#include <vector>

#include "model/assessment.h"
#include "model/coordination.h"

namespace ntm {

enum class PlanState { kNoPlan, kAchieved, kOnTrack, kAtRisk, kBehind, kNoData };
const char* plan_state_name(PlanState s);  // "no_plan", "achieved", "on_track", ...

struct PlanStatus {
  PlanState state = PlanState::kNoPlan;
  int expected = 0;                    // criteria planned to be met by the date
  int met = 0;                         // criteria met at the date
  int unknown = 0;                     // criteria without data (counted as not met)
  std::vector<const Criterion*> late;  // planned by the date, not met
  std::string reason;                  // Vietnamese, one line
  std::string reason_en;               // the same in English
};

// A missing criterion that is this many or more short makes a unit "behind";
// one short is "at risk". A target this year with more than kAtRiskMissing
// criteria still to meet is "at risk".
inline constexpr int kAtRiskMissing = 2;

// `plan` may be null (no plan). The assessment is under the set in force at
// its date; the plan's criterion targets of other sets do not apply.
PlanStatus plan_status(const Plan* plan, const Assessment& a);

}  // namespace ntm
