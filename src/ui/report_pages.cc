// GET /reports/:kind/:code?at=&compare=&view=&format=html|xlsx|csv|json —
// the reports to print or download, for signed-in users within their scope:
//   progress/PARENT  the progress-assessment report (province or district)
//   commune/CODE     the commune scorecard (biểu tự đánh giá)
//   department/CODE  a department's criteria, gaps, pending verifications
//   sponsor/CODE     a sponsor's commitments, deliveries, reviews
//   directives/all   the follow-up of steering-committee conclusions
#include "reports/progress.h"
#include "reports/table_report.h"
#include "service/coordination.h"
#include "service/scope.h"
#include "ui/page.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

// Who may have which report, always within the reader's province (the
// central office: every province): the directives and the department and
// sponsor reports to the office, the steering committee, the department or
// sponsor itself (departments also see sponsors'); units within the user's scope.
Result<bool> may_have(AppState& app, const User& u, const std::string& kind,
                      const std::string& code, Date at) {
  const bool office = u.role == Role::kAdmin || is_central(u);
  if (kind == "directives") return true;  // (of the reader's province)
  if (kind == "department") return office || u.role == Role::kSteering || u.department == code;
  if (kind == "sponsor") {
    if (u.sponsor == code) return true;
    const auto sponsor = TRY(app.store().sponsor(code));
    return (office || u.role == Role::kSteering || u.role == Role::kDepartment) &&
           (!sponsor || reads_province(u, sponsor->province_id));
  }
  const auto unit = TRY(app.store().unit_at(code, at));
  return !unit ||
         TRY(may_see_unit(app.store(), u, unit->unit_id, at));  // unknown: the report says so
}

// Whose departments, sponsorships and directives: the reader's province; the
// central office's ?province= (else every province); a sponsor's own account
// every one of its commitments.
int64_t report_province(AppState& app, const Request& r) {
  const User& u = r.principal->first;
  if (u.role == Role::kSponsor && r.arg("kind") == "sponsor" && u.sponsor == r.arg("code"))
    return 0;
  if (u.province_id || r.arg("province").empty()) return u.province_id;
  auto p = working_province(app, r, today_local());
  return p.is_ok() ? p->unit_id : 0;
}

}  // namespace

Response report_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const std::string kind = r.arg("kind"), format = r.arg("format", "html");
  if (format != "html" && format != "xlsx" && format != "csv" && format != "json") {
    return error_page(app, c, Status::invalid("định dạng phải là html, xlsx, csv hoặc json"));
  }
  auto allowed = may_have(app, r.principal->first, kind, r.arg("code"), c.opts.at);
  if (!allowed.is_ok()) return error_page(app, c, allowed.status());
  if (!*allowed)
    return error_page(app, c, Status::forbidden("báo cáo này không thuộc phạm vi của bạn"));
  if (kind == "progress") return progress_report(app, r);
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  TableReportOptions to{r.arg("code"), c.opts.at,     c.opts.verified_only,
                        today_local(), c.opts.set_id, report_province(app, r)};
  if (!r.arg("compare").empty()) {
    auto compare = Date::parse(r.arg("compare"));
    if (!compare.is_ok()) return error_page(app, c, compare.status());
    to.compare = *compare;
  }
  auto report = build_table_report(app.store(), **catalog, kind, to);
  if (!report.is_ok()) return error_page(app, c, report.status());
  if (format == "html") {
    Response res = Response::html(200, table_report_html(*report, "/static/report.css"));
    res.headers.push_back({"Cache-Control", "private, no-store"});
    return res;
  }
  if (format == "xlsx") {
    auto bytes = table_report_xlsx(*report);
    if (!bytes.is_ok()) return error_page(app, c, bytes.status());
    return download(*bytes, format, report->file_name);
  }
  return download(format == "csv" ? table_report_csv(*report) : table_report_json(*report), format,
                  report->file_name);
}

Response progress_report(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  ReportOptions ro{r.arg("code"),        c.opts.at,    std::nullopt, c.opts.set_id,
                   c.opts.verified_only, today_local()};
  if (!r.arg("compare").empty()) {
    auto d = Date::parse_typed(r.arg("compare"));
    if (!d.is_ok())
      return error_page(app, c, Status::invalid("ngày so sánh: " + d.status().message()));
    ro.compare = *d;
  }
  auto report = build_progress_report(app.store(), **catalog, ro);
  if (!report.is_ok()) return error_page(app, c, report.status());
  const std::string format = r.arg("format", "html");
  const std::string name = "bao-cao-tien-do-" + report->parent.code + "-" + ro.at.iso();
  if (format == "xlsx") {
    auto bytes = progress_xlsx(*report);
    if (!bytes.is_ok()) return error_page(app, c, bytes.status());
    return download(*bytes, format, name);
  }
  if (format == "csv") return download(progress_csv(*report), format, name);
  if (format == "json") return download(progress_json(*report), format, name);
  Response res = Response::html(200, progress_html(*report, "/static/report.css"));
  res.headers.push_back({"Cache-Control", "private, no-store"});
  return res;
}

}  // namespace ntm
