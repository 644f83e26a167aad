// The HTML pages: one handler per route, each in its own file.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "http/app_state.h"
#include "http/http.h"

namespace ntm {

void register_ui(Router& router, AppState& app);

struct PageContext;
// Sends a stored upload (PDF, JPEG, PNG): by default as a download that is
// never cached; `published` (a public article's file) shows it inline and
// lets it be cached for an hour.
Response private_file(AppState& app, const PageContext& c, const std::string& path,
                      const std::string& content_type, const std::string& download_name,
                      bool published = false);

Response home_page(AppState& app, const Request& r);       // GET /
Response dashboard_page(AppState& app, const Request& r);  // GET /dashboard/:code
Response dashboard_csv(AppState& app, const Request& r);
Response national_csv(AppState& app, const Request& r);  // GET /toan-quoc.csv
// The country on the home page: figures, map, table, charts (nullopt with one province).
Result<std::optional<nlohmann::json>> national_block(
    AppState& app, const PageContext& c);                // GET /dashboard/:code/communes.csv
Response commune_page(AppState& app, const Request& r);  // GET /commune/:code
Response commune_shares_submit(AppState& app, const Request& r);  // POST /commune/:code/shares
Response criterion_page(AppState& app, const Request& r);         // GET /criterion/:set/:criterion
Response search_page(AppState& app, const Request& r);            // GET /search
Response static_file(AppState& app, const Request& r);            // GET /static/:file
Response switch_language(AppState& app, const Request& r);        // GET /lang/:lang
Response login_page(AppState& app, const Request& r);             // GET /login
Response login_submit(AppState& app, const Request& r);           // POST /login
Response logout_submit(AppState& app, const Request& r);          // POST /logout
Response account_page(AppState& app, const Request& r);           // GET /account
Response password_submit(AppState& app, const Request& r);        // POST /account/password
Response entry_page(AppState& app, const Request& r);             // GET /entry
Response entry_submit(AppState& app, const Request& r);           // POST /entry
Response entry_check_page(AppState& app, const Request& r);       // GET /entry/check
Response entry_confirm(AppState& app, const Request& r);          // POST /entry/confirm
Response entry_template_download(AppState& app, const Request& r);  // GET /entry/template.xlsx
Response entry_upload(AppState& app, const Request& r);             // POST /entry/upload
Response bulk_template_download(AppState& app, const Request& r);   // GET /entry/bulk
Response bulk_upload(AppState& app, const Request& r);              // POST /entry/bulk
Response bulk_apply(AppState& app, const Request& r);               // POST /entry/bulk/apply
Response verify_page(AppState& app, const Request& r);              // GET /verify
Response verify_submit(AppState& app, const Request& r);            // POST /verify
Response audit_page(AppState& app, const Request& r);               // GET /audit
Response evidence_file(AppState& app, const Request& r);            // GET /evidence/:id
Response departments_page(AppState& app, const Request& r);         // GET /departments
Response departments_submit(AppState& app, const Request& r);       // POST /departments
Response users_page(AppState& app, const Request& r);               // GET /users
Response users_add(AppState& app, const Request& r);                // POST /users
Response users_disable(AppState& app, const Request& r);            // POST /users/disable
Response users_reset(AppState& app, const Request& r);              // POST /users/reset
Response work_list_page(AppState& app, const Request& r);           // GET /work
Response work_create(AppState& app, const Request& r);              // POST /work
Response work_item_page(AppState& app, const Request& r);           // GET /work/:id
Response work_update(AppState& app, const Request& r);              // POST /work/:id
Response work_file_upload(AppState& app, const Request& r);         // POST /work/:id/files
Response work_file(AppState& app, const Request& r);                // GET /work-files/:id
Response sponsors_page(AppState& app, const Request& r);            // GET /sponsors
Response sponsors_add(AppState& app, const Request& r);             // POST /sponsors
Response sponsor_page(AppState& app, const Request& r);             // GET /sponsors/:code
Response delivery_submit(AppState& app, const Request& r);          // POST /sponsors/delivery
Response review_submit(AppState& app, const Request& r);            // POST /sponsors/review
Response meetings_page(AppState& app, const Request& r);            // GET /meetings
Response meeting_create(AppState& app, const Request& r);           // POST /meetings
Response meeting_page(AppState& app, const Request& r);             // GET /meetings/:id
Response conclusion_create(AppState& app, const Request& r);      // POST /meetings/:id/conclusions
Response conclusion_report(AppState& app, const Request& r);      // POST /conclusions/:id/report
Response briefing_page(AppState& app, const Request& r);          // GET /briefing
Response responsibilities_page(AppState& app, const Request& r);  // GET /responsibilities
Response plans_import(AppState& app, const Request& r);           // POST /plans/import
Response report_page(AppState& app, const Request& r);            // GET /reports/:kind/:code
Response progress_report(AppState& app, const Request& r);        // (report_page, kind progress)
Response notifications_page(AppState& app, const Request& r);     // GET /notifications
// Commune groups (commune_groups_page.cc).
Response commune_groups_page(AppState& app, const Request& r);    // GET /commune-groups
Response commune_groups_csv(AppState& app, const Request& r);     // GET /commune-groups.csv
Response commune_group_assign(AppState& app, const Request& r);   // POST /commune-groups
Response commune_groups_import(AppState& app, const Request& r);  // POST /commune-groups/import
// Criteria-set editor (criteria_pages.cc).
Response criteria_sets_page(AppState& app, const Request& r);        // GET /criteria-sets
Response criteria_diff_page(AppState& app, const Request& r);        // GET /criteria-sets/diff
Response criteria_draft_create(AppState& app, const Request& r);     // POST /criteria-sets/drafts
Response criteria_draft_page(AppState& app, const Request& r);       // GET …/drafts/:id
Response criteria_draft_details(AppState& app, const Request& r);    // POST …/:id/details
Response criteria_draft_indicator(AppState& app, const Request& r);  // POST …/:id/indicator
Response criteria_draft_remove(AppState& app, const Request& r);     // POST …/:id/remove
Response criteria_draft_criterion(AppState& app, const Request& r);  // POST …/:id/criterion
Response criteria_draft_measure(AppState& app, const Request& r);    // POST …/:id/measure
Response criteria_draft_publish(AppState& app, const Request& r);    // POST …/:id/publish
Response criteria_draft_discard(AppState& app, const Request& r);    // POST …/:id/discard
Response plan_page(AppState& app, const Request& r);                 // GET /plan/:code
Response plan_submit(AppState& app, const Request& r);               // POST /plan/:code
// The portal (public)
Response article_page(AppState& app, const Request& r);   // GET /bai-viet/:slug
Response category_page(AppState& app, const Request& r);  // GET /chuyen-muc/:category
Response atom_feed(AppState& app, const Request& r);      // GET /chuyen-muc/:category/atom.xml
Response article_file(AppState& app, const Request& r);   // GET /tep-bai-viet/:id
Response public_progress_page(AppState& app, const Request& r);  // GET /tien-do
Response sitemap(AppState& app, const Request& r);               // GET /sitemap.xml
Response robots(AppState& app, const Request& r);                // GET /robots.txt
// The portal (editors and the office)
Response articles_page(AppState& app, const Request& r);         // GET /articles
Response article_create(AppState& app, const Request& r);        // POST /articles
Response article_edit_page(AppState& app, const Request& r);     // GET /articles/:id
Response article_save(AppState& app, const Request& r);          // POST /articles/:id
Response article_files_upload(AppState& app, const Request& r);  // POST /articles/:id/files
Response article_review(AppState& app, const Request& r);        // POST /articles/:id/review
Response article_publish(AppState& app, const Request& r);       // POST /articles/:id/publish
Response article_unpublish(AppState& app, const Request& r);     // POST /articles/:id/unpublish
Response progress_publish(AppState& app, const Request& r);      // POST /progress/publish
Response progress_live(AppState& app, const Request& r);         // POST /progress/live

// Recognition dossiers (dossier_pages.cc).
Response dossiers_page(AppState& app, const Request& r);    // GET /dossiers
Response dossier_open(AppState& app, const Request& r);     // POST /dossiers
Response revocation_open(AppState& app, const Request& r);  // POST /dossiers/revocations
Response dossier_page(AppState& app, const Request& r);     // GET /dossiers/:id
Response dossier_posting(AppState& app, const Request& r);  // POST /dossiers/:id/postings
Response dossier_survey(AppState& app, const Request& r);   // POST /dossiers/:id/survey
Response dossier_declaration(AppState& app, const Request& r);
Response dossier_upload(AppState& app, const Request& r);
Response dossier_submit(AppState& app, const Request& r);
Response dossier_appraisal(AppState& app, const Request& r);
Response dossier_vote(AppState& app, const Request& r);
Response dossier_decision(AppState& app, const Request& r);
Response dossier_return(AppState& app, const Request& r);
Response dossier_close(AppState& app, const Request& r);
Response dossier_moderate(AppState& app, const Request& r);
Response dossier_file(AppState& app, const Request& r);         // GET /dossiers/:id/files/:file
Response dossier_report_page(AppState& app, const Request& r);  // GET /dossiers/:id/report[.xlsx]
Response dossier_comments_summary(AppState& app, const Request& r);
Response dossier_export(AppState& app, const Request& r);  // GET /dossiers/:id/export.zip
// Recognition on the portal and the commune page (recognition_pages.cc).
Response recognitions_public(AppState& app, const Request& r);  // GET /cong-nhan
Response recognitions_xlsx(AppState& app, const Request& r);    // GET /cong-nhan.xlsx
Response draft_public(AppState& app, const Request& r);         // GET|POST /cong-nhan/du-thao/:id
Response acknowledge_submit(AppState& app,
                            const Request& r);  // POST /commune/:code/acknowledgement

}  // namespace ntm
