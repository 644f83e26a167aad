// GET / — the provinces with their headline figures and the national map.
#include "rules/engine.h"
#include "ui/geo_map.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {

Response home_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto provinces = app.store().top_level_units(c.opts.at);
  if (!provinces.is_ok()) return error_page(app, c, provinces.status());
  nlohmann::json rows = nlohmann::json::array();
  std::map<std::string, MapArea> areas;
  for (const UnitVersion& p : *provinces) {
    auto ov = app.overview(p.code, c.opts);
    if (!ov.is_ok() || (**ov).units.empty()) continue;
    const Summary& s = (**ov).summary;
    const double share = s.units ? static_cast<double>(s.title_met) / s.units : 0;
    rows.push_back({{"name", p.name},
                    {"href", unit_link(c, p)},
                    {"units", std::to_string(s.units)},
                    {"title_met", std::to_string(s.title_met)},
                    {"share", format_num(c.lang, 100 * share) + "%"},
                    {"average", format_num(c.lang, s.average_criteria_met)}});
    // Provinces are coloured by the share of communes meeting the title, in
    // the same five steps as the bands.
    const int band = share >= 1 ? 0 : share >= 0.75 ? 1 : share >= 0.5 ? 2 : share >= 0.25 ? 3 : 4;
    areas[p.code] = {"band" + std::to_string(band),
                     p.name + ": " + std::to_string(s.title_met) + "/" + std::to_string(s.units),
                     unit_link(c, p)};
  }
  nlohmann::json v;
  v["page_title"] = tr(c.lang, "home.title");
  v["show_controls"] = true;
  v["controls_action"] = "/";
  v["provinces"] = rows;
  const auto names = map_names("provinces");
  bool same_structure = !areas.empty();
  for (const UnitVersion& p : *provinces) same_structure = same_structure && names.count(p.code);
  if (same_structure) {
    v["map"] = svg_map("provinces", areas, tr(c.lang, "dash.map"));
    v["legend"] = nlohmann::json::array({{{"css", "band0"}, {"label", "100%"}},
                                         {{"css", "band1"}, {"label", "75-99%"}},
                                         {{"css", "band2"}, {"label", "50-74%"}},
                                         {{"css", "band3"}, {"label", "25-49%"}},
                                         {{"css", "band4"}, {"label", "<25%"}},
                                         {{"css", "na"}, {"label", tr(c.lang, "home.no_data")}}});
  }
  return render_page(app, c, "home", v);
}

}  // namespace ntm
