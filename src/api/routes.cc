#include "api/routes.h"

#include "http/request_options.h"

namespace ntm {

Response api_error(const Status& s) {
  return Response::json_error(http_status(s), error_code_name(s.code()), s.message());
}

void register_api(Router& router, AppState& app) {
  auto bind = [&app](Response (*h)(AppState&, const Request&)) { return bind_handler(app, h); };
  router.add("GET", "/api/v1/health", bind(api_health));
  router.add("GET", "/readyz", bind(readyz));
  router.add("GET", "/api/v1/sets", bind(api_sets));
  router.add("GET", "/api/v1/units/:code", bind(api_unit));
  router.add("GET", "/api/v1/units/:code/overview", bind(api_overview));
  router.add("GET", "/api/v1/national", bind(api_national));
  router.add("GET", "/api/v1/units/:code/assessment", bind(api_assessment));
  router.add("GET", "/api/v1/sets/:set/criteria/:criterion", bind(api_criterion));
  router.add("GET", "/api/v1/search", bind(api_search));
  router.add("POST", "/api/v1/entry/queue", Access::kCommune, bind(api_entry_queue));
}

}  // namespace ntm
