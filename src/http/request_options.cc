#include "http/request_options.h"

namespace ntm {

Result<EvaluateOptions> evaluate_options(const Request& r) {
  EvaluateOptions o;
  const std::string at = r.arg("at");
  if (at.empty()) {
    o.at = today_local();
  } else {
    auto d = Date::parse(at);
    if (!d.is_ok()) return Status::invalid("at: " + d.status().message());
    o.at = *d;
  }
  o.set_id = r.arg("set");
  // Published figures are verified ones: self-assessed (submitted, not yet
  // verified) values are shown only to signed-in officials.
  o.verified_only = !r.principal || r.arg("view") == "verified";
  return o;
}

int http_status(const Status& s) {
  switch (s.code()) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPermissionDenied:
      return 403;
    default:
      return 500;
  }
}

}  // namespace ntm
