#include "api/json_views.h"

#include "service/assessment_json.h"

namespace ntm {

nlohmann::json unit_json(const UnitVersion& u) {
  return {{"code", u.code},
          {"name", u.name},
          {"type", u.type},
          {"level", level_name(u.level)},
          {"valid_from", u.valid_from.iso()},
          {"valid_to",
           u.valid_to == Date::max() ? nlohmann::json(nullptr) : nlohmann::json(u.valid_to.iso())}};
}

nlohmann::json set_json(const CriteriaSet& s) {
  return {{"id", s.id},
          {"series", s.series},
          {"name_vi", s.name_vi},
          {"name_en", s.name_en},
          {"legal_basis", s.legal_basis},
          {"effective_from", s.effective_from.iso()},
          {"effective_to", s.effective_to == Date::max() ? nlohmann::json(nullptr)
                                                         : nlohmann::json(s.effective_to.iso())},
          {"level", level_name(s.level)},
          {"variant_key", s.variant_key},
          {"illustrative", s.illustrative},
          {"criteria", static_cast<int>(s.criteria.size())}};
}

namespace {

nlohmann::json path_json(const std::vector<UnitVersion>& path) {
  nlohmann::json out = nlohmann::json::array();
  for (const UnitVersion& u : path) out.push_back(unit_json(u));
  return out;
}

}  // namespace

nlohmann::json national_json(const NationalOverview& n) {
  nlohmann::json provinces = nlohmann::json::array();
  for (const ProvinceFigures& p : n.provinces) {
    provinces.push_back({{"unit", unit_json(p.province)},
                         {"criteria_set", p.set ? p.set->id : ""},
                         {"summary", to_json(p.summary)},
                         {"year_before", p.compare ? to_json(*p.compare) : nlohmann::json()}});
  }
  nlohmann::json criteria = nlohmann::json::array();
  for (const CriterionCount& c : n.criteria) {
    criteria.push_back({{"code", c.criterion->code},
                        {"name", c.criterion->name_vi},
                        {"met", c.met},
                        {"not_met", c.not_met},
                        {"unknown", c.unknown}});
  }
  return {{"at", n.opts.at.iso()},
          {"verified_only", n.opts.verified_only},
          {"compare_at", n.compare_at ? n.compare_at->iso() : ""},
          {"criteria_set", n.set ? n.set->id : ""},
          {"total", to_json(n.total)},
          {"total_year_before", n.total_compare ? to_json(*n.total_compare) : nlohmann::json()},
          {"provinces", provinces},
          {"criteria", criteria}};
}

nlohmann::json overview_json(const Overview& ov) {
  nlohmann::json units = nlohmann::json::array();
  for (const Assessment& a : ov.units) {
    units.push_back({{"code", a.unit.code},
                     {"name", a.unit.name},
                     {"criteria_met", a.criteria_met},
                     {"criteria_total", static_cast<int>(a.criteria.size())},
                     {"title_status", a.titles.empty() ? "" : outcome_name(a.titles[0].status)}});
  }
  nlohmann::json criteria = nlohmann::json::array();
  for (const CriterionCount& c : ov.criteria) {
    criteria.push_back({{"code", c.criterion->code},
                        {"name", c.criterion->name_vi},
                        {"department", c.criterion->department},
                        {"met", c.met},
                        {"not_met", c.not_met},
                        {"unknown", c.unknown},
                        {"failing_indicators", c.failing}});
  }
  nlohmann::json trend = nlohmann::json::array();
  for (const TrendPoint& t : ov.trend) {
    trend.push_back({{"at", t.at.iso()},
                     {"criteria_set", t.set_id},
                     {"units", t.units},
                     {"title_met", t.title_met},
                     {"average_criteria_met", t.average}});
  }
  nlohmann::json districts = nlohmann::json::array();
  for (const UnitVersion& d : ov.districts) districts.push_back(unit_json(d));
  return {{"unit", unit_json(ov.unit)},
          {"path", path_json(ov.path)},
          {"at", ov.opts.at.iso()},
          {"verified_only", ov.opts.verified_only},
          {"criteria_set", ov.set ? set_json(*ov.set) : nlohmann::json(nullptr)},
          {"summary", to_json(ov.summary)},
          {"year_ago", ov.year_ago ? to_json(*ov.year_ago) : nlohmann::json(nullptr)},
          {"year_ago_criteria_set", ov.year_ago_set},
          {"criteria", criteria},
          {"units", units},
          {"districts", districts},
          {"trend", trend}};
}

nlohmann::json scorecard_json(const Scorecard& sc) {
  nlohmann::json j = to_json(sc.assessment);
  j["path"] = path_json(sc.path);
  auto links = [](const std::vector<LineageLink>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const LineageLink& l : list) {
      out.push_back(
          {{"unit", unit_json(l.unit)}, {"relation", l.relation}, {"date", l.date.iso()}});
    }
    return out;
  };
  j["merged_from"] = links(sc.merged_from);
  j["merged_into"] = links(sc.merged_into);
  nlohmann::json history = nlohmann::json::object();
  for (const auto& [measure, values] : sc.history) {
    nlohmann::json series = nlohmann::json::array();
    for (const MeasureValue& v : values)
      series.push_back({{"date", v.date.iso()}, {"value", v.value}});
    history[measure] = series;
  }
  j["history"] = history;
  return j;
}

}  // namespace ntm
