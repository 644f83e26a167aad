// GET /api/v1/health: database figures (the server answers /healthz itself);
// GET /readyz: whether this instance may take traffic.
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

// GET /readyz: 200 when the database answers and its schema is this
// binary's; 503 otherwise (a load balancer sends no traffic here then).
Response readyz(AppState& app, const Request&) {
  auto version = app.store().schema_version();
  const int expected = latest_schema_version(app.store().backend());
  if (!version.is_ok())
    return Response::json_error(503, "database", "Cơ sở dữ liệu không sẵn sàng");
  if (*version != expected)
    return Response::json_error(503, "schema",
                                "Lược đồ CSDL ở phiên bản " + std::to_string(*version) +
                                    ", chương trình cần " + std::to_string(expected));
  return Response::json(200, nlohmann::json{{"status", "ready"},
                                            {"backend", app.store().backend()},
                                            {"schema_version", *version}}
                                 .dump());
}

}  // namespace ntm
