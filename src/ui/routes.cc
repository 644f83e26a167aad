// The HTML routes, the embedded static files and the language switch.
#include <cstdio>
#include <cstdlib>

#include "reports/progress.h"
#include "service/auth.h"
#include "ui/page.h"
#include "ui/pages.h"

namespace ntm {

Response static_file(AppState&, const Request& r) {
  const std::string name = r.arg("file");
  if (name == "report.css") {  // the printed reports' stylesheet lives with them
    Response res{200, "text/css; charset=utf-8", report_css(), {}};
    res.headers.push_back({"Cache-Control", "public, max-age=3600"});
    return res;
  }
  const auto it = ui_files().find("static/" + name);
  if (it == ui_files().end()) return Response::html(404, "Không tìm thấy");
  auto ends = [&name](const std::string& ext) {
    return name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
  };
  const char* type = ends(".css")           ? "text/css; charset=utf-8"
                     : ends(".webmanifest") ? "application/manifest+json"
                     : ends(".svg")         ? "image/svg+xml"
                     : ends(".csv")         ? "text/csv; charset=utf-8"
                                            : "application/javascript; charset=utf-8";
  Response res{200, type, std::string(it->second), {}};
  res.headers.push_back({"Cache-Control", "public, max-age=3600"});
  return res;
}

// The offline entry's service worker, from the site's root so that it
// controls /entry; its version is a hash of the embedded files (and of
// NTM_RELEASE, a deployment's label, when set), so a new release replaces it
// and its caches (sw.js removes the old ones).
Response service_worker(AppState&, const Request&) {
  static const std::string body = [] {
    uint64_t h = 1469598103934665603ull;  // FNV-1a over every embedded file
    const char* release = std::getenv("NTM_RELEASE");
    for (const auto& [name, text] : ui_files())
      for (const char ch : std::string(name) + std::string(text) + (release ? release : ""))
        h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
    std::string js(ui_files().at("static/sw.js"));
    const size_t at = js.find("__VERSION__");
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    if (at != std::string::npos) js.replace(at, 11, hex);
    return js;
  }();
  Response res{200, "application/javascript; charset=utf-8", body, {}};
  res.headers.push_back({"Cache-Control", "no-cache"});
  return res;
}

Response switch_language(AppState&, const Request& r) {
  const std::string lang = r.arg("lang") == "en" ? "en" : "vi";
  const std::string next = local_path(r.arg("next", "/"));
  Response res = Response::redirect(next);
  res.headers.push_back(
      {"Set-Cookie", "lang=" + lang + "; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly"});
  return res;
}

void register_ui(Router& router, AppState& app) {
  auto bind = [&app](Response (*h)(AppState&, const Request&)) { return bind_handler(app, h); };
  router.add("GET", "/", bind(home_page));
  router.add("GET", "/dashboard/:code", bind(dashboard_page));
  router.add("GET", "/dashboard/:code/communes.csv", bind(dashboard_csv));
  router.add("GET", "/toan-quoc.csv", bind(national_csv));
  router.add("GET", "/commune/:code", bind(commune_page));
  router.add("POST", "/commune/:code/shares", Access::kAdmin, bind(commune_shares_submit));
  router.add("POST", "/commune/:code/acknowledgement", Access::kOffice, bind(acknowledge_submit));
  router.add("GET", "/criterion/:set/:criterion", bind(criterion_page));
  router.add("GET", "/search", bind(search_page));
  router.add("GET", "/static/:file", bind(static_file));
  router.add("GET", "/sw.js", bind(service_worker));
  router.add("GET", "/lang/:lang", bind(switch_language));
  router.add("GET", "/login", bind(login_page));
  router.add("POST", "/login", bind(login_submit));
  router.add("POST", "/logout", Access::kSignedIn, bind(logout_submit));
  router.add("GET", "/account", Access::kSignedIn, bind(account_page));
  router.add("POST", "/account/password", Access::kSignedIn, bind(password_submit));
  router.add("GET", "/entry", Access::kCommune, bind(entry_page));
  router.add("POST", "/entry", Access::kCommune, bind(entry_submit));
  router.add("GET", "/entry/check", Access::kCommune, bind(entry_check_page));
  router.add("POST", "/entry/confirm", Access::kCommune, bind(entry_confirm));
  router.add("GET", "/entry/template.xlsx", Access::kCommune, bind(entry_template_download));
  router.add("POST", "/entry/upload", Access::kCommune, bind(entry_upload));
  router.add("GET", "/entry/bulk", Access::kAdmin, bind(bulk_template_download));
  router.add("POST", "/entry/bulk", Access::kAdmin, bind(bulk_upload));
  router.add("POST", "/entry/bulk/apply", Access::kAdmin, bind(bulk_apply));
  router.add("GET", "/verify", Access::kDepartment, bind(verify_page));
  router.add("POST", "/verify", Access::kDepartment, bind(verify_submit));
  router.add("GET", "/audit", Access::kOffice, bind(audit_page));
  router.add("GET", "/evidence/:id", Access::kSignedIn, bind(evidence_file));
  router.add("GET", "/departments", Access::kSignedIn, bind(departments_page));
  router.add("POST", "/departments", Access::kAdmin, bind(departments_submit));
  router.add("GET", "/users", Access::kOffice, bind(users_page));
  router.add("POST", "/users", Access::kAdmin, bind(users_add));
  router.add("POST", "/users/disable", Access::kAdmin, bind(users_disable));
  router.add("POST", "/users/reset", Access::kAdmin, bind(users_reset));
  router.add("GET", "/work", Access::kSignedIn, bind(work_list_page));
  router.add("POST", "/work", Access::kAdmin, bind(work_create));
  router.add("GET", "/work/:id", Access::kSignedIn, bind(work_item_page));
  router.add("POST", "/work/:id", Access::kSignedIn, bind(work_update));
  router.add("POST", "/work/:id/files", Access::kSignedIn, bind(work_file_upload));
  router.add("GET", "/work-files/:id", Access::kSignedIn, bind(work_file));
  router.add("GET", "/sponsors", Access::kSignedIn, bind(sponsors_page));
  router.add("POST", "/sponsors", Access::kAdmin, bind(sponsors_add));
  router.add("POST", "/sponsors/delivery", Access::kSignedIn, bind(delivery_submit));
  router.add("POST", "/sponsors/review", Access::kSignedIn, bind(review_submit));
  router.add("GET", "/sponsors/:code", Access::kSignedIn, bind(sponsor_page));
  router.add("GET", "/meetings", Access::kSignedIn, bind(meetings_page));
  router.add("POST", "/meetings", Access::kAdmin, bind(meeting_create));
  router.add("GET", "/meetings/:id", Access::kSignedIn, bind(meeting_page));
  router.add("POST", "/meetings/:id/conclusions", Access::kAdmin, bind(conclusion_create));
  router.add("POST", "/conclusions/:id/report", Access::kSignedIn, bind(conclusion_report));
  router.add("GET", "/briefing", Access::kSignedIn, bind(briefing_page));
  router.add("GET", "/responsibilities", Access::kSignedIn, bind(responsibilities_page));
  router.add("POST", "/plans/import", Access::kAdmin, bind(plans_import));
  router.add("GET", "/reports/:kind/:code", Access::kSignedIn, bind(report_page));
  router.add("GET", "/notifications", Access::kSignedIn, bind(notifications_page));
  router.add("GET", "/plan/:code", Access::kAdmin, bind(plan_page));
  router.add("POST", "/plan/:code", Access::kAdmin, bind(plan_submit));
  router.add("GET", "/commune-groups", Access::kSignedIn, bind(commune_groups_page));
  router.add("GET", "/commune-groups.csv", Access::kSignedIn, bind(commune_groups_csv));
  router.add("POST", "/commune-groups", Access::kAdmin, bind(commune_group_assign));
  router.add("POST", "/commune-groups/import", Access::kAdmin, bind(commune_groups_import));
  router.add("GET", "/criteria-sets", Access::kSignedIn, bind(criteria_sets_page));
  router.add("GET", "/criteria-sets/diff", Access::kSignedIn, bind(criteria_diff_page));
  router.add("POST", "/criteria-sets/drafts", Access::kOffice, bind(criteria_draft_create));
  router.add("GET", "/criteria-sets/drafts/:id", Access::kOffice, bind(criteria_draft_page));
  router.add("POST", "/criteria-sets/drafts/:id/details", Access::kOffice,
             bind(criteria_draft_details));
  router.add("POST", "/criteria-sets/drafts/:id/indicator", Access::kOffice,
             bind(criteria_draft_indicator));
  router.add("POST", "/criteria-sets/drafts/:id/remove", Access::kOffice,
             bind(criteria_draft_remove));
  router.add("POST", "/criteria-sets/drafts/:id/criterion", Access::kOffice,
             bind(criteria_draft_criterion));
  router.add("POST", "/criteria-sets/drafts/:id/measure", Access::kOffice,
             bind(criteria_draft_measure));
  router.add("POST", "/criteria-sets/drafts/:id/publish", Access::kOffice,
             bind(criteria_draft_publish));
  router.add("POST", "/criteria-sets/drafts/:id/discard", Access::kOffice,
             bind(criteria_draft_discard));
  router.add("GET", "/bai-viet/:slug", bind(article_page));
  router.add("GET", "/chuyen-muc/:category", bind(category_page));
  router.add("GET", "/chuyen-muc/:category/atom.xml", bind(atom_feed));
  router.add("GET", "/tep-bai-viet/:id", bind(article_file));
  router.add("GET", "/tien-do", bind(public_progress_page));
  // A province's portal: its office's articles and its figures.
  router.add("GET", "/tinh/:province", bind(home_page));
  router.add("GET", "/tinh/:province/chuyen-muc/:category", bind(category_page));
  router.add("GET", "/tinh/:province/chuyen-muc/:category/atom.xml", bind(atom_feed));
  router.add("GET", "/tinh/:province/tien-do", bind(public_progress_page));
  router.add("GET", "/tinh/:province/search", bind(search_page));
  router.add("GET", "/cong-nhan", bind(recognitions_public));
  router.add("GET", "/cong-nhan.xlsx", bind(recognitions_xlsx));
  router.add("GET", "/cong-nhan/du-thao/:id", bind(draft_public));
  router.add("POST", "/cong-nhan/du-thao/:id", bind(draft_public));
  router.add("GET", "/dossiers", Access::kSignedIn, bind(dossiers_page));
  router.add("POST", "/dossiers", Access::kSignedIn, bind(dossier_open));
  router.add("POST", "/dossiers/revocations", Access::kOffice, bind(revocation_open));
  router.add("GET", "/dossiers/:id", Access::kSignedIn, bind(dossier_page));
  router.add("GET", "/dossiers/:id/files/:file", Access::kSignedIn, bind(dossier_file));
  router.add("GET", "/dossiers/:id/report", Access::kSignedIn, bind(dossier_report_page));
  router.add("GET", "/dossiers/:id/report.xlsx", Access::kSignedIn, bind(dossier_report_page));
  router.add("GET", "/dossiers/:id/comments-summary", Access::kSignedIn,
             bind(dossier_comments_summary));
  router.add("GET", "/dossiers/:id/export.zip", Access::kSignedIn, bind(dossier_export));
  router.add("POST", "/dossiers/:id/postings", Access::kSignedIn, bind(dossier_posting));
  router.add("POST", "/dossiers/:id/survey", Access::kSignedIn, bind(dossier_survey));
  router.add("POST", "/dossiers/:id/declarations", Access::kSignedIn, bind(dossier_declaration));
  router.add("POST", "/dossiers/:id/files", Access::kSignedIn, bind(dossier_upload));
  router.add("POST", "/dossiers/:id/submit", Access::kSignedIn, bind(dossier_submit));
  router.add("POST", "/dossiers/:id/appraisal", Access::kSignedIn, bind(dossier_appraisal));
  router.add("POST", "/dossiers/:id/vote", Access::kOffice, bind(dossier_vote));
  router.add("POST", "/dossiers/:id/decision", Access::kOffice, bind(dossier_decision));
  router.add("POST", "/dossiers/:id/return", Access::kOffice, bind(dossier_return));
  router.add("POST", "/dossiers/:id/close", Access::kOffice, bind(dossier_close));
  router.add("POST", "/dossiers/:id/comments", Access::kSignedIn, bind(dossier_moderate));
  router.add("GET", "/sitemap.xml", bind(sitemap));
  router.add("GET", "/robots.txt", bind(robots));
  router.add("GET", "/articles", Access::kSignedIn, bind(articles_page));
  router.add("POST", "/articles", Access::kSignedIn, bind(article_create));
  router.add("GET", "/articles/:id", Access::kSignedIn, bind(article_edit_page));
  router.add("POST", "/articles/:id", Access::kSignedIn, bind(article_save));
  router.add("POST", "/articles/:id/files", Access::kSignedIn, bind(article_files_upload));
  router.add("POST", "/articles/:id/review", Access::kSignedIn, bind(article_review));
  router.add("POST", "/articles/:id/publish", Access::kOffice, bind(article_publish));
  router.add("POST", "/articles/:id/unpublish", Access::kOffice, bind(article_unpublish));
  router.add("POST", "/progress/publish", Access::kAdmin, bind(progress_publish));
  router.add("POST", "/progress/live", Access::kAdmin, bind(progress_live));
  bind_app(router, app);
  router.set_authenticator([&app](const Request& r) -> std::optional<std::pair<User, Session>> {
    auto found = session_user(app.store(), r.cookie("ntm_session"));
    return found.is_ok() ? *found : std::nullopt;
  });
  router.set_not_found_page([&app](const Request& r) {
    return error_page(app, page_context(r), Status::not_found(r.path));
  });
}

}  // namespace ntm
