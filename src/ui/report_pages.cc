// GET /reports/progress/:code?at=&compare=&set=&view=&format=html|xlsx|csv|json
// — the progress-assessment report of a province or district, to print or
// download (signed-in: it carries the coordination sections).
#include "reports/progress.h"
#include "ui/page.h"
#include "ui/pages.h"

namespace ntm {

Response progress_report(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  ReportOptions ro{r.arg("code"), c.opts.at, std::nullopt, c.opts.set_id, c.opts.verified_only,
                   today_utc()};
  if (!r.arg("compare").empty()) {
    auto d = Date::parse(r.arg("compare"));
    if (!d.is_ok()) return error_page(app, c, Status::invalid("ngày so sánh: " + d.status().message()));
    ro.compare = *d;
  }
  auto report = build_progress_report(app.store(), **catalog, ro);
  if (!report.is_ok()) return error_page(app, c, report.status());
  const std::string format = r.arg("format", "html");
  const std::string name = "bao-cao-tien-do-" + report->parent.code + "-" + ro.at.iso();
  auto download = [&](std::string body, const char* type, const char* ext) {
    Response res{200, type, std::move(body), {}};
    res.headers.push_back({"Content-Disposition", "attachment; filename=\"" + name + ext + "\""});
    res.headers.push_back({"Cache-Control", "private, no-store"});
    return res;
  };
  if (format == "xlsx") {
    auto bytes = progress_xlsx(*report);
    if (!bytes.is_ok()) return error_page(app, c, bytes.status());
    return download(*bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
  }
  if (format == "csv") return download(progress_csv(*report), "text/csv; charset=utf-8", ".csv");
  if (format == "json") return download(progress_json(*report), "application/json", ".json");
  Response res = Response::html(200, progress_html(*report, "/static/report.css"));
  res.headers.push_back({"Cache-Control", "private, no-store"});
  return res;
}

}  // namespace ntm
