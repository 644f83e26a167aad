// GET/POST /login, POST /logout, GET /account, POST /account/password.
#include "service/auth.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

std::string session_cookie(const AppState& app, const std::string& token, long max_age) {
  return "ntm_session=" + token + "; Path=/; Max-Age=" + std::to_string(max_age) +
         "; HttpOnly; SameSite=Lax" + (app.secure_cookies ? "; Secure" : "");
}

// A login form posted from another site is refused (the cookie is SameSite,
// and there is no session yet to hold a CSRF token).
bool same_origin(const Request& r) {
  const std::string origin = r.header("origin");
  if (origin.empty() || origin == "null") return origin.empty();
  const size_t scheme = origin.find("://");
  return scheme != std::string::npos && origin.substr(scheme + 3) == r.header("host");
}

Response login_form(AppState& app, const PageContext& c, const std::string& username,
                    const std::string& next, const std::string& error, int status,
                    const std::string& info = "") {
  nlohmann::json v = {{"page_title", tr(c.lang, "auth.title")},
                      {"username", username},
                      {"next", next},
                      {"error", error},
                      {"info", info}};
  return render_page(app, c, "login", v, status);
}

}  // namespace

// Where each role starts its day when the login was not for a given page:
// the commune officer its entry, a department its queue, a sponsor its
// communes, the office and a steering member the province's dashboard.
std::string landing_page(AppState& app, const User& u) {
  switch (u.role) {
    case Role::kCommune:
      return "/entry";
    case Role::kDepartment:
      return "/verify";
    case Role::kSponsor:
      return u.sponsor.empty() ? "/sponsors" : "/sponsors/" + url_encode(u.sponsor);
    default:
      break;
  }
  const Date today = today_local();
  if (u.role == Role::kSteering && !u.units.empty()) {
    if (auto v = app.store().unit_version_at(u.units.front(), today); v.is_ok() && *v)
      return "/dashboard/" + url_encode((**v).code);
  }
  // An office: its province; the central office: the whole country.
  if (u.province_id) {
    if (auto v = app.store().unit_version_at(u.province_id, today); v.is_ok() && *v)
      return "/dashboard/" + url_encode((**v).code);
  }
  if (u.role == Role::kCentral) return "/";
  if (auto top = app.store().top_level_units(today); top.is_ok() && !top->empty())
    return "/dashboard/" + url_encode(top->front().code);
  return "/";
}

Response login_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const std::string info = r.arg("changed") == "1" ? tr(c.lang, "account.changed") : "";
  return login_form(app, c, "", local_path(r.arg("next", "/")), "", 200, info);
}

Response login_submit(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const std::string username = r.field("username"), next = local_path(r.field("next"));
  if (!same_origin(r)) return login_form(app, c, username, next, "Yêu cầu không hợp lệ", 403);
  auto in = login(app.store(), username, r.field("password"),
                  client_address(r, app.trusted_proxies), app.auth, r.cookie("ntm_device"));
  if (!in.is_ok()) {
    const int status = in.status().code() == ErrorCode::kConflict ? 429 : 400;
    return login_form(app, c, username, next, in.status().message(), status);
  }
  Response res = Response::redirect(next == "/" ? landing_page(app, in->user) : next);
  res.headers.push_back(
      {"Set-Cookie", session_cookie(app, in->token, 3600L * app.auth.session_hours)});
  // The device cookie outlives sessions: a year, this site only.
  res.headers.push_back(
      {"Set-Cookie", "ntm_device=" + in->device +
                         "; Path=/login; Max-Age=31536000; HttpOnly; SameSite=Strict" +
                         (app.secure_cookies ? "; Secure" : "")});
  return res;
}

Response logout_submit(AppState& app, const Request& r) {
  (void)logout(app.store(), r.cookie("ntm_session"));
  Response res = Response::redirect("/");
  res.headers.push_back({"Set-Cookie", session_cookie(app, "", 0)});
  return res;
}

Response account_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const User& u = r.principal->first;
  std::string scope = u.department;
  const int64_t unit = u.unit_id ? u.unit_id : (u.units.empty() ? 0 : u.units.front());
  if (unit) {
    if (auto v = app.store().unit_version_at(unit, today_local()); v.is_ok() && *v)
      scope = (**v).name;
  }
  nlohmann::json v = {
      {"page_title", tr(c.lang, "account.title")}, {"scope", scope}, {"error", shown_error(r)}};
  return render_page(app, c, "account", v);
}

Response password_submit(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const Status s = change_password(app.store(), r.principal->first, r.field("old_password"),
                                   r.field("new_password"));
  if (!s.is_ok()) {
    nlohmann::json v = {{"page_title", tr(c.lang, "account.title")}, {"error", s.message()}};
    return render_page(app, c, "account", v, 400);
  }
  Response res = Response::redirect("/login?changed=1");
  res.headers.push_back({"Set-Cookie", session_cookie(app, "", 0)});
  return res;
}

}  // namespace ntm
