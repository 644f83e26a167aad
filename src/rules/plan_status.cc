#include "rules/plan_status.h"

#include <algorithm>

namespace ntm {

const char* plan_state_name(PlanState s) {
  switch (s) {
    case PlanState::kNoPlan:
      return "no_plan";
    case PlanState::kAchieved:
      return "achieved";
    case PlanState::kOnTrack:
      return "on_track";
    case PlanState::kAtRisk:
      return "at_risk";
    case PlanState::kBehind:
      return "behind";
    case PlanState::kNoData:
      return "no_data";
  }
  return "?";
}

PlanStatus plan_status(const Plan* plan, const Assessment& a) {
  PlanStatus st;
  st.met = a.criteria_met;
  st.unknown = a.criteria_unknown;
  if (!plan) {
    st.reason = "chưa có kế hoạch";
    st.reason_en = "no plan";
    return st;
  }
  const Date at = a.at;
  const Date target_end = Date::from_ymd(plan->target_year, 12, 31);
  if (!a.titles.empty() && a.titles.front().status == Outcome::kMet) {
    st.state = PlanState::kAchieved;
    st.reason = "đã đạt " + plan->title;
    st.reason_en = "achieved: " + plan->title;
    return st;
  }
  const int total = static_cast<int>(a.criteria.size());
  if (total > 0 && st.unknown == total) {
    st.state = PlanState::kNoData;
    st.reason = "chưa có số liệu để so với kế hoạch";
    st.reason_en = "no data to compare with the plan";
    return st;
  }
  // Criteria planned to be met by now: their target year has ended.
  int due = 0;
  for (const PlanCriterion& pc : plan->criteria) {
    if (pc.set_id != a.set->id || Date::from_ymd(pc.target_year, 12, 31) > at) continue;
    for (const CriterionResult& c : a.criteria) {
      if (c.criterion->code != pc.criterion) continue;
      ++due;
      if (c.status != Outcome::kMet) st.late.push_back(c.criterion);
    }
  }
  int milestone = 0;
  for (const Milestone& m : plan->milestones)
    if (m.date <= at) milestone = m.criteria_met;
  st.expected = std::max(due, milestone);
  const int short_by = st.expected - st.met;
  const int late = static_cast<int>(st.late.size());
  const std::string no_data =
      st.unknown ? " (" + std::to_string(st.unknown) + " tiêu chí chưa có số liệu)" : "";
  const std::string no_data_en =
      st.unknown ? " (" + std::to_string(st.unknown) + " criteria without data)" : "";
  if (target_end < at) {
    st.state = PlanState::kBehind;
    st.reason = "đã quá năm mục tiêu " + std::to_string(plan->target_year) + " mà chưa đạt " +
                plan->title + no_data;
    st.reason_en = "target year " + std::to_string(plan->target_year) + " has passed, not yet " +
                   plan->title + no_data_en;
  } else if (late >= kAtRiskMissing || short_by >= kAtRiskMissing) {
    st.state = PlanState::kBehind;
    st.reason = "đạt " + std::to_string(st.met) + "/" + std::to_string(st.expected) +
                " tiêu chí theo kế hoạch đến nay, " + std::to_string(late) + " tiêu chí trễ hạn" +
                no_data;
    st.reason_en = std::to_string(st.met) + "/" + std::to_string(st.expected) +
                   " criteria planned by now are met, " + std::to_string(late) + " late" +
                   no_data_en;
  } else if (late == 1 || short_by == 1) {
    st.state = PlanState::kAtRisk;
    st.reason = late == 1 ? "tiêu chí " + st.late.front()->code + " trễ hạn kế hoạch" + no_data
                          : "thiếu 1 tiêu chí so với mốc kế hoạch" + no_data;
    st.reason_en = late == 1 ? "criterion " + st.late.front()->code + " is late" + no_data_en
                             : "1 criterion short of the plan's milestone" + no_data_en;
  } else if (plan->target_year == at.year() && total - st.met > kAtRiskMissing) {
    st.state = PlanState::kAtRisk;
    st.reason =
        "mục tiêu năm nay, còn " + std::to_string(total - st.met) + " tiêu chí chưa đạt" + no_data;
    st.reason_en = "target this year, " + std::to_string(total - st.met) +
                   " criteria still to meet" + no_data_en;
  } else {
    st.state = PlanState::kOnTrack;
    st.reason = "đúng tiến độ: đạt " + std::to_string(st.met) + "/" + std::to_string(total) +
                " tiêu chí, mục tiêu năm " + std::to_string(plan->target_year) + no_data;
    st.reason_en = "on track: " + std::to_string(st.met) + "/" + std::to_string(total) +
                   " criteria met, target year " + std::to_string(plan->target_year) + no_data_en;
  }
  return st;
}

}  // namespace ntm
