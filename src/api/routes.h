// The JSON API under /api/v1 (docs/api.md): one handler per route, each in
// the file of its resource. Errors are {"error": {"code", "message"}}.
#pragma once

#include "http/app_state.h"
#include "http/http.h"

namespace ntm {

void register_api(Router& router, AppState& app);

// Handlers (api/*.cc).
Response api_health(AppState& app, const Request& r);
Response readyz(AppState& app, const Request& r);
Response api_sets(AppState& app, const Request& r);
Response api_unit(AppState& app, const Request& r);
Response api_overview(AppState& app, const Request& r);
Response api_national(AppState& app, const Request& r);  // GET /api/v1/national
Response api_assessment(AppState& app, const Request& r);
Response api_criterion(AppState& app, const Request& r);
Response api_search(AppState& app, const Request& r);
Response api_entry_queue(AppState& app, const Request& r);  // POST /api/v1/entry/queue

// The JSON of a failed Status with its HTTP status.
Response api_error(const Status& s);

}  // namespace ntm
