// GET /chuyen-muc/:category/atom.xml — the category's Atom feed (RFC 4287);
// GET /sitemap.xml — every public page worth indexing (with several
// provinces, each province portal's pages too); GET /robots.txt.
#include <algorithm>

#include "base/markdown.h"
#include "base/strings.h"
#include "ui/pages.h"
#include "ui/portal_view.h"

namespace ntm {
namespace {

Response xml(const std::string& type, std::string body) {
  Response res{200, type, std::move(body), {}};
  res.headers.push_back({"Cache-Control", "public, max-age=300"});
  return res;
}

std::string esc(const std::string& s) { return html_escape(s); }

}  // namespace

Response atom_feed(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const std::string cat = r.arg("category");
  if (!is_article_category(cat)) return error_page(app, c, Status::not_found(r.path));
  auto portal = portal_of(app, r);
  if (!portal.is_ok()) return error_page(app, c, portal.status());
  auto items = app.store().published_articles(cat, utc_timestamp_now(), 0, 20, portal->province);
  if (!items.is_ok()) return error_page(app, c, items.status());
  const std::string self = absolute_url(app, portal->prefix + "/chuyen-muc/" + cat + "/atom.xml");
  std::string updated = "2016-01-01T00:00:00Z";  // the latest change of any entry
  for (const Article& a : *items) updated = std::max({updated, a.publish_at, a.updated_at});
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n"
      "<title>" +
      esc(tr(Lang::kVi, "app.office") + " — " + category_label(Lang::kVi, cat)) +
      "</title>\n"
      "<id>" +
      esc(self) +
      "</id>\n"
      "<link rel=\"self\" type=\"application/atom+xml\" href=\"" +
      esc(self) +
      "\"/>\n"
      "<link rel=\"alternate\" type=\"text/html\" href=\"" +
      esc(absolute_url(app, portal->prefix + "/chuyen-muc/" + cat)) +
      "\"/>\n"
      "<updated>" +
      esc(updated) + "</updated>\n";
  for (const Article& a : *items) {
    const std::string url = absolute_url(app, "/bai-viet/" + a.slug);
    out += "<entry>\n<title>" + esc(a.title) + "</title>\n<id>" + esc(url) +
           "</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"" + esc(url) +
           "\"/>\n<published>" + esc(a.publish_at) + "</published>\n<updated>" +
           esc(std::max(a.publish_at, a.updated_at)) + "</updated>\n<author><name>" +
           esc(tr(Lang::kVi, "app.office")) + "</name></author>\n<summary>" +
           esc(a.summary.empty() ? truncate_words(markdown_to_text(a.body), 400) : a.summary) +
           "</summary>\n<content type=\"html\">" + esc(markdown_to_html(a.body)) +
           "</content>\n</entry>\n";
  }
  return xml("application/atom+xml; charset=utf-8", out + "</feed>\n");
}

Response sitemap(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto items = app.store().published_articles("", utc_timestamp_now(), 0, 50000 - 100);
  if (!items.is_ok()) return error_page(app, c, items.status());
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  auto url = [&](const std::string& path, const std::string& lastmod) {
    out += "<url><loc>" + esc(absolute_url(app, path)) + "</loc>" +
           (lastmod.empty() ? "" : "<lastmod>" + esc(lastmod.substr(0, 10)) + "</lastmod>") +
           "</url>\n";
  };
  url("/", "");
  url("/tien-do", "");
  for (const char* cat : kArticleCategories) url(std::string("/chuyen-muc/") + cat, "");
  auto in_force = app.store().provinces_in_force(today_local());
  if (!in_force.is_ok()) return error_page(app, c, in_force.status());
  if (in_force->size() > 1) {
    for (const int64_t province : *in_force) {
      auto portal = portal_of_province(app, province);
      if (!portal.is_ok()) return error_page(app, c, portal.status());
      url(portal->prefix, "");
      url(portal->prefix + "/tien-do", "");
      for (const char* cat : kArticleCategories) url(portal->prefix + "/chuyen-muc/" + cat, "");
    }
  }
  for (const Article& a : *items) url("/bai-viet/" + a.slug, std::max(a.publish_at, a.updated_at));
  // The communes of today's structure: their public pages.
  if (auto provinces = app.store().top_level_units(today_local()); provinces.is_ok()) {
    for (const UnitVersion& p : *provinces) {
      url("/dashboard/" + url_encode(p.code), "");
      auto communes = app.store().descendants_at(p.unit_id, Level::kCommune, today_local());
      if (!communes.is_ok()) continue;
      for (const UnitVersion& u : *communes) url("/commune/" + url_encode(u.code), "");
    }
  }
  return xml("application/xml; charset=utf-8", out + "</urlset>\n");
}

Response robots(AppState& app, const Request&) {
  Response res{200,
               "text/plain; charset=utf-8",
               "User-agent: *\nDisallow: /api/\nDisallow: /articles\nDisallow: /login\n"
               "Sitemap: " +
                   absolute_url(app, "/sitemap.xml") + "\n",
               {}};
  return res;
}

}  // namespace ntm
