// The editorial side of the portal (signed in): GET/POST /articles — my
// articles (the office: all) and a new draft; GET/POST /articles/:id — edit
// with a preview; POST /articles/:id/files — cover or attachment;
// POST /articles/:id/review, /publish, /unpublish — the workflow.
#include "base/markdown.h"
#include "base/strings.h"
#include "service/articles.h"
#include "service/scope.h"
#include "ui/pages.h"
#include "ui/portal_view.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

// The values of templates/article_fields.html for `a`.
nlohmann::json fields_view(AppState& app, const PageContext& c, const Article& a) {
  nlohmann::json v = {{"f_title", a.title},
                      {"f_summary", a.summary},
                      {"f_body", a.body},
                      {"f_tags", a.tags},
                      {"f_units", a.unit_codes}};
  nlohmann::json cats = nlohmann::json::array();
  for (const char* cat : kArticleCategories)
    cats.push_back(
        {{"value", cat}, {"label", category_label(c.lang, cat)}, {"selected", a.category == cat}});
  v["f_categories"] = cats;
  nlohmann::json meetings = nlohmann::json::array();
  if (auto ms = app.store().meetings(); ms.is_ok()) {
    for (const Meeting& m : *ms)
      if (c.principal && reads_province(c.principal->first, m.province_id))
        meetings.push_back({{"value", std::to_string(m.id)},
                            {"label", format_date(c.lang, m.date) + " — " + m.title},
                            {"selected", m.id == a.meeting_id}});
  }
  v["f_meetings"] = meetings;
  return v;
}

// The article as the form sent it (status, author and slug are not fields).
Article from_form(const Request& r) {
  Article a;
  a.title = r.field("title");
  a.summary = r.field("summary");
  a.body = r.field("body");
  a.category = r.field("category");
  a.tags = r.field("tags");
  a.unit_codes = r.field("units");
  const auto meeting = parse_id(r.field("meeting"));
  a.meeting_id = meeting ? *meeting : 0;
  return a;
}

std::string status_label(Lang lang, const Article& a, const std::string& now) {
  if (a.status == ArticleStatus::kPublished && !a.visible(now))
    return tr(lang, "portal.status_scheduled");
  return tr(lang, std::string("portal.status_") + article_status_name(a.status));
}

Result<Article> readable(AppState& app, const Request& r) {
  const auto id = parse_id(r.arg("id"));
  const Status hidden = Status::not_found("không có bài viết " + r.arg("id"));
  if (!id) return hidden;
  auto a = TRY(app.store().article(*id));
  if (!a || !may_manage_article(r.principal->first, *a)) return hidden;
  return *a;
}

Response list_page(AppState& app, const PageContext& c, const Article& draft,
                   const std::string& error) {
  const User& user = c.principal->first;
  const bool office = user.role == Role::kAdmin || user.role == Role::kCentral;
  auto list = app.store().articles(office ? "" : user.username, 200);
  if (!list.is_ok()) return error_page(app, c, list.status());
  const std::string now = utc_timestamp_now();
  nlohmann::json rows = nlohmann::json::array();
  for (const Article& a : *list) {
    if (!may_manage_article(user, a)) continue;  // another province's, or the central office's
    rows.push_back({{"title", a.title},
                    {"edit_href", "/articles/" + std::to_string(a.id)},
                    {"category", category_label(c.lang, a.category)},
                    {"status", status_label(c.lang, a, now)},
                    {"status_code", article_status_name(a.status)},
                    {"when", a.publish_at.empty() ? "" : format_timestamp(c.lang, a.publish_at)},
                    {"author", a.author},
                    {"updated", format_timestamp(c.lang, a.updated_at)}});
  }
  nlohmann::json v;
  v["page_title"] = tr(c.lang, "portal.editor_title");
  v["list_title"] = tr(c.lang, office ? "portal.editor_all" : "portal.editor_mine");
  v["articles"] = rows;
  v["error"] = error;
  v.update(fields_view(app, c, draft));
  return render_page(app, c, "articles", v, error.empty() ? 200 : 400);
}

Response edit_page(AppState& app, const PageContext& c, const Article& stored, const Article& shown,
                   const std::string& error, bool saved) {
  const User& user = c.principal->first;
  const std::string now = utc_timestamp_now();
  const std::string base = "/articles/" + std::to_string(stored.id);
  nlohmann::json v;
  v["page_title"] = stored.title;
  v["title"] = stored.title;
  v["status"] = status_label(c.lang, stored, now);
  v["status_code"] = article_status_name(stored.status);
  v["when"] = stored.publish_at.empty() ? "" : format_timestamp(c.lang, stored.publish_at);
  v["author"] = stored.author;
  v["is_visible"] = stored.visible(now);
  v["public_href"] = "/bai-viet/" + stored.slug;
  v["error"] = error;
  v["saved"] = saved;
  v["action"] = base;
  v["files_action"] = base + "/files";
  v["review_action"] = base + "/review";
  v["publish_action"] = base + "/publish";
  v["unpublish_action"] = base + "/unpublish";
  v["can_edit"] = may_edit_article(user, stored);
  v["can_review"] = stored.status == ArticleStatus::kDraft;
  v["can_publish"] = user.role == Role::kAdmin && stored.status != ArticleStatus::kPublished;
  v["can_unpublish"] = user.role == Role::kAdmin && stored.status == ArticleStatus::kPublished;
  v.update(fields_view(app, c, shown));
  v["body_html"] = markdown_to_html(shown.body);
  nlohmann::json files = nlohmann::json::array();
  if (auto fs = app.store().article_files(stored.id); fs.is_ok()) {
    for (const ArticleFile& f : *fs)
      files.push_back(
          {{"href", "/tep-bai-viet/" + std::to_string(f.id)},
           {"name", f.original_name},
           {"kind", tr(c.lang, f.kind == "cover" ? "portal.f_cover" : "portal.f_attachment")},
           {"type", f.content_type},
           {"size", std::to_string((f.size + 1023) / 1024) + " KB"}});
  }
  v["files"] = files;
  return render_page(app, c, "article_edit", v, error.empty() ? 200 : 400);
}

// Runs a workflow step and comes back to the article with its outcome.
Response step(AppState& app, const Request& r, Status (*action)(Store&, const User&, int64_t)) {
  const PageContext c = page_context(r);
  auto a = readable(app, r);
  if (!a.is_ok()) return error_page(app, c, a.status());
  const Status s = action(app.store(), r.principal->first, a->id);
  if (s.code() == ErrorCode::kInvalidArgument) return edit_page(app, c, *a, *a, s.message(), false);
  if (!s.is_ok()) return error_page(app, c, s);
  return Response::redirect("/articles/" + std::to_string(a->id) + "?saved=1");
}

}  // namespace

Response articles_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  Article draft;
  draft.category = kArticleCategories[0];
  return list_page(app, c, draft, "");
}

Response article_create(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const Article form = from_form(r);
  auto a = create_article(app.store(), r.principal->first, form);
  if (a.status().code() == ErrorCode::kInvalidArgument)
    return list_page(app, c, form, a.status().message());
  if (!a.is_ok()) return error_page(app, c, a.status());
  return Response::redirect("/articles/" + std::to_string(a->id) + "?saved=1");
}

Response article_edit_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto a = readable(app, r);
  if (!a.is_ok()) return error_page(app, c, a.status());
  return edit_page(app, c, *a, *a, shown_error(r), r.arg("saved") == "1");
}

Response article_save(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto a = readable(app, r);
  if (!a.is_ok()) return error_page(app, c, a.status());
  Article edited = from_form(r);
  edited.id = a->id;
  const Status s = edit_article(app.store(), r.principal->first, edited);
  if (s.code() == ErrorCode::kInvalidArgument)
    return edit_page(app, c, *a, edited, s.message(), false);
  if (!s.is_ok()) return error_page(app, c, s);
  return Response::redirect("/articles/" + std::to_string(a->id) + "?saved=1");
}

Response article_files_upload(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto a = readable(app, r);
  if (!a.is_ok()) return error_page(app, c, a.status());
  const std::string back = "/articles/" + std::to_string(a->id);
  const auto file = r.files.find("file");
  if (file == r.files.end() || file->second.data.empty())
    return Response::redirect(back + "?" + error_query(r, "Chọn tệp cần tải lên"));
  auto added = add_article_file(app.store(), app.evidence_dir, r.principal->first, a->id,
                                r.field("kind").empty() ? "attachment" : r.field("kind"),
                                file->second.filename, file->second.data);
  if (added.status().code() == ErrorCode::kInvalidArgument)
    return Response::redirect(back + "?" + error_query(r, added.status().message()));
  if (!added.is_ok()) return error_page(app, c, added.status());
  return Response::redirect(back + "?saved=1");
}

Response article_review(AppState& app, const Request& r) { return step(app, r, send_for_review); }

Response article_publish(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto a = readable(app, r);
  if (!a.is_ok()) return error_page(app, c, a.status());
  std::string at;
  if (!r.field("publish_at").empty()) {
    auto utc = vn_local_to_utc(r.field("publish_at"));
    if (!utc.is_ok())
      return edit_page(app, c, *a, *a, "Hẹn giờ đăng: " + utc.status().message(), false);
    at = *utc;
  }
  const Status s = publish_article(app.store(), r.principal->first, a->id, at);
  if (s.code() == ErrorCode::kInvalidArgument) return edit_page(app, c, *a, *a, s.message(), false);
  if (!s.is_ok()) return error_page(app, c, s);
  return Response::redirect("/articles/" + std::to_string(a->id) + "?saved=1");
}

Response article_unpublish(AppState& app, const Request& r) {
  return step(app, r, unpublish_article);
}

}  // namespace ntm
