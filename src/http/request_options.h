// Evaluation options from a request's query: at=yyyy-mm-dd (default today),
// set=ID (default: the set in force), view=verified (verified data only;
// always so without a signed-in user).
#pragma once

#include "http/http.h"
#include "service/evaluate.h"

namespace ntm {

// The dates a request may ask for: 01/01/2000 .. 31/12/2100 (a clear 400
// beyond, not seconds of work for 9999-12-31).
extern const Date kFirstDate, kLastDate;

Result<EvaluateOptions> evaluate_options(const Request& r);
// Whether a request sees verified data only: always without a signed-in
// user, whatever else its query says (or how malformed it is).
bool verified_only_view(const Request& r);
// Maps a Status to an HTTP status: invalid_argument 400, not_found 404, else 500.
int http_status(const Status& s);

}  // namespace ntm
