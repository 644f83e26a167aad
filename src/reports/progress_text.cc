// The progress report as CSV (the units × criteria table, for spreadsheets)
// and as JSON (everything, for other systems).
#include <nlohmann/json.hpp>

#include "base/csv.h"
#include "reports/progress.h"

namespace ntm {

std::string progress_csv(const ProgressReport& r) {
  std::string out = "\xEF\xBB\xBFunit_code,unit_name";  // BOM: Excel reads UTF-8
  for (const Criterion& c : r.set->criteria) out += "," + csv_field("tc_" + c.code);
  out += ",criteria_met,criteria_total,title_status,plan_status,plan_target_year\r\n";
  for (const PlanRow& row : r.rows) {
    const Assessment& a = row.assessment;
    out += csv_field(a.unit.code) + "," + csv_field(a.unit.name);
    for (const CriterionResult& c : a.criteria) out += std::string(",") + outcome_name(c.status);
    out += "," + std::to_string(a.criteria_met) + "," + std::to_string(a.criteria.size()) + "," +
           (a.titles.empty() ? "" : outcome_name(a.titles.front().status)) + "," +
           plan_state_name(row.status.state) + "," +
           (row.plan.plan ? std::to_string(row.plan.plan->target_year) : "") + "\r\n";
  }
  return out;
}

namespace {

nlohmann::json summary_json(const Summary& s) {
  nlohmann::json bands = nlohmann::json::array();
  for (const BandCount& b : s.bands) bands.push_back({{"label", b.label}, {"units", b.units}});
  return {{"units", s.units},
          {"title_met", s.title_met},
          {"average_criteria_met", s.average_criteria_met},
          {"bands", bands}};
}

}  // namespace

std::string progress_json(const ProgressReport& r) {
  nlohmann::json units = nlohmann::json::array(), criteria = nlohmann::json::array(),
                 overdue = nlohmann::json::array(), sponsors = nlohmann::json::array(),
                 conclusions = nlohmann::json::array();
  for (const PlanRow& row : r.rows) {
    nlohmann::json marks = nlohmann::json::object();
    for (const CriterionResult& c : row.assessment.criteria)
      marks[c.criterion->code] = outcome_name(c.status);
    units.push_back({{"code", row.assessment.unit.code},
                     {"name", row.assessment.unit.name},
                     {"criteria", marks},
                     {"criteria_met", row.assessment.criteria_met},
                     {"plan_status", plan_state_name(row.status.state)},
                     {"plan_reason", row.status.reason},
                     {"plan_target_year", row.plan.plan ? nlohmann::json(row.plan.plan->target_year)
                                                        : nlohmann::json()}});
  }
  for (const CriterionCount& c : r.criteria) {
    criteria.push_back(
        {{"code", c.criterion->code},
         {"name", c.criterion->name_vi},
         {"department",
          r.departments.count(c.criterion->code) ? r.departments.at(c.criterion->code) : ""},
         {"met", c.met},
         {"not_met", c.not_met},
         {"unknown", c.unknown}});
  }
  for (const WorkItem& w : r.overdue) {
    overdue.push_back({{"id", w.id},
                       {"title", w.title},
                       {"unit", r.unit_names.at(w.unit_id)},
                       {"owner", owner_key(w.owner_kind, w.owner_code)},
                       {"due", w.due.iso()},
                       {"progress", w.progress},
                       {"budget", w.budget},
                       {"spent", w.spent}});
  }
  for (const SponsorshipView& s : r.sponsors) {
    sponsors.push_back({{"sponsor", s.sponsorship.sponsor},
                        {"name", s.sponsor_name},
                        {"unit", s.unit ? s.unit->name : ""},
                        {"money_pledged", s.sponsorship.money_pledged},
                        {"money_delivered", s.money_delivered}});
  }
  for (const auto& [m, c] : r.conclusions) {
    conclusions.push_back({{"meeting", m.title},
                           {"meeting_date", m.date.iso()},
                           {"text", c.text},
                           {"deadline", c.deadline},
                           {"status", conclusion_status_name(c.status)},
                           {"overdue", conclusion_overdue(c, r.opts.at)}});
  }
  nlohmann::json j = {
      {"report", "progress"},
      {"parent", {{"code", r.parent.code}, {"name", r.parent.name}}},
      {"at", r.opts.at.iso()},
      {"set", r.set->id},
      {"illustrative", r.set->illustrative},
      {"synthetic_data", r.demo},
      {"verified_only", r.opts.verified_only},
      {"summary", summary_json(r.summary)},
      {"compare_at", r.compare_at.iso()},
      {"compare_set", r.compare_set_id},
      {"compare_summary", r.compare_summary ? summary_json(*r.compare_summary) : nlohmann::json()},
      {"units", units},
      {"criteria", criteria},
      {"overdue_work_items", overdue},
      {"sponsorships", sponsors},
      {"conclusions", conclusions}};
  // The recognised standing, apart from the computed one.
  j["recognised"] = r.recognised;
  j["compare_recognised"] =
      r.compare_recognised ? nlohmann::json(*r.compare_recognised) : nlohmann::json();
  nlohmann::json upkeep = nlohmann::json::array();
  for (const UpkeepRow& u : r.upkeep)
    upkeep.push_back({{"unit_code", u.recognition.unit_code},
                      {"unit_name", u.unit_name},
                      {"title", u.recognition.title},
                      {"decision_no", u.recognition.decision_no},
                      {"upkeep", upkeep_name(u.status)},
                      {"failing", u.failing_codes},
                      {"trigger", u.trigger}});
  j["upkeep"] = upkeep;
  return j.dump(2) + "\n";
}

}  // namespace ntm
