// GET /tinh/:province/tien-do (and /tien-do in a database of one province) —
// the public progress page: headline figures, the commune map and table, live
// (verified figures today) or the snapshot the office published.
// GET /tien-do with several provinces — the country: headline, province map
// and table, each province linked to its portal. POST /progress/publish and
// /progress/live — the office chooses.
#include "base/strings.h"
#include "ui/charts.h"
#include "ui/geo_map.h"
#include "ui/pages.h"
#include "ui/portal_view.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

// The map and chart classes band0 (best) .. band4.
std::string band_class(int band) { return "band" + std::to_string(std::clamp(band, 0, 4)); }

// The national progress page, when the date has several provinces.
std::optional<Response> national_progress(AppState& app, const PageContext& c) {
  auto block = national_block(app, c);
  if (!block.is_ok()) return error_page(app, c, block.status());
  if (!*block) return std::nullopt;
  nlohmann::json v = std::move(**block);
  v["page_title"] = tr(c.lang, "nat.progress_title");
  v["show_controls"] = true;
  v["controls_action"] = "/tien-do";
  set_page_meta(app, v, "/tien-do", v["page_title"].get<std::string>(),
                v["nat_title_met"].get<std::string>() + "/" + v["nat_units"].get<std::string>() +
                    " " + tr(c.lang, "dash.communes_met") + " (" + format_date(c.lang, c.opts.at) +
                    ")");
  return render_page(app, c, "progress_national", v);
}

// Where the office sees its public progress page.
std::string progress_path(AppState& app, const User& office) {
  auto portal = portal_of_province(app, office.province_id);
  return (portal.is_ok() ? portal->prefix : "") + "/tien-do";
}

}  // namespace

Response public_progress_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto portal = portal_of(app, r);
  if (!portal.is_ok()) return error_page(app, c, portal.status());
  if (portal->province == 0 && r.arg("code").empty()) {
    if (auto national = national_progress(app, c)) return std::move(*national);
  }
  // /tinh/{province}/tien-do, or /tien-do?code= (the first province by default).
  auto p = current_public_progress(app, portal->code.empty() ? r.arg("code") : portal->code);
  if (!p.is_ok()) return error_page(app, c, p.status());
  nlohmann::json v = progress_headline(c, *p);
  v["page_title"] = tr(c.lang, "portal.progress_title") + " — " + p->unit_name;
  // Links go to the figures of the same date (verified only for visitors).
  PageContext at = c;
  at.query = "at=" + p->as_of.iso();
  nlohmann::json rows = nlohmann::json::array();
  std::map<std::string, MapArea> areas;
  const auto names = map_names("communes-" + p->unit_code);
  bool mappable = !names.empty() && !p->rows.empty();
  for (const PublicRow& row : p->rows) {
    const std::string href = link(at, "/commune/" + url_encode(row.code));
    rows.push_back({{"name", row.name},
                    {"href", href},
                    {"met", std::to_string(row.criteria_met)},
                    {"total", std::to_string(row.criteria_total)},
                    {"title", row.title_met}});
    const auto f = names.find(row.code);
    mappable = mappable && f != names.end() && f->second == row.name;
    areas[row.code] = {band_class(row.band),
                       row.name + ": " + std::to_string(row.criteria_met) + "/" +
                           std::to_string(row.criteria_total),
                       href};
  }
  v["rows"] = rows;
  nlohmann::json legend = nlohmann::json::array();
  std::vector<Bar> bars;
  int most = 1;
  for (const BandCount& b : p->bands) most = std::max(most, b.units);
  for (size_t i = 0; i < p->bands.size(); ++i) {
    legend.push_back({{"css", band_class(static_cast<int>(i))}, {"label", p->bands[i].label}});
    bars.push_back({p->bands[i].label, static_cast<double>(p->bands[i].units),
                    std::to_string(p->bands[i].units), p->bands[i].label,
                    band_class(static_cast<int>(i)), ""});
  }
  if (mappable) {
    v["map"] =
        svg_map("communes-" + p->unit_code, areas, tr(c.lang, "dash.map") + " - " + p->unit_name);
    legend.push_back({{"css", "na"}, {"label", tr(c.lang, "dash.map_na")}});
    v["legend"] = legend;
  }
  if (!bars.empty()) v["bands_chart"] = svg_bars(bars, most, tr(c.lang, "dash.bands"));
  v["dashboard_href"] = link(at, "/dashboard/" + url_encode(p->unit_code));
  v["today_iso"] = today_local().iso();
  set_portal(v, *portal);
  set_page_meta(app, v, portal->prefix + "/tien-do", v["page_title"].get<std::string>(),
                p->unit_name + ": " + std::to_string(p->title_met) + "/" +
                    std::to_string(p->units) + " " + tr(c.lang, "dash.communes_met") + " (" +
                    format_date(c.lang, p->as_of) + ")");
  return render_page(app, c, "progress", v);
}

Response progress_publish(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const auto at = Date::parse_typed(r.field("at"));
  if (!at.is_ok()) return error_page(app, c, Status::invalid("Ngày: " + at.status().message()));
  auto ov = app.overview(r.field("code"), EvaluateOptions{*at, "", true});
  if (!ov.is_ok()) return error_page(app, c, ov.status());
  auto id = publish_snapshot(app.store(), r.principal->first, **ov);
  if (!id.is_ok()) return error_page(app, c, id.status());
  return Response::redirect(progress_path(app, r.principal->first));
}

Response progress_live(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  if (Status s = publish_live(app.store(), r.principal->first); !s.is_ok())
    return error_page(app, c, s);
  return Response::redirect(progress_path(app, r.principal->first));
}

}  // namespace ntm
