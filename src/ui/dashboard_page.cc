// GET /dashboard/:code — province or district dashboard: headline, bands,
// per-criterion counts, map, trend, lagging communes, the commune table.
// GET /dashboard/:code/communes.csv — the commune table as CSV.
#include "base/csv.h"
#include "base/strings.h"
#include "service/periods.h"
#include "service/plans.h"
#include "service/recognition.h"
#include "service/scope.h"
#include "ui/charts.h"
#include "ui/geo_map.h"
#include "ui/pages.h"
#include "ui/portal_view.h"
#include "ui/recognition_view.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

// The map coloured by criteria met (bands), or with layer=plan by plan status.
std::string map_for(const PageContext& c, const Overview& ov, const std::vector<PlanRow>* plans) {
  // Only the structure the boundaries belong to: every unit shown must be a
  // feature of the map with the same name.
  const std::string name = "communes-" + (ov.path.empty() ? ov.unit.code : ov.path.front().code);
  const auto names = map_names(name);
  if (names.empty() || ov.units.empty()) return "";
  std::map<std::string, MapArea> areas;
  for (size_t i = 0; i < ov.units.size(); ++i) {
    const Assessment& a = ov.units[i];
    const auto f = names.find(a.unit.code);
    if (f == names.end() || f->second != a.unit.name) return "";
    std::string tip = a.unit.name + ": " + std::to_string(a.criteria_met) + "/" +
                      std::to_string(a.criteria.size());
    std::string css = "band" + std::to_string(ov.set->band_of(a.criteria_met));
    if (plans) {
      const auto pv = plan_state_view(c.lang, (*plans)[i].status.state);
      css = pv["plan_class"];
      tip += " · " + pv["plan_label"].get<std::string>();
    }
    areas[a.unit.code] = {css, tip, unit_link(c, a.unit)};
  }
  return svg_map(name, areas, tr(c.lang, "dash.map") + " - " + ov.unit.name);
}

nlohmann::json trend_view(AppState& app, const PageContext& c, const Overview& ov) {
  auto catalog = app.catalog();
  auto set_label = [&](const std::string& id) {
    const CriteriaSet* set = catalog.is_ok() ? (*catalog)->find(id) : nullptr;
    return set ? set_short_label(c.lang, *set) : id;
  };
  std::vector<Point> points;
  std::vector<Marker> markers;
  for (size_t i = 0; i < ov.trend.size(); ++i) {
    const TrendPoint& t = ov.trend[i];
    const double share = t.units ? 100.0 * t.title_met / t.units : 0;
    const std::string label = t.at == ov.opts.at && t.at.month() != 12
                                  ? format_date(c.lang, t.at).substr(3)
                                  : std::to_string(t.at.year());
    points.push_back({label, share,
                      format_date(c.lang, t.at) + ": " + std::to_string(t.title_met) + "/" +
                          std::to_string(t.units) + " (" + format_num(c.lang, share) + "%) · " +
                          set_label(t.set_id)});
    if (i == 0) continue;
    const TrendPoint& before = ov.trend[i - 1];
    std::string what;
    if (before.units != t.units)
      what = tr(c.lang, "dash.trend_units_changed") + " " + std::to_string(before.units) + " → " +
             std::to_string(t.units);
    if (before.set_id != t.set_id)
      what += (what.empty() ? "" : " · ") + tr(c.lang, "dash.trend_set_changed") + " " +
              set_label(t.set_id);
    if (!what.empty()) markers.push_back({i - 1, what});
  }
  return svg_line(points, 100, tr(c.lang, "dash.trend_share"), tr(c.lang, "dash.trend"), markers);
}

nlohmann::json lagging_view(const PageContext& c, const Overview& ov) {
  std::vector<const Assessment*> lag;
  for (const Assessment& a : ov.units) {
    if (!a.titles.empty() && a.titles[0].status != Outcome::kMet) lag.push_back(&a);
  }
  std::stable_sort(lag.begin(), lag.end(), [](const Assessment* a, const Assessment* b) {
    return a->criteria_met < b->criteria_met;
  });
  if (lag.size() > 10) lag.resize(10);
  nlohmann::json out = nlohmann::json::array();
  for (const Assessment* a : lag) {
    nlohmann::json missing = nlohmann::json::array();
    for (const CriterionResult& cr : a->criteria) {
      if (cr.status == Outcome::kMet) continue;
      missing.push_back({{"code", cr.criterion->code},
                         {"name", name_of(c.lang, *cr.criterion)},
                         {"department", cr.criterion->department}});
    }
    out.push_back({{"name", a->unit.name},
                   {"href", unit_link(c, a->unit)},
                   {"met", a->criteria_met},
                   {"total", a->criteria.size()},
                   {"missing", missing}});
  }
  return out;
}

}  // namespace

// Beside the computed counts: the communes recognised (a decision in force on
// the date), a column per commune, and the upkeep of the recognised ones
// judged on the same assessments (liable to revocation, at risk).
Status add_recognitions(AppState& app, const PageContext& c, const Overview& ov,
                        nlohmann::json& v) {
  const RecognitionBook& book = *TRY(app.recognition_book());
  const auto all = TRY(app.recognitions());
  const int64_t province = province_or_zero(app.store(), ov.unit.unit_id);
  const RecognitionRules* rules = book.in_force(c.opts.at, province);
  const bool office = c.principal && office_of(c.principal->first, province);
  int recognised = 0;
  nlohmann::json upkeep = nlohmann::json::array();
  for (size_t i = 0; i < ov.units.size(); ++i) {
    const Assessment& a = ov.units[i];
    const auto mine = all->find(a.unit.unit_id);
    if (mine == all->end()) continue;
    const auto now = in_force_at(mine->second, c.opts.at);
    if (now.empty()) continue;
    ++recognised;
    v["units"][i]["recognised"] = now.front().title + " " + std::to_string(now.front().year);
    const Recognition& r = now.front();
    const UpkeepRow row =
        upkeep_of(r, a, rules ? rules->title(r.title) : book.title(r.title), rules);
    if (row.status != Upkeep::kRevocable && row.status != Upkeep::kAtRisk) continue;
    upkeep.push_back(
        {{"name", a.unit.name},
         {"href", unit_link(c, a.unit)},
         {"state", tr(c.lang, std::string("rec.upkeep_") + upkeep_name(row.status))},
         {"css", row.status == Upkeep::kRevocable ? "not_met" : "unknown"},
         {"decision", decision_text(c.lang, r.decision_no, r.decision_date)},
         {"trigger", row.trigger},
         {"revoke_href", office && row.status == Upkeep::kRevocable
                             ? "/dossiers?revoke=" + url_encode(a.unit.code) + "&title=" +
                                   url_encode(r.title) + "&at=" + c.opts.at.iso() + "#thu-hoi"
                             : ""},
         {"reason", std::to_string(row.failing) + "/" + std::to_string(row.criteria_total) + " " +
                        tr(c.lang, "rec.failing") +
                        (row.triggers_unset ? "; " + tr(c.lang, "rec.triggers_unset") : "")}});
  }
  v["recognised_count"] = std::to_string(recognised);
  v["upkeep"] = upkeep;
  return Status::ok();
}

Response dashboard_page(AppState& app, const Request& r) {
  PageContext c = page_context(r);
  cap_to_published(app, c, r.arg("code"));
  auto got = app.overview(r.arg("code"), c.opts);
  if (!got.is_ok()) return error_page(app, c, got.status());
  const Overview& ov = **got;
  nlohmann::json v =
      page_header(c, ov.unit.name, ov.path, "/dashboard/" + url_encode(ov.unit.code));
  v["has_set"] = ov.set != nullptr;
  v["csv_href"] = link(c, "/dashboard/" + url_encode(ov.unit.code) + "/communes.csv");
  if (!ov.set) return render_page(app, c, "dashboard", v);
  const CriteriaSet& set = *ov.set;
  const Summary& s = ov.summary;
  v["set_name"] = name_of(c.lang, set);
  v["set_short"] = set_short_label(c.lang, set);
  v["illustrative"] = set.illustrative;
  v["title_name"] = set.titles.empty() ? "" : name_of(c.lang, set.titles[0]);
  v["title_met"] = std::to_string(s.title_met);
  v["units_count"] = std::to_string(s.units);
  v["share"] = s.units ? format_num(c.lang, 100.0 * s.title_met / s.units) + "%" : "";
  v["share_step"] = meter_step(s.units ? static_cast<double>(s.title_met) / s.units : 0);
  v["average"] = format_num(c.lang, s.average_criteria_met);
  v["criteria_total"] = std::to_string(set.criteria.size());
  if (ov.year_ago) {
    const int d = s.title_met - ov.year_ago->title_met;
    v["change"] = (d > 0 ? "+" : "") + std::to_string(d);
    v["change_label"] = tr(c.lang, "dash.communes_met") + " " + tr(c.lang, "dash.change") + " (" +
                        std::to_string(ov.year_ago->title_met) + "/" +
                        std::to_string(ov.year_ago->units) + " → " + std::to_string(s.title_met) +
                        "/" + std::to_string(s.units) + ")";
    if (ov.year_ago_set != set.id)
      v["change_label"] =
          v["change_label"].get<std::string>() + " · " + tr(c.lang, "dash.other_set");
  } else {
    v["change"] = "–";
    v["change_label"] = tr(c.lang, "dash.no_change_data");
  }
  std::vector<Bar> bands;
  for (size_t i = 0; i < s.bands.size(); ++i) {
    bands.push_back({s.bands[i].label + " " + tr(c.lang, "unit.criteria"),
                     static_cast<double>(s.bands[i].units), std::to_string(s.bands[i].units),
                     s.bands[i].label + ": " + std::to_string(s.bands[i].units),
                     "band" + std::to_string(i), ""});
  }
  v["bands_svg"] = svg_bars(bands, std::max(1, s.units), tr(c.lang, "dash.bands"));
  std::vector<Bar> crits;
  nlohmann::json criteria = nlohmann::json::array();
  for (const CriterionCount& cc : ov.criteria) {
    const std::string href =
        link(c, "/criterion/" + url_encode(set.id) + "/" + url_encode(cc.criterion->code) +
                    "?parent=" + url_encode(ov.unit.code));
    crits.push_back(
        {cc.criterion->code + ". " + name_of(c.lang, *cc.criterion), static_cast<double>(cc.met),
         std::to_string(cc.met) + "/" + std::to_string(s.units),
         name_of(c.lang, *cc.criterion) + ": " + std::to_string(cc.met) + "/" +
             std::to_string(s.units) +
             (cc.criterion->department.empty() ? "" : " (" + cc.criterion->department + ")"),
         "bar", href});
    criteria.push_back({{"code", cc.criterion->code},
                        {"name", name_of(c.lang, *cc.criterion)},
                        {"department", cc.criterion->department},
                        {"met", cc.met},
                        {"not_met", cc.not_met},
                        {"unknown", cc.unknown},
                        {"href", href}});
  }
  v["criteria_svg"] = svg_bars(crits, std::max(1, s.units), tr(c.lang, "dash.per_criterion"), 300);
  v["criteria"] = criteria;
  auto plans = plan_rows(app.store(), ov.units);
  if (!plans.is_ok()) return error_page(app, c, plans.status());
  const bool plan_layer = r.arg("layer") == "plan";
  v["plan_layer"] = plan_layer;
  v["map_svg"] = map_for(c, ov, plan_layer ? &*plans : nullptr);
  v["legend"] = band_legend(c.lang, set);
  std::map<PlanState, int> per_state;
  for (const PlanRow& p : *plans) ++per_state[p.status.state];
  std::vector<Bar> plan_bars;
  nlohmann::json plan_legend = nlohmann::json::array();
  for (PlanState st : kPlanStates) {
    const auto pv = plan_state_view(c.lang, st);
    const std::string label =
        pv["plan_symbol"].get<std::string>() + " " + pv["plan_label"].get<std::string>();
    plan_bars.push_back({label, static_cast<double>(per_state[st]), std::to_string(per_state[st]),
                         label + ": " + std::to_string(per_state[st]), pv["plan_class"], ""});
    plan_legend.push_back({{"css", pv["plan_class"]}, {"label", label}});
  }
  v["plan_svg"] = svg_bars(plan_bars, std::max(1, s.units), tr(c.lang, "plan.progress"));
  v["plan_legend"] = plan_legend;
  const std::string here = "/dashboard/" + url_encode(ov.unit.code);
  v["layer_bands_href"] = link(c, here);
  v["layer_plan_href"] = link(c, here) + (c.query.empty() ? "?" : "&") + "layer=plan";
  v["report_code"] = ov.unit.code;
  v["compare_default"] = c.opts.at.add_years(-1).iso();
  v["briefing_href"] = "/briefing?unit=" + url_encode(ov.unit.code) + "&at=" + c.opts.at.iso();
  v["trend_svg"] = trend_view(app, c, ov);
  v["lagging"] = lagging_view(c, ov);
  nlohmann::json districts = nlohmann::json::array();
  for (const UnitVersion& d : ov.districts)
    districts.push_back({{"name", d.name}, {"href", unit_link(c, d)}});
  v["districts"] = districts;
  nlohmann::json units = nlohmann::json::array();
  for (size_t i = 0; i < ov.units.size(); ++i) {
    const Assessment& a = ov.units[i];
    const Outcome o = a.titles.empty() ? Outcome::kUnknown : a.titles[0].status;
    nlohmann::json row = status_view(c.lang, o);
    row.update(plan_state_view(c.lang, (*plans)[i].status.state));
    row["plan_reason"] =
        c.lang == Lang::kEn ? (*plans)[i].status.reason_en : (*plans)[i].status.reason;
    row.update({{"code", a.unit.code},
                {"name", a.unit.name},
                {"href", unit_link(c, a.unit)},
                {"met", a.criteria_met},
                {"total", a.criteria.size()},
                {"step",
                 meter_step(a.criteria.empty() ? 0 : double(a.criteria_met) / a.criteria.size())}});
    units.push_back(row);
  }
  v["units"] = units;
  if (Status s = add_recognitions(app, c, ov, v); !s.is_ok()) return error_page(app, c, s);
  if (c.principal && c.principal->first.role == Role::kAdmin &&
      office_of(c.principal->first, province_or_zero(app.store(), ov.unit.unit_id))) {
    // The bulk template is for a reporting period, not the date viewed.
    nlohmann::json periods = nlohmann::json::array();
    if (auto ends = recent_periods(app.store(), today_local(), 4); ends.is_ok()) {
      for (Date end : *ends)
        periods.push_back({{"value", end.iso()}, {"label", format_date(c.lang, end)}});
      periods[0]["label"] =
          periods[0]["label"].get<std::string>() + " (" + tr(c.lang, "period.in_progress") + ")";
    }
    v["bulk_periods"] = periods;
  }
  return render_page(app, c, "dashboard", v);
}

Response dashboard_csv(AppState& app, const Request& r) {
  PageContext c = page_context(r);
  cap_to_published(app, c, r.arg("code"));
  auto got = app.overview(r.arg("code"), c.opts);
  if (!got.is_ok()) return error_page(app, c, got.status());
  std::string csv = "\xEF\xBB\xBFunit_code,unit_name,criteria_met,criteria_total,title_status\r\n";
  for (const Assessment& a : (**got).units) {
    csv += csv_field(a.unit.code) + "," + csv_field(a.unit.name) + "," +
           std::to_string(a.criteria_met) + "," + std::to_string(a.criteria.size()) + "," +
           (a.titles.empty() ? "" : outcome_name(a.titles[0].status)) + "\r\n";
  }
  return download(csv, "csv", "ntm-" + (**got).unit.code + "-" + c.opts.at.iso());
}

}  // namespace ntm
