// Evaluation options from a request's query: at=yyyy-mm-dd (default today),
// set=ID (default: the set in force), view=verified (verified data only;
// always so without a signed-in user).
#pragma once

#include "http/http.h"
#include "service/evaluate.h"

namespace ntm {

Result<EvaluateOptions> evaluate_options(const Request& r);
// Maps a Status to an HTTP status: invalid_argument 400, not_found 404, else 500.
int http_status(const Status& s);

}  // namespace ntm
