#include "service/assessment_json.h"

namespace ntm {
namespace {

nlohmann::json number_or_null(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json indicator_json(const IndicatorResult& r) {
  const Indicator& ind = *r.indicator;
  return {
      {"code", ind.code},
      {"name", ind.name_vi},
      {"measure", ind.measure},
      {"value", number_or_null(r.value)},
      {"value_date", r.value_date ? nlohmann::json(r.value_date->iso()) : nlohmann::json(nullptr)},
      {"op", op_symbol(ind.op)},
      {"threshold", number_or_null(r.threshold)},
      {"unit", ind.unit},
      {"status", outcome_name(r.status)},
      {"reason", r.reason},
      {"source", ind.source},
      {"confirmed", ind.confirmed},
  };
}

}  // namespace

nlohmann::json to_json(const Assessment& a) {
  nlohmann::json criteria = nlohmann::json::array();
  for (const CriterionResult& c : a.criteria) {
    nlohmann::json indicators = nlohmann::json::array();
    for (const IndicatorResult& r : c.indicators) indicators.push_back(indicator_json(r));
    criteria.push_back({{"code", c.criterion->code},
                        {"name", c.criterion->name_vi},
                        {"department", c.criterion->department},
                        {"status", outcome_name(c.status)},
                        {"reason", c.reason},
                        {"indicators", std::move(indicators)}});
  }
  nlohmann::json titles = nlohmann::json::array();
  for (const TitleResult& t : a.titles) {
    titles.push_back(
        {{"code", t.title->code}, {"name", t.title->name_vi}, {"status", outcome_name(t.status)}});
  }
  return {
      {"unit", a.unit.code},
      {"unit_name", a.unit.name},
      {"criteria_set", a.set->id},
      {"illustrative", a.set->illustrative},
      {"at", a.at.iso()},
      {"variant", a.variant},
      {"verified_only", a.verified_only},
      {"criteria_met", a.criteria_met},
      {"criteria_total", static_cast<int>(a.criteria.size())},
      {"title", titles.empty() ? nlohmann::json(nullptr) : titles[0]},
      {"titles", titles},
      {"criteria", std::move(criteria)},
  };
}

nlohmann::json to_json(const Summary& s) {
  nlohmann::json bands = nlohmann::json::array();
  for (const BandCount& b : s.bands) bands.push_back({{"band", b.label}, {"units", b.units}});
  return {{"units", s.units},
          {"title_met", s.title_met},
          {"average_criteria_met", s.average_criteria_met},
          {"bands", bands}};
}

}  // namespace ntm
