// GET /plan/:code, POST /plan/:code — the office edits a unit's plan
// framework: target title and year, a target year per criterion of the set
// in force, milestones ("by this date, this many criteria").
#include "base/strings.h"
#include "service/plans.h"
#include "service/scope.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

// Milestones typed one per line: "yyyy-mm-dd N [note]".
Result<std::vector<Milestone>> parse_milestones(const std::string& text) {
  std::vector<Milestone> out;
  int line = 0;
  for (const std::string& raw : split(text, '\n')) {
    ++line;
    const std::string l(trim(raw));
    if (l.empty()) continue;
    const auto parts = split(l, ' ');
    auto date = Date::parse(parts[0]);
    const auto n = parts.size() > 1 ? parse_int(parts[1], 0, 1000) : std::nullopt;
    if (!date.is_ok() || !n) {
      return Status::invalid("mốc dòng " + std::to_string(line) +
                             ": cần \"yyyy-mm-dd số_tiêu_chí [ghi chú]\"");
    }
    const size_t note_at = l.find(' ', l.find(' ') + 1);
    out.push_back({*date, static_cast<int>(*n),
                   note_at == std::string::npos ? "" : std::string(trim(l.substr(note_at)))});
  }
  std::sort(out.begin(), out.end(),
            [](const Milestone& a, const Milestone& b) { return a.date < b.date; });
  return out;
}

struct Target {
  UnitVersion unit;
  const CriteriaSet* set = nullptr;
};

Result<Target> target(AppState& app, const PageContext& c, const std::string& code) {
  const auto unit = TRY(app.store().unit_at(code, c.opts.at));
  if (!unit) return Status::not_found("không có đơn vị mã \"" + code + "\"");
  TRY(require_office_for_unit(app.store(), c.principal->first, unit->unit_id, "lập kế hoạch"));
  const Catalog* catalog = TRY(app.catalog());
  const CriteriaSet* set =
      catalog->in_force(TRY(default_series(app.store())), c.opts.at, unit->level,
                        TRY(app.store().province_of(unit->unit_id)));
  return Target{*unit, set};
}

}  // namespace

Response plan_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto t = target(app, c, r.arg("code"));
  if (!t.is_ok()) return error_page(app, c, t.status());
  auto existing = plan_for(app.store(), t->unit);
  if (!existing.is_ok()) return error_page(app, c, existing.status());
  const Plan p = existing->plan.value_or(Plan{t->unit.unit_id, "NTM", c.opts.at.year() + 1});
  nlohmann::json criteria = nlohmann::json::array();
  if (t->set) {
    for (const Criterion& cr : t->set->criteria) {
      std::string year;
      for (const PlanCriterion& pc : p.criteria)
        if (pc.set_id == t->set->id && pc.criterion == cr.code)
          year = std::to_string(pc.target_year);
      criteria.push_back({{"code", cr.code}, {"name", name_of(c.lang, cr)}, {"year", year}});
    }
  }
  std::string milestones;
  for (const Milestone& m : p.milestones)
    milestones += m.date.iso() + " " + std::to_string(m.criteria_met) +
                  (m.note.empty() ? "" : " " + m.note) + "\n";
  nlohmann::json v = {{"page_title", tr(c.lang, "plan.edit") + ": " + t->unit.name},
                      {"unit_name", t->unit.name},
                      {"code", t->unit.code},
                      {"back", unit_link(c, t->unit)},
                      {"title", p.title},
                      {"target_year", std::to_string(p.target_year)},
                      {"note", existing->inherited_from.empty() ? p.note : ""},
                      {"inherited", p.note.rfind("kế thừa", 0) == 0 ? p.note : ""},
                      {"set_name", t->set ? name_of(c.lang, *t->set) : ""},
                      {"criteria", criteria},
                      {"milestones", milestones},
                      {"at", c.opts.at.iso()},
                      {"error", shown_error(r)},
                      {"saved", !r.arg("saved").empty()}};
  return render_page(app, c, "plan", v);
}

Response plan_submit(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto t = target(app, c, r.arg("code"));
  if (!t.is_ok()) return error_page(app, c, t.status());
  const std::string back = "/plan/" + url_encode(t->unit.code) + "?at=" + c.opts.at.iso();
  auto fail = [&](const Status& s) {
    return Response::redirect(back + "&" + error_query(r, s.message()));
  };
  const auto year = parse_int(r.field("target_year"), 2010, 2100);
  if (!year)
    return fail(Status::invalid("năm mục tiêu: nhập một năm từ 2010 đến 2100, ví dụ 2027"));
  auto milestones = parse_milestones(r.field("milestones"));
  if (!milestones.is_ok()) return fail(milestones.status());
  Plan p{t->unit.unit_id,
         std::string(trim(r.field("title"))),
         static_cast<int>(*year),
         std::string(trim(r.field("note"))),
         {},
         *milestones,
         "",
         ""};
  if (t->set) {
    for (const Criterion& cr : t->set->criteria) {
      const std::string typed(trim(r.field("c." + cr.code)));
      if (typed.empty()) continue;
      const auto y = parse_int(typed, 2010, 2100);
      if (!y) return fail(Status::invalid("tiêu chí " + cr.code + ": nhập năm, ví dụ 2027"));
      p.criteria.push_back({t->set->id, cr.code, static_cast<int>(*y)});
    }
  }
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  const Status s =
      save_plan(app.store(), **catalog, p, r.principal->first.username, &r.principal->first);
  if (s.code() == ErrorCode::kInvalidArgument) return fail(s);
  if (!s.is_ok()) return error_page(app, c, s);
  return Response::redirect(back + "&saved=1");
}

}  // namespace ntm
