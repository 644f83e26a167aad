// The whole country on the home page (when the database holds more than one
// province on the date): headline, the 34-province map coloured by the share
// of communes meeting the title, the province table (sortable; CSV at
// GET /toan-quoc.csv), the bands and per-criterion charts. Before 1 July 2025
// the 63-province structure has no shipped boundaries: the table alone, and
// the page says so.
#include "base/csv.h"
#include "base/strings.h"
#include "ui/charts.h"
#include "ui/geo_map.h"
#include "ui/page.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

double share_of(const Summary& s) { return s.units ? 100.0 * s.title_met / s.units : 0; }

// Map classes by share of communes meeting the title: band0 the best.
constexpr double kShareSteps[] = {80, 60, 40, 20};

std::string share_class(const Summary& s) {
  if (!s.units) return "na";
  for (size_t i = 0; i < std::size(kShareSteps); ++i)
    if (share_of(s) >= kShareSteps[i]) return "band" + std::to_string(i);
  return "band4";
}

nlohmann::json share_legend(Lang lang) {
  nlohmann::json out = nlohmann::json::array();
  out.push_back({{"css", "band0"}, {"label", "≥ 80%"}});
  for (size_t i = 1; i < std::size(kShareSteps); ++i)
    out.push_back({{"css", "band" + std::to_string(i)},
                   {"label", format_num(lang, kShareSteps[i]) + "–" +
                                 format_num(lang, kShareSteps[i - 1]) + "%"}});
  out.push_back({{"css", "band4"}, {"label", "< 20%"}});
  out.push_back({{"css", "na"}, {"label", tr(lang, "nat.map_na")}});
  return out;
}

// The same province under two spellings: "Thanh Hoá" / "Thanh Hóa", or a
// province become a city ("Tỉnh Đồng Nai" / "Thành phố Đồng Nai").
bool same_name(const std::string& a, const std::string& b) {
  return fold_diacritics(strip_unit_type_prefix(a)) == fold_diacritics(strip_unit_type_prefix(b));
}

// The map, when every province shown is a feature of the shipped boundaries
// (the 34 provinces from 1 July 2025) under the same name.
std::string province_map(const PageContext& c, const NationalOverview& n) {
  const auto names = map_names("provinces");
  std::map<std::string, MapArea> areas;
  for (const ProvinceFigures& p : n.provinces) {
    const auto f = names.find(p.province.code);
    if (f == names.end() || !same_name(f->second, p.province.name)) return "";
    areas[p.province.code] = {share_class(p.summary),
                              p.province.name + ": " + std::to_string(p.summary.title_met) + "/" +
                                  std::to_string(p.summary.units) + " (" +
                                  format_num(c.lang, share_of(p.summary)) + "%)",
                              unit_link(c, p.province)};
  }
  return svg_map("provinces", areas, tr(c.lang, "nat.map"));
}

}  // namespace

Result<std::optional<nlohmann::json>> national_block(AppState& app, const PageContext& c) {
  const auto n = TRY(app.national(c.opts));
  if (n->provinces.size() < 2) return std::optional<nlohmann::json>();
  const Summary& t = n->total;
  nlohmann::json v;
  v["nat_provinces_count"] = std::to_string(n->provinces.size());
  v["nat_structure"] = tr(
      c.lang, c.opts.at < Date::from_ymd(2025, 7, 1) ? "nat.structure_old" : "nat.structure_new");
  v["nat_units"] = format_num(c.lang, t.units);
  v["nat_title_met"] = format_num(c.lang, t.title_met);
  v["nat_share"] = format_num(c.lang, share_of(t)) + "%";
  v["nat_share_step"] = meter_step(share_of(t) / 100);
  v["nat_average"] = format_num(c.lang, t.average_criteria_met);
  v["nat_title_name"] = n->set && !n->set->titles.empty() ? name_of(c.lang, n->set->titles[0]) : "";
  v["nat_criteria_total"] = n->set ? std::to_string(n->set->criteria.size()) : "";
  if (n->total_compare) {
    const int d = t.title_met - n->total_compare->title_met;
    v["nat_change"] = (d > 0 ? "+" : "") + format_num(c.lang, d);
    v["nat_change_label"] = tr(c.lang, "dash.communes_met") + " " + tr(c.lang, "dash.change") +
                            " (" + format_num(c.lang, n->total_compare->title_met) + "/" +
                            format_num(c.lang, n->total_compare->units) + " → " +
                            format_num(c.lang, t.title_met) + "/" + format_num(c.lang, t.units) +
                            ")";
    if (n->compare_set != n->set)
      v["nat_change_label"] =
          v["nat_change_label"].get<std::string>() + " · " + tr(c.lang, "dash.other_set");
  } else {
    v["nat_change"] = "–";
    v["nat_change_label"] = tr(c.lang, "dash.no_change_data");
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const ProvinceFigures& p : n->provinces) {
    const Summary& s = p.summary;
    std::string change = "–";
    if (p.compare) {
      const int d = s.title_met - p.compare->title_met;
      change = (d > 0 ? "+" : "") + format_num(c.lang, d);
    }
    rows.push_back({{"code", p.province.code},
                    {"name", p.province.name},
                    {"href", unit_link(c, p.province)},
                    {"units", format_num(c.lang, s.units)},
                    {"units_sort", s.units},
                    {"title_met", format_num(c.lang, s.title_met)},
                    {"title_sort", s.title_met},
                    {"average_sort", s.average_criteria_met},
                    {"share", format_num(c.lang, share_of(s)) + "%"},
                    {"share_sort", share_of(s)},
                    {"average", format_num(c.lang, s.average_criteria_met)},
                    {"change", change}});
    // Today's provinces have a portal; the 63 before 1/7/2025 do not.
    if (p.province.valid_to == Date::max()) {
      rows.back()["portal_href"] = "/tinh/" + url_encode(p.province.code);
      rows.back()["progress_href"] = "/tinh/" + url_encode(p.province.code) + "/tien-do";
    }
  }
  v["nat_rows"] = rows;
  v["nat_csv_href"] = link(c, "/toan-quoc.csv");
  v["nat_report_href"] = "/reports/national/all?at=" + c.opts.at.iso();
  v["nat_map_svg"] = province_map(c, *n);
  v["nat_legend"] = share_legend(c.lang);
  std::vector<Bar> bands;
  for (size_t i = 0; i < t.bands.size(); ++i)
    bands.push_back({t.bands[i].label + " " + tr(c.lang, "unit.criteria"),
                     static_cast<double>(t.bands[i].units), format_num(c.lang, t.bands[i].units),
                     t.bands[i].label + ": " + format_num(c.lang, t.bands[i].units),
                     "band" + std::to_string(i), ""});
  v["nat_bands_svg"] = svg_bars(bands, std::max(1, t.units), tr(c.lang, "dash.bands"));
  std::vector<Bar> crits;
  for (const CriterionCount& cc : n->criteria)
    crits.push_back({cc.criterion->code + ". " + name_of(c.lang, *cc.criterion),
                     static_cast<double>(cc.met),
                     format_num(c.lang, cc.met) + "/" + format_num(c.lang, t.units),
                     name_of(c.lang, *cc.criterion) + ": " + format_num(c.lang, cc.met) + "/" +
                         format_num(c.lang, t.units),
                     "bar", ""});
  v["nat_criteria_svg"] =
      svg_bars(crits, std::max(1, t.units), tr(c.lang, "dash.per_criterion"), 300);
  return std::optional<nlohmann::json>(std::move(v));
}

Response national_csv(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto n = app.national(c.opts);
  if (!n.is_ok()) return error_page(app, c, n.status());
  std::string out =
      "\xEF\xBB\xBFprovince_code,province_name,communes,title_met,share_percent,"
      "average_criteria,title_met_year_before\n";
  auto row = [&out](const std::string& code, const std::string& name, const Summary& s,
                    const std::optional<Summary>& before) {
    out += code + "," + csv_field(name) + "," + std::to_string(s.units) + "," +
           std::to_string(s.title_met) + "," + format_number(share_of(s)) + "," +
           format_number(s.average_criteria_met) + "," +
           (before ? std::to_string(before->title_met) : "") + "\n";
  };
  for (const ProvinceFigures& p : (*n)->provinces)
    row(p.province.code, p.province.name, p.summary, p.compare);
  row("", "Cả nước", (*n)->total, (*n)->total_compare);
  return download(std::move(out), "csv", "toan-quoc-" + c.opts.at.iso());
}

}  // namespace ntm
