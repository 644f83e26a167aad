// GET /api/v1/sets: every criteria set with its dates and provenance flags.
#include "api/json_views.h"
#include "api/routes.h"

namespace ntm {

Response api_sets(AppState& app, const Request&) {
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return api_error(catalog.status());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : (*catalog)->sets()) out.push_back(set_json(*s));
  return Response::json(200, out.dump());
}

}  // namespace ntm
