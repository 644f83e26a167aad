// GET /criterion/:set/:criterion?parent=CODE — every commune under the parent
// against one criterion, the indicators failing most, the department.
#include "ui/charts.h"
#include "ui/pages.h"
#include "ui/portal_view.h"
#include "ui/view_helpers.h"

namespace ntm {

Response criterion_page(AppState& app, const Request& r) {
  PageContext c = page_context(r);
  cap_to_published(app, c, r.arg("unit"));
  EvaluateOptions opts = c.opts;
  opts.set_id = r.arg("set");
  const std::string parent = r.arg("parent");
  if (parent.empty()) return error_page(app, c, Status::invalid("thiếu tham số parent"));
  auto got = app.overview(parent, opts);
  if (!got.is_ok()) return error_page(app, c, got.status());
  const Overview& ov = **got;
  size_t index = ov.criteria.size();
  for (size_t i = 0; i < ov.criteria.size(); ++i) {
    if (ov.criteria[i].criterion->code == r.arg("criterion")) index = i;
  }
  if (!ov.set || index == ov.criteria.size()) {
    return error_page(app, c,
                      Status::not_found("không có tiêu chí \"" + r.arg("criterion") + "\""));
  }
  const CriterionCount& cc = ov.criteria[index];
  nlohmann::json v;
  v["page_title"] = name_of(c.lang, *cc.criterion);
  v["breadcrumbs"] = breadcrumbs(c, ov.path, ov.unit.name);
  v["breadcrumbs"].back()["href"] = unit_link(c, ov.unit);
  v["breadcrumbs"].push_back(
      {{"name", cc.criterion->code + ". " + name_of(c.lang, *cc.criterion)}, {"href", nullptr}});
  v["show_controls"] = true;
  v["controls_action"] =
      "/criterion/" + url_encode(ov.set->id) + "/" + url_encode(cc.criterion->code);
  v["code"] = cc.criterion->code;
  v["name"] = name_of(c.lang, *cc.criterion);
  v["parent_name"] = ov.unit.name;
  v["at_shown"] = format_date(c.lang, ov.opts.at);
  v["set_name"] = name_of(c.lang, *ov.set);
  v["illustrative"] = ov.set->illustrative;
  v["met"] = std::to_string(cc.met);
  v["units_count"] = std::to_string(ov.units.size());
  v["department"] =
      cc.criterion->department.empty() ? tr(c.lang, "crit.none") : cc.criterion->department;
  std::vector<Bar> bars;
  for (const Indicator& ind : cc.criterion->indicators) {
    const auto f = cc.failing.find(ind.code);
    const int n = f == cc.failing.end() ? 0 : f->second;
    bars.push_back({ind.code, static_cast<double>(n), std::to_string(n),
                    name_of(c.lang, ind) + ": " + std::to_string(n), "band4", ""});
  }
  v["failing_svg"] =
      svg_bars(bars, std::max<double>(1, ov.units.size()), tr(c.lang, "col.failing"));
  nlohmann::json units = nlohmann::json::array();
  for (const Assessment& a : ov.units) {
    const CriterionResult& cr = a.criteria[index];
    nlohmann::json row = status_view(c.lang, cr.status);
    std::string failing;
    for (const IndicatorResult& ir : cr.indicators) {
      if (ir.status != Outcome::kMet) failing += (failing.empty() ? "" : ", ") + ir.indicator->code;
    }
    row.update({{"name", a.unit.name}, {"href", unit_link(c, a.unit)}, {"failing", failing}});
    units.push_back(row);
  }
  v["units"] = units;
  return render_page(app, c, "criterion", v);
}

}  // namespace ntm
