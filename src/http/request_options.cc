#include "http/request_options.h"

namespace ntm {

const Date kFirstDate = Date::from_ymd(2000, 1, 1);
const Date kLastDate = Date::from_ymd(2100, 12, 31);

Result<EvaluateOptions> evaluate_options(const Request& r) {
  EvaluateOptions o;
  o.at = today_local();
  o.set_id = r.arg("set");
  // Published figures are verified ones: self-assessed (submitted, not yet
  // verified) values are shown only to signed-in officials.
  o.verified_only = verified_only_view(r);
  const std::string at = r.arg("at");
  if (at.empty()) return o;
  auto d = Date::parse_typed(at);
  if (!d.is_ok()) return Status::invalid("at: " + d.status().message());
  if (*d < kFirstDate || *d > kLastDate) {
    return Status::invalid("at: ngày phải trong khoảng 01/01/2000 – 31/12/2100");
  }
  o.at = *d;
  return o;
}

bool verified_only_view(const Request& r) { return !r.principal || r.arg("view") == "verified"; }

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
    case ErrorCode::kTooMany:
      return 429;
    default:
      return 500;
  }
}

}  // namespace ntm
