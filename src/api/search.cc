// GET /api/v1/search?q=loc+ha: units by name or code, ignoring diacritics.
#include "api/json_views.h"
#include "api/routes.h"

namespace ntm {

Response api_search(AppState& app, const Request& r) {
  const std::string q = r.arg("q");
  if (q.empty()) return api_error(Status::invalid("thiếu tham số q"));
  auto found = search_units(app.store(), q, 50);
  if (!found.is_ok()) return api_error(found.status());
  nlohmann::json out = nlohmann::json::array();
  for (const UnitVersion& u : *found) out.push_back(unit_json(u));
  return Response::json(200, nlohmann::json{{"query", q}, {"units", out}}.dump());
}

}  // namespace ntm
