// The public portal: GET / (latest per category and the headline figures),
// GET /bai-viet/:slug (an article with its newer and older items),
// GET /chuyen-muc/:category (a category, paginated), GET /tep-bai-viet/:id
// (an article's cover or attachment). Unpublished articles answer 404
// except to their author and the office.
#include "base/markdown.h"
#include "base/strings.h"
#include "service/evidence.h"
#include "ui/pages.h"
#include "ui/portal_view.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

constexpr int kPerPage = 10;

nlohmann::json cards(const PageContext& c, const std::vector<Article>& list,
                     const std::string& prefix = "") {
  nlohmann::json out = nlohmann::json::array();
  for (const Article& a : list) {
    out.push_back(article_card(c, a));
    out.back()["category_href"] = prefix + "/chuyen-muc/" + a.category;
  }
  return out;
}

std::string size_label(Lang lang, int64_t bytes) {
  return bytes >= 1024 * 1024 ? format_num(lang, bytes / 1048576.0) + " MB"
                              : format_num(lang, bytes / 1024.0, 0) + " KB";
}

}  // namespace

Response home_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const std::string now = utc_timestamp_now();
  auto portal = portal_of(app, r);
  if (!portal.is_ok()) return error_page(app, c, portal.status());
  nlohmann::json v;
  v["page_title"] = tr(c.lang, "portal.home_title");
  nlohmann::json sections = nlohmann::json::array();
  for (const char* cat : kArticleCategories) {
    auto items = app.store().published_articles(cat, now, 0, 4, portal->province);
    if (!items.is_ok()) return error_page(app, c, items.status());
    sections.push_back({{"code", cat},
                        {"label", category_label(c.lang, cat)},
                        {"href", portal->prefix + "/chuyen-muc/" + cat},
                        {"items", cards(c, *items, portal->prefix)}});
  }
  v["sections"] = sections;
  set_portal(v, *portal);
  if (auto p = current_public_progress(app, portal->code); p.is_ok()) {
    v["progress"] = progress_headline(c, *p);
    v["progress"]["progress_href"] = portal->prefix + "/tien-do";
  }
  // The whole country at the date asked, when there is more than one province
  // (on the national portal, not a province's).
  auto national = portal->code.empty() ? national_block(app, c)
                                       : Result<std::optional<nlohmann::json>>(std::nullopt);
  if (!national.is_ok()) return error_page(app, c, national.status());
  if (*national) {
    v.update(**national);
    v.erase("progress");  // the first province's headline: the country's replaces it
    v["national"] = true;
    v["show_controls"] = true;
    v["controls_action"] = "/";
  }
  set_page_meta(app, v, portal->prefix.empty() ? "/" : portal->prefix,
                tr(c.lang, "portal.home_title"), tr(c.lang, "app.tagline"));
  return render_page(app, c, "home", v);
}

Response article_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const std::string now = utc_timestamp_now();
  auto found = app.store().article_by_slug(r.arg("slug"));
  if (!found.is_ok()) return error_page(app, c, found.status());
  const User* user = c.principal ? &c.principal->first : nullptr;
  // A draft is "not found" to anyone who may not see it: no hint it exists.
  if (!*found || !may_read_article(user, **found, now)) {
    return error_page(app, c, Status::not_found("/bai-viet/" + r.arg("slug")));
  }
  const Article& a = **found;
  nlohmann::json v = article_card(c, a);
  v["page_title"] = a.title;
  v["is_visible"] = a.visible(now);
  v["status_code"] = article_status_name(a.status);
  v["status"] = tr(c.lang, std::string("portal.status_") + article_status_name(a.status));
  v["body_html"] = markdown_to_html(a.body);
  nlohmann::json attachments = nlohmann::json::array();
  const auto files = app.store().article_files(a.id);
  if (!files.is_ok()) return error_page(app, c, files.status());
  for (const ArticleFile& f : *files) {
    if (f.kind != "attachment") continue;
    attachments.push_back({{"href", "/tep-bai-viet/" + std::to_string(f.id)},
                           {"name", f.original_name},
                           {"type", f.content_type == "application/pdf" ? "PDF" : "ảnh"},
                           {"size", size_label(c.lang, f.size)}});
  }
  v["attachments"] = attachments;
  nlohmann::json units = nlohmann::json::array();
  for (const std::string& code : split(a.unit_codes, ',')) {
    if (code.empty()) continue;
    auto versions = app.store().versions_with_code(code);
    if (!versions.is_ok() || versions->empty()) continue;
    const UnitVersion& u = versions->back();
    PageContext at = c;
    at.query = u.valid_to < today_local() ? "at=" + u.valid_to.iso() : "";
    units.push_back({{"name", u.name}, {"href", unit_link(at, u)}});
  }
  v["units"] = units;
  if (a.meeting_id) {
    if (auto m = app.store().meeting(a.meeting_id); m.is_ok() && *m) {
      v["meeting"] = {{"title", (**m).title},
                      {"date", format_date(c.lang, (**m).date)},
                      {"href", c.principal ? "/meetings/" + std::to_string(a.meeting_id) : ""}};
    }
  }
  nlohmann::json tags = nlohmann::json::array();
  for (const std::string& t : split(a.tags, ','))
    if (!t.empty()) tags.push_back({{"name", t}, {"q", url_encode("\"" + t + "\"")}});
  v["tags"] = tags;
  // Shown in its office's portal: the menu, category and feed links there.
  auto portal = portal_of_province(app, a.province_id);
  if (!portal.is_ok()) return error_page(app, c, portal.status());
  set_portal(v, *portal);
  v["category_href"] = portal->prefix + "/chuyen-muc/" + a.category;
  if (a.visible(now)) {
    const auto newer = app.store().newer_articles(a, now, 5);
    const auto older = app.store().older_articles(a, now, 5);
    if (!newer.is_ok() || !older.is_ok())
      return error_page(app, c, newer.is_ok() ? older.status() : newer.status());
    v["newer"] = cards(c, *newer, portal->prefix);
    v["older"] = cards(c, *older, portal->prefix);
  }
  v["can_edit"] = user && may_edit_article(*user, a);
  v["edit_href"] = "/articles/" + std::to_string(a.id);
  v["feed_href"] = portal->prefix + "/chuyen-muc/" + a.category + "/atom.xml";
  v["feed_title"] = category_label(c.lang, a.category);
  set_page_meta(app, v, "/bai-viet/" + a.slug, a.title,
                a.summary.empty() ? markdown_to_text(a.body) : a.summary, "article",
                v.value("cover", ""));
  Response res = render_page(app, c, "article", v);
  if (!a.visible(now)) res.headers.push_back({"X-Robots-Tag", "noindex"});
  return res;
}

Response category_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const std::string cat = r.arg("category");
  if (!is_article_category(cat)) return error_page(app, c, Status::not_found("/chuyen-muc/" + cat));
  const auto page_arg = parse_int(r.arg("trang", "1"), 1, 100000);
  const int page = page_arg ? static_cast<int>(*page_arg) : 0;
  if (page == 0) return error_page(app, c, Status::invalid("trang: cần một số từ 1"));
  auto portal = portal_of(app, r);
  if (!portal.is_ok()) return error_page(app, c, portal.status());
  // One more than a page tells whether there is a next page.
  auto items = app.store().published_articles(cat, utc_timestamp_now(), (page - 1) * kPerPage,
                                              kPerPage + 1, portal->province);
  if (!items.is_ok()) return error_page(app, c, items.status());
  const bool more = static_cast<int>(items->size()) > kPerPage;
  if (more) items->pop_back();
  if (items->empty() && page > 1)
    return error_page(app, c, Status::not_found("trang " + r.arg("trang")));
  const std::string base = portal->prefix + "/chuyen-muc/" + cat;
  nlohmann::json v;
  v["label"] = category_label(c.lang, cat);
  v["page_title"] = v["label"];
  v["items"] = cards(c, *items, portal->prefix);
  v["page"] = std::to_string(page);
  if (page > 1) v["prev_href"] = page == 2 ? base : base + "?trang=" + std::to_string(page - 1);
  if (more) v["next_href"] = base + "?trang=" + std::to_string(page + 1);
  v["feed_href"] = base + "/atom.xml";
  set_portal(v, *portal);
  v["feed_title"] = v["label"];
  set_page_meta(app, v, page == 1 ? base : base + "?trang=" + std::to_string(page),
                v["label"].get<std::string>(), tr(c.lang, "app.tagline"));
  return render_page(app, c, "category", v);
}

Response article_file(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const Status hidden = Status::not_found("không có tệp này");
  const auto id = parse_id(r.arg("id"));
  auto f = id ? app.store().article_file(*id) : Result<std::optional<ArticleFile>>(std::nullopt);
  if (!f.is_ok() || !*f) return error_page(app, c, hidden);
  auto a = app.store().article((**f).article_id);
  const std::string now = utc_timestamp_now();
  if (!a.is_ok() || !*a || !may_read_article(c.principal ? &c.principal->first : nullptr, **a, now))
    return error_page(app, c, hidden);
  return private_file(app, c, evidence_path(app.evidence_dir, (**f).file_name), (**f).content_type,
                      (**a).slug + "-" + std::to_string((**f).id), (**a).visible(now));
}

}  // namespace ntm
