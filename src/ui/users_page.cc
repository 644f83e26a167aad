// GET /users, POST /users, /users/disable, /users/reset — the office manages accounts.
#include "service/auth.h"
#include "service/scope.h"
#include "ui/page.h"
#include "ui/pages.h"

namespace ntm {

Response users_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto users = app.store().users();
  if (!users.is_ok()) return error_page(app, c, users.status());
  nlohmann::json rows = nlohmann::json::array();
  for (const User& u : *users) {
    if (!reads_province(r.principal->first, u.province_id)) continue;
    std::string scope = u.department;
    const int64_t unit = u.unit_id ? u.unit_id : (u.units.empty() ? 0 : u.units.front());
    if (unit) {
      if (auto v = app.store().unit_version_at(unit, today_local()); v.is_ok() && *v)
        scope = (**v).name;
    }
    // An office's account (and any, for the central office) names its province.
    if (u.province_id && (scope.empty() || is_central(r.principal->first))) {
      if (auto p = app.store().unit_version_at(u.province_id, today_local()); p.is_ok() && *p)
        scope = scope.empty() ? (**p).name : scope + " · " + (**p).name;
    }
    rows.push_back({{"username", u.username},
                    {"full_name", u.full_name},
                    {"role", tr(c.lang, std::string("role.") + role_name(u.role))},
                    {"scope", scope},
                    {"disabled", u.disabled},
                    {"state", tr(c.lang, u.disabled ? "users.disabled" : "users.active")}});
  }
  nlohmann::json v = {{"page_title", tr(c.lang, "users.title")},
                      {"users", rows},
                      {"done", r.arg("done")},
                      {"error", shown_error(r)}};
  return render_page(app, c, "users", v);
}

Response users_add(AppState& app, const Request& r) {
  auto u = add_user(app.store(),
                    {r.field("username"), r.field("role"), r.field("unit"), r.field("department"),
                     r.field("password"), "", r.field("full_name")},
                    r.principal->first.username, &r.principal->first);
  if (!u.is_ok()) return Response::redirect("/users?" + error_query(r, u.status().message()));
  return Response::redirect("/users?done=" + url_encode("Đã tạo tài khoản " + u->username));
}

Response users_disable(AppState& app, const Request& r) {
  const Status s = disable_user(app.store(), r.field("username"), r.principal->first.username,
                                &r.principal->first);
  if (!s.is_ok()) return Response::redirect("/users?" + error_query(r, s.message()));
  return Response::redirect("/users?done=" +
                            url_encode("Đã khóa tài khoản " + r.field("username")));
}

Response users_reset(AppState& app, const Request& r) {
  const Status s = reset_password(app.store(), r.principal->first.username, r.field("username"),
                                  r.field("password"), &r.principal->first);
  if (!s.is_ok()) return Response::redirect("/users?" + error_query(r, s.message()));
  return Response::redirect("/users?done=" +
                            url_encode("Đã đặt lại mật khẩu cho " + r.field("username")));
}

}  // namespace ntm
