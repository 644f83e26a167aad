// GET /api/v1/units/:code            the unit on a date, its path and lineage
// GET /api/v1/units/:code/overview   dashboard figures of a province/district
// GET /api/v1/units/:code/assessment a commune's scorecard
#include "api/json_views.h"
#include "api/routes.h"
#include "http/request_options.h"
#include "service/recognition.h"

namespace ntm {

Response api_unit(AppState& app, const Request& r) {
  auto opts = evaluate_options(r);
  if (!opts.is_ok()) return api_error(opts.status());
  auto unit = app.store().unit_at(r.arg("code"), opts->at);
  if (!unit.is_ok()) return api_error(unit.status());
  if (!*unit) {
    return api_error(Status::not_found("không có đơn vị mã \"" + r.arg("code") + "\" vào ngày " +
                                       opts->at.iso()));
  }
  auto path = ancestors(app.store(), **unit, opts->at);
  if (!path.is_ok()) return api_error(path.status());
  nlohmann::json j = unit_json(**unit);
  j["path"] = nlohmann::json::array();
  for (const UnitVersion& p : *path) j["path"].push_back(unit_json(p));
  // Recognitions recorded (public decisions), with whether each is in force.
  auto all = app.recognitions();
  if (!all.is_ok()) return api_error(all.status());
  j["recognitions"] = nlohmann::json::array();
  if (const auto it = (*all)->find((*unit)->unit_id); it != (*all)->end()) {
    for (const Recognition& rec : it->second) {
      j["recognitions"].push_back(
          {{"title", rec.title},
           {"year", rec.year},
           {"decision_no", rec.decision_no},
           {"decision_date", rec.decision_date.iso()},
           {"signer", rec.signer},
           {"revoked_no", rec.revoked_no},
           {"revoked_date", rec.revoked_date ? rec.revoked_date->iso() : ""},
           {"in_force", rec.in_force(opts->at)}});
    }
  }
  return Response::json(200, j.dump());
}

Response api_overview(AppState& app, const Request& r) {
  auto opts = evaluate_options(r);
  if (!opts.is_ok()) return api_error(opts.status());
  auto ov = app.overview(r.arg("code"), *opts);
  if (!ov.is_ok()) return api_error(ov.status());
  auto all = app.recognitions();
  if (!all.is_ok()) return api_error(all.status());
  nlohmann::json j = overview_json(**ov);
  // Beside the computed count: communes with a recognition in force.
  int recognised = 0;
  for (const Assessment& a : (*ov)->units)
    if (const auto it = (*all)->find(a.unit.unit_id);
        it != (*all)->end() && !in_force_at(it->second, opts->at).empty())
      ++recognised;
  j["recognised_communes"] = recognised;
  return Response::json(200, j.dump());
}

Response api_national(AppState& app, const Request& r) {
  auto opts = evaluate_options(r);
  if (!opts.is_ok()) return api_error(opts.status());
  auto n = app.national(*opts);
  if (!n.is_ok()) return api_error(n.status());
  return Response::json(200, national_json(**n).dump());
}

Response api_assessment(AppState& app, const Request& r) {
  auto opts = evaluate_options(r);
  if (!opts.is_ok()) return api_error(opts.status());
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return api_error(catalog.status());
  auto sc = build_scorecard(app.store(), **catalog, r.arg("code"), *opts);
  if (!sc.is_ok()) return api_error(sc.status());
  return Response::json(200, scorecard_json(*sc).dump());
}

}  // namespace ntm
