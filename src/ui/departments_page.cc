// GET /departments — which department is responsible for each criterion of a
// set (the set in force, or ?set=); POST /departments — the office changes one.
#include <algorithm>

#include "service/scope.h"
#include "service/workflow.h"
#include "ui/page.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

Result<const CriteriaSet*> chosen_set(AppState& app, const Request& r, const PageContext& c,
                                      const std::string& id) {
  const Catalog* catalog = TRY(app.catalog());
  if (!id.empty()) {
    if (const CriteriaSet* s = catalog->find(id)) return s;
    return Status::not_found("không có bộ tiêu chí \"" + id + "\"");
  }
  const CriteriaSet* s =
      catalog->in_force(TRY(default_series(app.store())), c.opts.at, Level::kCommune,
                        TRY(working_province(app, r, c.opts.at)).unit_id);
  if (!s) return Status::not_found("không có bộ tiêu chí có hiệu lực");
  return s;
}

}  // namespace

Response departments_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto set = chosen_set(app, r, c, r.arg("set"));
  if (!set.is_ok()) return error_page(app, c, set.status());
  auto home = working_province(app, r, c.opts.at);
  if (!home.is_ok()) return error_page(app, c, home.status());
  auto overrides = app.store().criterion_departments(home->unit_id, (*set)->id);
  auto names = app.store().departments(home->unit_id);
  if (!overrides.is_ok() || !names.is_ok())
    return error_page(app, c, Status::database("departments"));
  nlohmann::json rows = nlohmann::json::array();
  for (const Criterion& cr : (*set)->criteria) {
    const auto o = overrides->find(cr.code);
    const std::string dep = o != overrides->end() ? o->second : cr.department;
    std::string dep_name;
    for (const auto& [code, name] : *names)
      if (code == dep && name != code) dep_name = "(" + name + ")";
    rows.push_back(
        {{"code", cr.code},
         {"name", name_of(c.lang, cr)},
         {"department", dep},
         {"department_name", dep_name},
         {"set_id", (*set)->id},
         {"source", tr(c.lang, o != overrides->end() ? "dep.by_office" : "dep.by_set")}});
  }
  nlohmann::json v = {{"page_title", tr(c.lang, "dep.title")},
                      {"rows", rows},
                      {"set_name", name_of(c.lang, **set)},
                      {"illustrative", (*set)->illustrative},
                      {"province", home->name},
                      {"admin", office_of(r.principal->first, home->unit_id)},
                      {"done", r.arg("done") == "1"}};
  return render_page(app, c, "departments", v);
}

Response departments_submit(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const std::string dep = r.field("department");
  if (dep.empty() || dep.size() > 16 || !std::all_of(dep.begin(), dep.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_';
      })) {
    return error_page(app, c, Status::invalid("mã cơ quan gồm chữ và số, tối đa 16 ký tự"));
  }
  auto set = chosen_set(app, r, c, r.field("set"));
  if (!set.is_ok()) return error_page(app, c, set.status());
  const auto crit =
      std::find_if((*set)->criteria.begin(), (*set)->criteria.end(),
                   [&](const Criterion& x) { return x.code == r.field("criterion"); });
  if (crit == (*set)->criteria.end())
    return error_page(app, c, Status::not_found("không có tiêu chí này"));
  const Status s = assign_department(app.store(), r.principal->first, (*set)->id, *crit, dep,
                                     r.field("department_name"));
  if (!s.is_ok()) return error_page(app, c, s);
  return Response::redirect("/departments?set=" + url_encode((*set)->id) + "&done=1");
}

}  // namespace ntm
