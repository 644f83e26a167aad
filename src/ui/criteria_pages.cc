// The criteria-set editor (docs/criteria-2026-2030.md).
// GET /criteria-sets — every version by series (in force, dates, how many
// thresholds are set and confirmed), the drafts; the office starts a new
// version (POST /criteria-sets/drafts). GET /criteria-sets/diff — what
// changed between two versions. GET /criteria-sets/drafts/:id — the draft's
// editor; POST …/details, …/indicator, …/remove, …/criterion, …/measure,
// …/publish, …/discard change it (office only, audited).
#include <algorithm>

#include "base/strings.h"
#include "rules/criteria_text.h"
#include "service/criteria_editor.h"
#include "service/scope.h"
#include "ui/pages.h"
#include "ui/portal_view.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

std::string draft_path(const std::string& id) { return "/criteria-sets/drafts/" + url_encode(id); }

std::string variant_label(Lang lang, const CriteriaSet& s, const std::string& v) {
  if (v == "default") return tr(lang, "cs.variant_default");
  return tr(lang, s.variant_key == "commune_group" ? "cs.group" : "cs.region") + " " + v;
}

std::string confirmed_label(Lang lang, const std::string& c) {
  return tr(lang, "cs.confirmed_" + c);
}

// Counts shown beside a version: indicators, thresholds set, confirmed.
nlohmann::json set_counts(const CriteriaSet& s) {
  int indicators = 0, with_threshold = 0, confirmed = 0;
  for (const Criterion& c : s.criteria) {
    for (const Indicator& i : c.indicators) {
      ++indicators;
      with_threshold += i.thresholds.empty() ? 0 : 1;
      confirmed += i.confirmed == "true" ? 1 : 0;
    }
  }
  return {{"criteria", s.criteria.size()},
          {"indicators", indicators},
          {"with_threshold", with_threshold},
          {"confirmed", confirmed}};
}

// The fields of one indicator form: from the indicator, or as typed.
nlohmann::json indicator_form(Lang lang, const Draft& d, const std::string& crit,
                              const Indicator* ind, const IndicatorInput* typed) {
  IndicatorInput in;
  in.criterion = crit;
  if (ind) {
    in = {crit,         ind->code,      ind->code,          ind->name_vi,
          ind->name_en, ind->measure,   op_symbol(ind->op), {},
          ind->source,  ind->confirmed, ind->notes};
    const auto m = d.measures.find(ind->measure);
    for (const auto& [v, years] : ind->thresholds)
      if (m != d.measures.end()) in.thresholds[v] = format_thresholds(m->second, years);
  }
  if (typed) in = *typed;
  const std::string form_id =
      "i-" + crit + "-" + (in.original_code.empty() ? "new" : in.original_code);
  nlohmann::json ops = nlohmann::json::array(), confirmed = nlohmann::json::array(),
                 thresholds = nlohmann::json::array();
  for (const char* op : {">=", ">", "<=", "<", "="})
    ops.push_back({{"op", op}, {"selected", in.op == op}});
  for (const char* k : {"false", "partial", "true"}) {
    confirmed.push_back(
        {{"value", k}, {"label", confirmed_label(lang, k)}, {"selected", in.confirmed == k}});
  }
  for (const std::string& v : editable_variants(d.set)) {
    const auto t = in.thresholds.find(v);
    thresholds.push_back({{"variant", v},
                          {"label", variant_label(lang, d.set, v)},
                          {"value", t == in.thresholds.end() ? "" : t->second},
                          {"input_id", form_id + "-t-" + v}});
  }
  return {{"form_id", form_id},
          {"criterion", crit},
          {"original_code", in.original_code},
          {"code", in.code},
          {"name_vi", in.name_vi},
          {"name_en", in.name_en},
          {"measure", in.measure},
          {"ops", ops},
          {"thresholds", thresholds},
          {"source", in.source},
          {"confirmed_options", confirmed},
          {"notes", in.notes},
          {"is_new", in.original_code.empty()}};
}

nlohmann::json change_rows(Lang lang, const CriteriaSet& set,
                           const std::vector<SetChange>& changes) {
  nlohmann::json rows = nlohmann::json::array();
  for (const SetChange& ch : changes) {
    std::string field = ch.field;
    if (field.rfind("thresholds.", 0) == 0) {
      field = tr(lang, "cs.threshold") + " " + variant_label(lang, set, field.substr(11));
    } else if (!field.empty()) {
      field = tr(lang, "cs.field." + field.substr(0, field.find('.')));
    }
    rows.push_back({{"kind", change_kind_name(ch.kind)},
                    {"kind_label", tr(lang, std::string("cs.change.") + change_kind_name(ch.kind))},
                    {"criterion", ch.criterion},
                    {"indicator", ch.indicator},
                    {"field", field},
                    {"before", ch.before},
                    {"after", ch.after}});
  }
  return rows;
}

// The published version of `series` that starts last: the one a new
// version follows.
const CriteriaSet* latest_of(const Catalog& catalog, const std::string& series) {
  const CriteriaSet* out = nullptr;
  for (const auto& s : catalog.sets())
    if (s->series == series && (!out || s->effective_from > out->effective_from)) out = s.get();
  return out;
}

struct Typed {
  const IndicatorInput* indicator = nullptr;
  std::string error;
};

Response draft_view(AppState& app, const PageContext& c, const std::string& id, const Typed& typed,
                    bool saved) {
  const auto cat = app.catalog();
  if (!cat.is_ok()) return error_page(app, c, cat.status());
  const Catalog* catalog = *cat;
  auto d = load_criteria_draft(app.store(), *catalog, id);
  if (!d.is_ok()) return error_page(app, c, d.status());
  if (Status mine = may_edit_draft(c.principal->first, d->row); !mine.is_ok())
    return error_page(app, c, mine);
  const Lang lang = c.lang;
  nlohmann::json criteria = nlohmann::json::array();
  for (const Criterion& cr : d->set.criteria) {
    nlohmann::json inds = nlohmann::json::array();
    for (const Indicator& ind : cr.indicators) {
      const bool again = typed.indicator && typed.indicator->criterion == cr.code &&
                         typed.indicator->original_code == ind.code;
      nlohmann::json f = indicator_form(lang, *d, cr.code, &ind, again ? typed.indicator : nullptr);
      f["summary"] = describe_indicator(ind, d->measures);
      f["confirmed_label"] = confirmed_label(lang, ind.confirmed);
      f["confirmed_class"] = ind.confirmed == "true" ? "met" : "notset";
      f["open"] = again;
      inds.push_back(f);
    }
    const bool new_again = typed.indicator && typed.indicator->criterion == cr.code &&
                           typed.indicator->original_code.empty();
    criteria.push_back({{"code", cr.code},
                        {"name_vi", cr.name_vi},
                        {"name_en", cr.name_en},
                        {"department", cr.department},
                        {"indicators", inds},
                        {"empty", cr.indicators.empty()},
                        {"new_indicator", indicator_form(lang, *d, cr.code, nullptr,
                                                         new_again ? typed.indicator : nullptr)},
                        {"new_open", new_again}});
  }
  nlohmann::json measures = nlohmann::json::array();
  for (const auto& [mid, m] : d->measures) {
    measures.push_back(
        {{"id", mid}, {"label", m.name_vi + (m.unit.empty() ? "" : " (" + m.unit + ")")}});
  }
  nlohmann::json errors = nlohmann::json::array();
  for (const std::string& line : split(typed.error, '\n'))
    if (!line.empty()) errors.push_back(line);
  const CriteriaSet* follows = latest_of(*catalog, d->set.series);
  nlohmann::json v = {{"page_title", tr(lang, "cs.draft_title") + ": " + d->set.id},
                      {"id", d->set.id},
                      {"path", draft_path(d->set.id)},
                      {"base_id", d->row.base_id},
                      {"created_by", d->row.created_by},
                      {"series", d->set.series},
                      {"name_vi", d->set.name_vi},
                      {"name_en", d->set.name_en},
                      {"legal_basis", d->set.legal_basis},
                      {"notes", d->set.notes},
                      {"variant_key", d->set.variant_key},
                      {"illustrative", d->set.illustrative},
                      {"criteria", criteria},
                      {"measures", measures},
                      {"changes", change_rows(lang, d->set, draft_changes(*catalog, *d))},
                      {"errors", errors},
                      {"has_errors", !errors.empty()},
                      {"saved", saved},
                      {"publish_from", today_local().add_days(1).iso()},
                      {"follows", follows ? follows->id : ""},
                      {"follows_from", follows ? format_date(lang, follows->effective_from) : ""}};
  v["has_changes"] = !v["changes"].empty();
  return render_page(app, c, "criteria_draft", v, errors.empty() ? 200 : 400);
}

// After a POST: back to the editor (anchor `anchor`), or the editor again
// with what was typed and every error.
Response after_edit(AppState& app, const Request& r, const Status& s, const std::string& anchor,
                    const IndicatorInput* typed = nullptr) {
  const PageContext c = page_context(r);
  const std::string id = r.arg("id");
  if (s.is_ok()) return Response::redirect(draft_path(id) + "?saved=1#" + anchor);
  if (s.code() != ErrorCode::kInvalidArgument && s.code() != ErrorCode::kConflict) {
    return error_page(app, c, s);
  }
  return draft_view(app, c, id, {typed, s.message()}, false);
}

// Runs one change of the draft with the catalogue, then after_edit.
template <class Change>
Response edit_draft(AppState& app, const Request& r, const std::string& anchor, Change change,
                    const IndicatorInput* typed = nullptr) {
  const auto catalog = app.catalog();
  return after_edit(app, r, catalog.is_ok() ? change(**catalog) : catalog.status(), anchor, typed);
}

}  // namespace

Response criteria_sets_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  const bool admin = r.principal->first.role == Role::kAdmin || is_central(r.principal->first);
  const Date today = today_local();
  std::map<std::string, nlohmann::json> by_series;
  std::map<std::string, std::string> previous;  // series -> last id seen (by start date)
  std::vector<const CriteriaSet*> sets;
  for (const auto& s : (*catalog)->sets()) sets.push_back(s.get());
  std::sort(sets.begin(), sets.end(), [](auto* a, auto* b) {
    return std::tie(a->series, a->effective_from) < std::tie(b->series, b->effective_from);
  });
  for (const CriteriaSet* s : sets) {
    nlohmann::json row = set_counts(*s);
    row.update({{"id", s->id},
                {"name", name_of(c.lang, *s)},
                {"legal_basis", s->legal_basis},
                {"from", format_date(c.lang, s->effective_from)},
                {"to", s->effective_to == Date::max() ? "" : format_date(c.lang, s->effective_to)},
                {"in_force", s->in_force(today)},
                {"illustrative", s->illustrative},
                {"previous", previous[s->series]},
                {"suggested_id", s->id + "-v2"}});
    previous[s->series] = s->id;
    by_series[s->series].push_back(row);
  }
  nlohmann::json series = nlohmann::json::array();
  for (auto& [name, rows] : by_series) series.push_back({{"series", name}, {"versions", rows}});
  nlohmann::json drafts = nlohmann::json::array();
  if (admin) {
    auto rows = app.store().criteria_drafts();
    if (!rows.is_ok()) return error_page(app, c, rows.status());
    for (const CriteriaDraft& d : *rows) {
      if (!may_edit_draft(r.principal->first, d).is_ok()) continue;  // another office's
      drafts.push_back({{"id", d.id},
                        {"href", draft_path(d.id)},
                        {"base_id", d.base_id},
                        {"created_by", d.created_by},
                        {"updated", format_timestamp(c.lang, d.updated_at)}});
    }
  }
  nlohmann::json v = {{"page_title", tr(c.lang, "cs.title")},
                      {"series", series},
                      {"admin", admin},
                      {"drafts", drafts},
                      {"has_drafts", !drafts.empty()},
                      {"published", r.arg("published")},
                      {"closed", r.arg("closed")},
                      {"error", shown_error(r)}};
  return render_page(app, c, "criteria_sets", v);
}

Response criteria_diff_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  const CriteriaSet* a = (*catalog)->find(r.arg("from"));
  const CriteriaSet* b = (*catalog)->find(r.arg("to"));
  if (!a || !b) return error_page(app, c, Status::not_found(tr(c.lang, "cs.diff_pick")));
  const auto changes = diff_sets(*a, *b, (*catalog)->measures());
  nlohmann::json options = nlohmann::json::array();
  for (const auto& s : (*catalog)->sets()) {
    options.push_back(
        {{"id", s->id}, {"selected_from", s.get() == a}, {"selected_to", s.get() == b}});
  }
  nlohmann::json v = {{"page_title", tr(c.lang, "cs.diff_title")},
                      {"from", a->id},
                      {"to", b->id},
                      {"options", options},
                      {"changes", change_rows(c.lang, *b, changes)},
                      {"none", changes.empty()}};
  return render_page(app, c, "criteria_diff", v);
}

Response criteria_draft_create(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  const std::string id(trim(r.field("id")));
  const Status s =
      start_criteria_draft(app.store(), **catalog, r.field("base"), id, r.principal->first);
  if (!s.is_ok()) return Response::redirect("/criteria-sets?" + error_query(r, s.message()));
  return Response::redirect(draft_path(id));
}

Response criteria_draft_page(AppState& app, const Request& r) {
  return draft_view(app, page_context(r), r.arg("id"), {}, r.arg("saved") == "1");
}

Response criteria_draft_details(AppState& app, const Request& r) {
  const DraftDetails in{r.field("name_vi"), r.field("name_en"), r.field("legal_basis"),
                        r.field("notes")};
  return edit_draft(app, r, "chung", [&](const Catalog& c) {
    return save_draft_details(app.store(), c, r.arg("id"), in, r.principal->first);
  });
}

Response criteria_draft_indicator(AppState& app, const Request& r) {
  IndicatorInput in{
      r.field("criterion"), r.field("original_code"), r.field("code"), r.field("name_vi"),
      r.field("name_en"),   r.field("measure"),       r.field("op"),   {},
      r.field("source"),    r.field("confirmed"),     r.field("notes")};
  for (const auto& [k, v] : r.form)
    if (k.rfind("t.", 0) == 0) in.thresholds[k.substr(2)] = v;
  return edit_draft(
      app, r, "i-" + in.criterion + "-" + std::string(trim(in.code)),
      [&](const Catalog& c) {
        return save_indicator(app.store(), c, r.arg("id"), in, r.principal->first);
      },
      &in);
}

Response criteria_draft_remove(AppState& app, const Request& r) {
  return edit_draft(app, r, "c-" + r.field("criterion"), [&](const Catalog& c) {
    return remove_indicator(app.store(), c, r.arg("id"), r.field("criterion"), r.field("code"),
                            r.principal->first);
  });
}

Response criteria_draft_criterion(AppState& app, const Request& r) {
  const CriterionInput in{r.field("original_code"), r.field("code"), r.field("name_vi"),
                          r.field("name_en"), r.field("department")};
  return edit_draft(app, r, "c-" + std::string(trim(in.code)), [&](const Catalog& c) {
    return save_criterion(app.store(), c, r.arg("id"), in, r.principal->first);
  });
}

Response criteria_draft_measure(AppState& app, const Request& r) {
  const MeasureInput in{r.field("measure_id"), r.field("name_vi"), r.field("unit"), r.field("type"),
                        r.field("aggregation")};
  return edit_draft(app, r, "so-lieu-moi", [&](const Catalog& c) {
    return add_draft_measure(app.store(), c, r.arg("id"), in, r.principal->first);
  });
}

Response criteria_draft_publish(AppState& app, const Request& r) {
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return after_edit(app, r, catalog.status(), "");
  const auto from = Date::parse_typed(r.field("from"));
  if (!from.is_ok()) {
    return after_edit(app, r, Status::invalid(tr(page_context(r).lang, "cs.publish_date_bad")),
                      "cong-bo");
  }
  const auto p =
      publish_criteria_draft(app.store(), **catalog, r.arg("id"), *from, r.principal->first);
  if (!p.is_ok()) return after_edit(app, r, p.status(), "cong-bo");
  return Response::redirect(
      "/criteria-sets?published=" + url_encode(p->id + " · " + from->vi()) +
      (p->closed_id.empty() ? ""
                            : "&closed=" + url_encode(p->closed_id + " · " + p->closed_to.vi())));
}

Response criteria_draft_discard(AppState& app, const Request& r) {
  const Status s = discard_criteria_draft(app.store(), r.arg("id"), r.principal->first);
  if (!s.is_ok()) return error_page(app, page_context(r), s);
  return Response::redirect("/criteria-sets");
}

}  // namespace ntm
