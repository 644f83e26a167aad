// The routes served until the web application lands: health and a start page
// with the headline figures of each province. Handlers: load -> respond.
#include <memory>
#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "http/server.h"
#include "rules/engine.h"
#include "service/evaluate.h"

namespace ntm {
namespace {

Response health(Store& store) {
  auto version = store.schema_version();
  auto units = store.count_units();
  auto observations = store.count_observations();
  if (!version.is_ok() || !units.is_ok() || !observations.is_ok()) {
    return Response::json(503, R"({"status":"error"})");
  }
  return Response::json(200, nlohmann::json{{"status", "ok"},
                                            {"schema_version", *version},
                                            {"units", *units},
                                            {"observations", *observations}}
                                 .dump());
}

std::string province_rows(Store& store, Date at) {
  auto catalog = Catalog::load(store);
  if (!catalog.is_ok())
    return "<tr><td colspan=\"4\">" + html_escape(catalog.status().message()) + "</td></tr>";
  auto provinces = store.top_level_units(at);
  if (!provinces.is_ok()) return "";
  std::string rows;
  for (const UnitVersion& p : *provinces) {
    EvaluateOptions opts{.at = at};
    auto list = evaluate_all(store, *catalog, p.code, Level::kCommune, opts);
    if (!list.is_ok() || list->empty()) continue;
    const Summary s = summarize(*list);
    rows += "<tr><td>" + html_escape(p.name) + "</td><td class=\"n\">" + std::to_string(s.units) +
            "</td><td class=\"n\">" + std::to_string(s.title_met) + "</td><td class=\"n\">" +
            format_number_vi(s.average_criteria_met, 1) + "</td></tr>";
  }
  return rows;
}

Response start_page(Store& store) {
  const Date at = today_utc();
  auto demo = store.setting("demo_data");
  const bool synthetic = demo.is_ok() && demo->has_value() && **demo == "synthetic";
  std::string body =
      "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>NTM Monitor</title><style>body{font-family:system-ui,sans-serif;margin:1rem;"
      "max-width:60rem}table{border-collapse:collapse}td,th{padding:.3rem .6rem;border-bottom:1px "
      "solid #ccc;text-align:left}.n{text-align:right}.demo{background:#fff3cd;padding:.5rem;"
      "border:1px solid #e0c36a}</style></head><body>";
  if (synthetic) {
    body +=
        "<p class=\"demo\"><strong>Dữ liệu minh họa:</strong> số liệu là tổng hợp (giả lập), "
        "ngưỡng theo bộ tiêu chí minh họa, không phải số liệu chính thức.</p>";
  }
  body += "<h1>NTM Monitor</h1><p>Theo dõi xây dựng nông thôn mới - ngày " + at.vi() +
          "</p><table><thead><tr><th>Tỉnh</th><th class=\"n\">Số xã</th><th class=\"n\">Đạt "
          "chuẩn</th><th class=\"n\">Bình quân tiêu chí/xã</th></tr></thead><tbody>" +
          province_rows(store, at) +
          "</tbody></table><p><a href=\"/api/v1/health\">Trạng thái hệ thống</a></p></body></html>";
  return Response::html(200, body);
}

}  // namespace

Result<Router> build_router(const std::string& db_path) {
  std::shared_ptr<Store> store = TRY(Store::open_sqlite(db_path));
  Router r;
  r.add("GET", "/healthz", [store](const Request&) { return health(*store); });
  r.add("GET", "/api/v1/health", [store](const Request&) { return health(*store); });
  r.add("GET", "/", [store](const Request&) { return start_page(*store); });
  return r;
}

}  // namespace ntm
