// GET /responsibilities?unit=CODE&at= — the responsibility matrix: each
// criterion of the set in force and its department; each commune with its
// steering-committee members, its sponsor units and its plan status.
#include "base/xlsx.h"
#include "service/auth.h"
#include "service/coordination.h"
#include "service/scope.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {

Response responsibilities_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  Store& store = app.store();
  auto home = working_province(app, r, c.opts.at);
  const std::string scope = !r.arg("unit").empty() ? r.arg("unit") : home.is_ok() ? home->code : "";
  auto got = app.overview(scope, c.opts);
  if (!got.is_ok()) return error_page(app, c, got.status());
  const Overview& ov = **got;
  const int64_t province = province_or_zero(store, ov.unit.unit_id);
  if (!reads_province(r.principal->first, province))
    return error_page(app, c, Status::forbidden("địa bàn này không thuộc phạm vi của bạn"));
  nlohmann::json v =
      page_header(c, tr(c.lang, "resp.title") + ": " + ov.unit.name, ov.path, "/responsibilities");
  v["scope_code"] = ov.unit.code;
  nlohmann::json criteria = nlohmann::json::array();
  if (ov.set) {
    v["set_name"] = name_of(c.lang, *ov.set);
    auto overrides = store.criterion_departments(province, ov.set->id);
    if (!overrides.is_ok()) return error_page(app, c, overrides.status());
    const OwnerNames names(store, province);
    for (const Criterion& cr : ov.set->criteria) {
      const auto o = overrides->find(cr.code);
      const std::string dep = o != overrides->end() ? o->second : cr.department;
      criteria.push_back(
          {{"code", cr.code},
           {"name", name_of(c.lang, cr)},
           {"department", dep},
           {"department_name", dep.empty() ? "" : names(c.lang, "department:" + dep)}});
    }
  }
  v["criteria"] = criteria;
  // Steering members by assigned unit.
  auto users = store.users();
  if (!users.is_ok()) return error_page(app, c, users.status());
  auto plans = plan_rows(store, ov.units);
  if (!plans.is_ok()) return error_page(app, c, plans.status());
  nlohmann::json units = nlohmann::json::array();
  for (size_t i = 0; i < ov.units.size(); ++i) {
    const UnitVersion& u = ov.units[i].unit;
    nlohmann::json members = nlohmann::json::array(), sponsors = nlohmann::json::array();
    for (const User& m : *users) {
      if (m.role != Role::kSteering || m.disabled) continue;
      auto in = assigned_to(store, m, u.unit_id, c.opts.at);
      if (in.is_ok() && *in) members.push_back(m.username);
    }
    auto sp = sponsorship_views(store, nullptr, "", u.unit_id, c.opts.at);
    if (!sp.is_ok()) return error_page(app, c, sp.status());
    for (const SponsorshipView& s : *sp) {
      sponsors.push_back(
          {{"name", s.sponsor_name}, {"href", "/sponsors/" + url_encode(s.sponsorship.sponsor)}});
    }
    nlohmann::json row = plan_state_view(c.lang, (*plans)[i].status.state);
    row.update({{"name", u.name},
                {"href", unit_link(c, u)},
                {"members", members},
                {"sponsors", sponsors}});
    units.push_back(row);
  }
  v["units"] = units;
  v["is_admin"] = office_of(c.principal->first, province);
  v["imported"] = shown_message(r, "imported");
  v["error"] = shown_error(r);
  return render_page(app, c, "responsibilities", v);
}

Response plans_import(AppState& app, const Request& r) {
  auto back = [&r](const std::string& key, const std::string& text) {
    return Response::redirect("/responsibilities?" + message_query(r, key, text));
  };
  std::string name;
  const UploadedFile* f = uploaded_file(r, &name);
  if (!f) return back("error", "Chọn tệp CSV hoặc XLSX");
  auto text = table_text(f->data, name);
  if (!text.is_ok()) return back("error", text.status().message());
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, page_context(r), catalog.status());
  auto counts = import_plans(app.store(), **catalog, name, *text, r.principal->first.username,
                             &r.principal->first);
  if (!counts.is_ok()) return back("error", counts.status().message());
  return back("imported", name + ": " + std::to_string(counts->rows) + " dòng, " +
                              std::to_string(counts->written) + " kế hoạch");
}

}  // namespace ntm
