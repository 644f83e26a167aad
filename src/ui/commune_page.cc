// GET /commune/:code — the scorecard: criteria -> indicators with value,
// threshold, status, date, history, source; what is missing; lineage.
#include "base/strings.h"
#include "rules/engine.h"
#include "ui/charts.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

std::string shown(Lang lang, const std::optional<double>& v, const Indicator& ind) {
  if (!v) return "";
  if (ind.op == Op::kEq && (*v == 0 || *v == 1)) {
    return tr(lang, *v == 1 ? "value.yes" : "value.no");
  }
  return format_num(lang, *v, 2);
}

nlohmann::json lineage_view(const PageContext& c, const std::vector<LineageLink>& links) {
  nlohmann::json out = nlohmann::json::array();
  for (const LineageLink& l : links) {
    PageContext then = c;  // link to the other unit as it was on the link's date
    then.query = "at=" + (l.unit.valid_to < c.opts.at ? l.unit.valid_to : l.unit.valid_from).iso();
    out.push_back({{"name", l.unit.name},
                   {"code", l.unit.code},
                   {"href", unit_link(then, l.unit)},
                   {"relation", tr(c.lang, l.relation == "full" ? "card.full" : "card.partial")}});
  }
  return out;
}

}  // namespace

Response commune_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  auto got = build_scorecard(app.store(), **catalog, r.arg("code"), c.opts);
  if (!got.is_ok()) return error_page(app, c, got.status());
  const Scorecard& sc = *got;
  const Assessment& a = sc.assessment;
  nlohmann::json v = page_header(c, a.unit.name, sc.path, "/commune/" + url_encode(a.unit.code));
  v["set_name"] = name_of(c.lang, *a.set);
  v["illustrative"] = a.set->illustrative;
  if (!a.variant.empty()) {
    v["variant"] = a.set->variant_key == "commune_group"
                       ? tr(c.lang, "variant.commune_group") + " " + a.variant
                       : tr(c.lang, "variant." + a.variant);
  }
  v["applies"] = a.set->applies_to(a.unit);
  v["met"] = std::to_string(a.criteria_met);
  v["total"] = std::to_string(a.criteria.size());
  v["step"] = meter_step(a.criteria.empty() ? 0 : double(a.criteria_met) / a.criteria.size());
  nlohmann::json titles = nlohmann::json::array();
  for (const TitleResult& t : a.titles) {
    nlohmann::json tv = status_view(c.lang, t.status);
    tv["name"] = name_of(c.lang, *t.title);
    titles.push_back(tv);
  }
  v["titles"] = titles;
  const std::string parent_code = sc.path.empty() ? "" : sc.path.front().code;
  nlohmann::json criteria = nlohmann::json::array(), missing = nlohmann::json::array();
  for (const CriterionResult& cr : a.criteria) {
    nlohmann::json cv = status_view(c.lang, cr.status);
    std::string anchor = cr.criterion->code;
    for (char& ch : anchor) ch = std::isalnum(static_cast<unsigned char>(ch)) ? ch : '-';
    cv.update({{"code", cr.criterion->code},
               {"name", name_of(c.lang, *cr.criterion)},
               {"anchor", anchor},
               {"department", cr.criterion->department},
               {"reason", reason_label(c.lang, cr.reason)},
               {"href", link(c, "/criterion/" + url_encode(a.set->id) + "/" +
                                    url_encode(cr.criterion->code) +
                                    "?parent=" + url_encode(parent_code))}});
    nlohmann::json inds = nlohmann::json::array(), failing = nlohmann::json::array();
    for (const IndicatorResult& ir : cr.indicators) {
      const Indicator& ind = *ir.indicator;
      nlohmann::json iv = status_view(c.lang, ir.status, ir.reason);
      std::vector<double> series;
      for (const MeasureValue& mv : sc.history.at(ind.measure)) series.push_back(mv.value);
      iv.update({{"code", ind.code},
                 {"name", name_of(c.lang, ind)},
                 {"unit", ind.unit},
                 {"value", shown(c.lang, ir.value, ind)},
                 {"op", op_symbol(ind.op)},
                 {"threshold", shown(c.lang, ir.threshold, ind)},
                 {"date", ir.value_date ? format_date(c.lang, *ir.value_date) : ""},
                 {"spark", svg_sparkline(series, name_of(c.lang, ind))},
                 {"source", ind.source},
                 {"confirmed", ind.confirmed},
                 {"confirmed_label", tr(c.lang, "card.confirmed_" + ind.confirmed)}});
      inds.push_back(iv);
      if (ir.status != Outcome::kMet) {
        failing.push_back({{"code", ind.code}, {"reason", reason_label(c.lang, ir.reason)}});
      }
    }
    cv["indicators"] = inds;
    if (cr.status != Outcome::kMet) {
      nlohmann::json mv = cv;
      mv["indicators"] = failing;
      missing.push_back(mv);
    }
    criteria.push_back(cv);
  }
  v["criteria"] = criteria;
  v["missing"] = missing;
  v["merged_from"] = lineage_view(c, sc.merged_from);
  v["merged_into"] = lineage_view(c, sc.merged_into);
  v["has_lineage"] = !sc.merged_from.empty() || !sc.merged_into.empty();
  if (!sc.merged_from.empty()) v["merged_from_date"] = format_date(c.lang, sc.merged_from[0].date);
  if (!sc.merged_into.empty()) v["merged_into_date"] = format_date(c.lang, sc.merged_into[0].date);
  return render_page(app, c, "commune", v);
}

}  // namespace ntm
