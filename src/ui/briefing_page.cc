// GET /briefing?unit=CODE&at= — "before the meeting": for a steering member
// (their area by default) or the office (the province): units behind or at
// risk of their plan, their missing criteria with responsible departments,
// their sponsors and what was delivered, overdue work items and open
// conclusions, recognition dossiers waiting (appraisal, postings, vote,
// decision) and recognised communes at risk or liable to revocation. One printable page.
#include "base/strings.h"
#include "service/coordination.h"
#include "service/scope.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

// The area a briefing covers when none is asked: the user's assigned unit,
// their commune, else their province (the central office: the first one).
std::string default_scope(AppState& app, const Request& r, Date at) {
  const User& u = r.principal->first;
  const int64_t id = u.unit_id ? u.unit_id : (u.units.empty() ? 0 : u.units.front());
  if (id) {
    if (auto v = app.store().unit_version_at(id, at); v.is_ok() && *v) return (**v).code;
  }
  auto home = working_province(app, r, at);
  return home.is_ok() ? home->code : "";
}

nlohmann::json work_view(AppState& app, const PageContext& c, const OwnerNames& owners,
                         const WorkItem& w) {
  std::string unit;
  if (auto v = app.store().unit_version_at(w.unit_id, std::min(c.opts.at, w.due)); v.is_ok() && *v)
    unit = (**v).name;
  return {{"title", w.title},
          {"href", "/work/" + std::to_string(w.id)},
          {"unit", unit},
          {"owner", owners(c.lang, owner_key(w.owner_kind, w.owner_code))},
          {"due", format_date(c.lang, w.due)},
          {"progress", w.progress}};
}

}  // namespace

Response briefing_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const User& me = r.principal->first;
  const std::string scope =
      r.arg("unit").empty() ? default_scope(app, r, c.opts.at) : r.arg("unit");
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  auto book = app.recognition_book();
  if (!book.is_ok()) return error_page(app, c, book.status());
  auto got = build_briefing(app.store(), **catalog, me, scope, c.opts, *book);
  if (!got.is_ok()) return error_page(app, c, got.status());
  const Briefing& b = *got;
  const OwnerNames owners(app.store(), province_or_zero(app.store(), b.scope.unit_id));
  nlohmann::json units = nlohmann::json::array();
  for (const BriefingUnit& u : b.units) {
    nlohmann::json uv = plan_state_view(c.lang, u.row.status.state);
    nlohmann::json missing = nlohmann::json::array(), sponsors = nlohmann::json::array(),
                   overdue = nlohmann::json::array();
    for (const auto& [criterion, department] : u.missing) {
      missing.push_back({{"code", criterion->code},
                         {"name", name_of(c.lang, *criterion)},
                         {"department", department}});
    }
    for (const SponsorshipView& s : u.sponsors) {
      std::string last;
      if (!s.deliveries.empty()) last = format_date(c.lang, s.deliveries.back().date);
      int late_reviews = 0;
      for (const ReviewDuty& d : s.duties) late_reviews += d.overdue;
      sponsors.push_back({{"name", s.sponsor_name},
                          {"href", "/sponsors/" + url_encode(s.sponsorship.sponsor)},
                          {"pledged", format_vnd(c.lang, s.sponsorship.money_pledged)},
                          {"delivered", format_vnd(c.lang, s.money_delivered)},
                          {"last", last},
                          {"late_reviews", late_reviews ? std::to_string(late_reviews) : ""}});
    }
    for (const WorkItem& w : u.overdue) overdue.push_back(work_view(app, c, owners, w));
    const Plan* p = u.row.plan.plan ? &*u.row.plan.plan : nullptr;
    uv.update({{"name", u.row.assessment.unit.name},
               {"href", unit_link(c, u.row.assessment.unit)},
               {"met", u.row.assessment.criteria_met},
               {"total", u.row.assessment.criteria.size()},
               {"target", p ? p->title + " " + std::to_string(p->target_year) : ""},
               {"reason", c.lang == Lang::kEn ? u.row.status.reason_en : u.row.status.reason},
               {"missing", missing},
               {"sponsors", sponsors},
               {"overdue", overdue}});
    units.push_back(uv);
  }
  nlohmann::json overdue = nlohmann::json::array(), conclusions = nlohmann::json::array();
  for (const WorkItem& w : b.overdue) overdue.push_back(work_view(app, c, owners, w));
  for (const auto& [m, k] : b.open_conclusions) {
    conclusions.push_back(
        {{"meeting", m.title + " (" + format_date(c.lang, m.date) + ")"},
         {"href", "/meetings/" + std::to_string(m.id) + "#k-" + std::to_string(k.id)},
         {"text", k.text},
         {"deadline", k.deadline.empty() ? "" : format_date(c.lang, *Date::parse(k.deadline))},
         {"late", conclusion_overdue(k, c.opts.at)},
         {"progress", k.reports.empty() ? "" : std::to_string(k.reports.back().progress) + "%"},
         {"status", tr(c.lang, std::string("conclusion.") + conclusion_status_name(k.status))}});
  }
  // Recognition: dossiers waiting, and recognised communes slipping.
  nlohmann::json dossiers = nlohmann::json::array(), upkeep = nlohmann::json::array();
  for (const DossierDuty& d : b.dossiers)
    dossiers.push_back({{"href", "/dossiers/" + std::to_string(d.dossier.id)},
                        {"unit", d.dossier.unit_name},
                        {"kind", tr(c.lang, "dossier.kind_" + d.dossier.kind)},
                        {"title", d.dossier.title},
                        {"label", tr(c.lang, "notify.dossier_" + d.kind)},
                        {"text", d.text},
                        {"due", d.due ? format_date(c.lang, *d.due) : ""},
                        {"late", d.due && *d.due < c.opts.at}});
  for (const UpkeepRow& u : b.upkeep)
    upkeep.push_back({{"unit", u.unit_name},
                      {"href", "/commune/" + url_encode(u.recognition.unit_code)},
                      {"title", u.recognition.title + " " + std::to_string(u.recognition.year)},
                      {"state", tr(c.lang, std::string("rec.upkeep_") + upkeep_name(u.status))},
                      {"css", u.status == Upkeep::kRevocable ? "not_met" : "unknown"},
                      {"failing", join(u.failing_codes, ", ")},
                      {"trigger", u.trigger}});
  // The scopes to choose by name: each province and its districts (or, after
  // the merger, its communes) on the date.
  nlohmann::json scopes = nlohmann::json::array();
  if (auto top = app.store().top_level_units(c.opts.at); top.is_ok()) {
    for (const UnitVersion& p : *top) {
      if (!reads_province(me, p.unit_id)) continue;
      scopes.push_back({{"code", p.code}, {"name", p.name}, {"selected", p.code == b.scope.code}});
      for (const Level level : {Level::kDistrict, Level::kCommune}) {
        auto under = app.store().descendants_at(p.unit_id, level, c.opts.at);
        if (!under.is_ok() || under->empty()) continue;
        for (const UnitVersion& u : *under)
          scopes.push_back(
              {{"code", u.code}, {"name", "— " + u.name}, {"selected", u.code == b.scope.code}});
        break;  // districts when there are, else communes
      }
    }
  }
  nlohmann::json v = {{"page_title", tr(c.lang, "briefing.title")},
                      {"scopes", scopes},
                      {"scope", b.scope.name},
                      {"scope_code", b.scope.code},
                      {"at_shown", format_date(c.lang, c.opts.at)},
                      {"at", c.opts.at.iso()},
                      {"units", units},
                      {"on_track", b.on_track},
                      {"achieved", b.achieved},
                      {"attention", units.size()},
                      {"overdue", overdue},
                      {"conclusions", conclusions},
                      {"dossiers", dossiers},
                      {"upkeep", upkeep},
                      {"view_label", tr(c.lang, c.opts.verified_only ? "controls.view_verified"
                                                                     : "controls.view_all")}};
  return render_page(app, c, "briefing", v);
}

}  // namespace ntm
