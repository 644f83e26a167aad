// GET /api/v1/sets/:set/criteria/:criterion?parent=CODE: every commune under
// `parent` against one criterion, and which indicators fail most.
#include "api/json_views.h"
#include "api/routes.h"
#include "http/request_options.h"

namespace ntm {

Response api_criterion(AppState& app, const Request& r) {
  auto opts = evaluate_options(r);
  if (!opts.is_ok()) return api_error(opts.status());
  if (r.arg("parent").empty()) return api_error(Status::invalid("thiếu tham số parent"));
  opts->set_id = r.arg("set");
  auto ov = app.overview(r.arg("parent"), *opts);
  if (!ov.is_ok()) return api_error(ov.status());
  const Overview& o = **ov;
  size_t index = o.criteria.size();
  for (size_t i = 0; i < o.criteria.size(); ++i) {
    if (o.criteria[i].criterion->code == r.arg("criterion")) index = i;
  }
  if (!o.set || index == o.criteria.size()) {
    return api_error(Status::not_found("không có tiêu chí \"" + r.arg("criterion") +
                                       "\" trong bộ \"" + r.arg("set") + "\""));
  }
  const CriterionCount& c = o.criteria[index];
  nlohmann::json units = nlohmann::json::array();
  for (const Assessment& a : o.units) {
    const CriterionResult& cr = a.criteria[index];
    nlohmann::json failing = nlohmann::json::array();
    for (const IndicatorResult& ir : cr.indicators) {
      if (ir.status != Outcome::kMet) failing.push_back(ir.indicator->code);
    }
    units.push_back({{"code", a.unit.code},
                     {"name", a.unit.name},
                     {"status", outcome_name(cr.status)},
                     {"indicators_not_met", failing}});
  }
  nlohmann::json j = {{"criteria_set", set_json(*o.set)},
                      {"parent", unit_json(o.unit)},
                      {"at", o.opts.at.iso()},
                      {"code", c.criterion->code},
                      {"name", c.criterion->name_vi},
                      {"department", c.criterion->department},
                      {"met", c.met},
                      {"not_met", c.not_met},
                      {"unknown", c.unknown},
                      {"failing_indicators", c.failing},
                      {"units", units}};
  return Response::json(200, j.dump());
}

}  // namespace ntm
