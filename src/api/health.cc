// GET /api/v1/health: database figures (the server answers /healthz itself).
#include <nlohmann/json.hpp>

#include "api/routes.h"

namespace ntm {

Response api_health(AppState& app, const Request&) {
  auto version = app.store().schema_version();
  auto units = app.store().count_units();
  auto observations = app.store().count_observations();
  if (!version.is_ok() || !units.is_ok() || !observations.is_ok()) {
    return Response::json_error(503, "database", "Cơ sở dữ liệu không sẵn sàng");
  }
  return Response::json(200, nlohmann::json{{"status", "ok"},
                                            {"schema_version", *version},
                                            {"units", *units},
                                            {"observations", *observations},
                                            {"demo_data", app.demo()}}
                                 .dump());
}

}  // namespace ntm
