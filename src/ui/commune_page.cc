// GET /commune/:code — the scorecard: criteria -> indicators with value,
// threshold, status, date, history, source; what is missing; lineage.
#include <algorithm>

#include "base/strings.h"
#include "rules/engine.h"
#include "service/coordination.h"
#include "service/reassess.h"
#include "service/scope.h"
#include "ui/charts.h"
#include "ui/pages.h"
#include "ui/portal_view.h"
#include "ui/recognition_view.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

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

// A merged commune computed from its constituents on the day of the merger,
// under the set in force the day before, with each measure's provenance.
Result<nlohmann::json> reassess_view(AppState& app, const PageContext& c, const Catalog& catalog,
                                     const UnitVersion& unit, Date merged_on) {
  const Reassessment r = TRY(reassess(app.store(), catalog, unit.code,
                                      EvaluateOptions{merged_on, "", c.opts.verified_only}));
  nlohmann::json v = {{"set", name_of(c.lang, *r.set)},
                      {"illustrative", r.set->illustrative},
                      {"date", format_date(c.lang, r.merged_on)},
                      {"before", format_date(c.lang, r.merged_on.add_days(-1))},
                      {"titled", std::to_string(r.constituents_titled)},
                      {"assessed", std::to_string(r.constituents.size())},
                      {"met", std::to_string(r.computed.criteria_met)},
                      {"total", std::to_string(r.computed.criteria.size())},
                      {"unknown", std::to_string(r.computed.criteria_unknown)}};
  PageContext then = c;
  then.query = "at=" + r.merged_on.add_days(-1).iso();
  nlohmann::json olds = nlohmann::json::array();
  for (const Assessment& a : r.constituents) {
    const bool titled = !a.titles.empty() && a.titles[0].status == Outcome::kMet;
    olds.push_back(
        {{"name", a.unit.name},
         {"href", unit_link(then, a.unit)},
         {"met", std::to_string(a.criteria_met) + "/" + std::to_string(a.criteria.size())},
         {"titled", titled}});
  }
  v["constituents"] = olds;
  nlohmann::json shares = nlohmann::json::array();
  for (const Part& p : r.partial) {
    shares.push_back({{"code", p.code},
                      {"name", p.name},
                      {"percent", p.share ? format_num(c.lang, *p.share * 100, 1) : ""}});
  }
  v["shares"] = shares;
  v["has_shares"] = !shares.empty();
  v["unit_code"] = unit.code;
  nlohmann::json rows = nlohmann::json::array();
  for (const MeasureSource& s : r.sources) {
    const auto m = catalog.measures().find(s.measure);
    const std::string name = m == catalog.measures().end() ? s.measure : name_of(c.lang, m->second);
    std::string from;
    for (const Part& p : s.parts) {
      from += (from.empty() ? "" : "; ") + p.name + ": " +
              (p.value      ? format_num(c.lang, p.value->value, 2)
               : p.assessed ? "?"
                            : "–") +
              (!p.partial
                   ? ""
                   : " (" + tr(c.lang, "card.partial") +
                         (p.share ? " " + format_num(c.lang, *p.share * 100, 1) + "%" : "") + ")");
    }
    const auto& value = s.used();
    rows.push_back({{"measure", name},
                    {"source", tr(c.lang, s.own ? "reassess.own" : "reassess.computed")},
                    {"rule", m == catalog.measures().end()
                                 ? ""
                                 : tr(c.lang, std::string("reassess.rule_") +
                                                  aggregation_name(m->second.aggregation))},
                    {"value", value ? format_num(c.lang, value->value, 2) : "?"},
                    {"reason", reason_label(c.lang, s.aggregated.reason)},
                    {"from", from}});
  }
  v["rows"] = rows;
  return v;
}

// The unit's plan and status; for signed-in users in scope, its work items
// and sponsors.
Result<nlohmann::json> coordination_view(AppState& app, const PageContext& c, const Assessment& a) {
  Store& store = app.store();
  const PlanRow row = TRY(plan_rows(store, {a})).front();
  // The plan's targets are public; the office's notes only for its province.
  const bool inside =
      c.principal && TRY(may_see_unit(store, c.principal->first, a.unit.unit_id, c.opts.at));
  nlohmann::json v = plan_state_view(c.lang, row.status.state);
  v["plan_reason"] = c.lang == Lang::kEn ? row.status.reason_en : row.status.reason;
  if (const auto& p = row.plan.plan) {
    v["plan_target"] = p->title + " · " + std::to_string(p->target_year);
    if (inside) v["plan_note"] = p->note;
    nlohmann::json ms = nlohmann::json::array(), targets = nlohmann::json::array();
    for (const Milestone& m : p->milestones) {
      ms.push_back({{"date", format_date(c.lang, m.date)},
                    {"n", m.criteria_met},
                    {"note", inside ? m.note : ""},
                    {"past", m.date <= c.opts.at}});
    }
    // In the set's order (1, 2, … 10), not the stored text order (1, 10, 2).
    for (const Criterion& cr : a.set->criteria)
      for (const PlanCriterion& pc : p->criteria)
        if (pc.set_id == a.set->id && pc.criterion == cr.code)
          targets.push_back({{"code", pc.criterion}, {"year", pc.target_year}});
    v["milestones"] = ms;
    v["targets"] = targets;
  }
  nlohmann::json late = nlohmann::json::array();
  for (const Criterion* cr : row.status.late)
    late.push_back({{"code", cr->code}, {"name", name_of(c.lang, *cr)}});
  v["late"] = late;
  if (!inside) return v;
  const int64_t province = TRY(store.province_of(a.unit.unit_id));
  if (office_of(c.principal->first, province))
    v["plan_edit_href"] = "/plan/" + url_encode(a.unit.code);
  v["show_coordination"] = true;
  const OwnerNames names(store, province);
  nlohmann::json items = nlohmann::json::array();
  for (const WorkItem& w :
       TRY(work_items_for(store, c.principal->first, {.unit_id = a.unit.unit_id}, c.opts.at))) {
    items.push_back({{"title", w.title},
                     {"href", "/work/" + std::to_string(w.id)},
                     {"owner", names(c.lang, owner_key(w.owner_kind, w.owner_code))},
                     {"due", format_date(c.lang, w.due)},
                     {"progress", w.progress},
                     {"overdue", w.overdue(c.opts.at)},
                     {"status", tr(c.lang, std::string("work.") + work_status_name(w.status))}});
  }
  v["work_items"] = items;
  v["work_href"] = "/work?unit=" + url_encode(a.unit.code);
  nlohmann::json sponsors = nlohmann::json::array();
  for (const SponsorshipView& s :
       TRY(sponsorship_views(store, &c.principal->first, "", a.unit.unit_id, c.opts.at))) {
    sponsors.push_back({{"name", s.sponsor_name},
                        {"href", "/sponsors/" + url_encode(s.sponsorship.sponsor)},
                        {"program", s.sponsorship.program},
                        {"pledged", format_vnd(c.lang, s.sponsorship.money_pledged)},
                        {"delivered", format_vnd(c.lang, s.money_delivered)}});
  }
  v["sponsors"] = sponsors;
  return v;
}

}  // namespace

Response commune_page(AppState& app, const Request& r) {
  PageContext c = page_context(r);
  cap_to_published(app, c, r.arg("code"));
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  auto got = build_scorecard(app.store(), **catalog, r.arg("code"), c.opts);
  if (!got.is_ok()) return error_page(app, c, got.status());
  const Scorecard& sc = *got;
  const Assessment& a = sc.assessment;
  nlohmann::json v = page_header(c, a.unit.name, sc.path, "/commune/" + url_encode(a.unit.code));
  v["set_name"] = name_of(c.lang, *a.set);
  v["unit_code"] = a.unit.code;
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
                 {"unit", unit_label(c.lang, ind.unit)},
                 {"value", indicator_value(c.lang, ir.value, ind)},
                 {"op", op_symbol(ind.op)},
                 {"threshold", indicator_value(c.lang, ir.threshold, ind)},
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
  // The recognised standing beside the computed one; for a merged commune,
  // its constituents' recognitions the day before the merger.
  auto recognised = recognised_view(app, c, a.unit.unit_id);
  if (!recognised.is_ok()) return error_page(app, c, recognised.status());
  v["recognised"] = *recognised;
  if (!sc.merged_from.empty()) {
    std::vector<UnitVersion> olds;
    for (const LineageLink& l : sc.merged_from) olds.push_back(l.unit);
    auto before = constituents_recognised(app, c, olds, sc.merged_from[0].date);
    if (!before.is_ok()) return error_page(app, c, before.status());
    v["constituents_recognised"] = *before;
    // The office may acknowledge the merged commune (the use case checks
    // the constituents and the rules).
    if (c.principal && office_of(c.principal->first, province_or_zero(app.store(), a.unit.unit_id)))
      v["acknowledge"] = {{"action", "/commune/" + url_encode(a.unit.code) + "/acknowledgement"},
                          {"today_iso", today_local().iso()},
                          {"error", shown_error(r)}};
  }
  if (!sc.merged_from.empty()) {
    auto re = reassess_view(app, c, **catalog, a.unit, sc.merged_from[0].date);
    if (re.is_ok()) v["reassess"] = *re;
  }
  if (auto coordination = coordination_view(app, c, a); coordination.is_ok()) {
    v.update(*coordination);
  } else {
    return error_page(app, c, coordination.status());
  }
  return render_page(app, c, "commune", v);
}

Response commune_shares_submit(AppState& app, const Request& r) {
  const std::string code = r.arg("code");
  for (const auto& [field, text] : r.form) {
    if (field.rfind("share.", 0) != 0) continue;
    std::string t(trim(text));
    std::replace(t.begin(), t.end(), ',', '.');
    std::optional<double> share;
    if (!t.empty()) {
      const auto v = parse_number(t);
      share = v ? *v / 100 : -1;  // not a number: refused as out of range
    }
    const Status s = set_split_share(app.store(), r.principal->first, code, field.substr(6), share);
    if (!s.is_ok()) return error_page(app, page_context(r), s);
  }
  return Response::redirect("/commune/" + url_encode(code) + "#danh-gia-lai");
}

}  // namespace ntm
