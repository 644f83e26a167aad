// GET /search?q=... — articles and units, ignoring case and diacritics
// ("nong thon moi" = "Nông thôn mới", đ = d; "quoted phrases"), ranked,
// with the matches highlighted.
#include "service/articles.h"
#include "ui/pages.h"
#include "ui/portal_view.h"
#include "ui/view_helpers.h"

namespace ntm {

Response search_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const std::string q = r.arg("q");
  nlohmann::json v;
  v["page_title"] = tr(c.lang, "portal.search_title");
  v["search_query"] = q;
  v["searched"] = !q.empty();
  nlohmann::json units = nlohmann::json::array(), articles = nlohmann::json::array();
  if (!q.empty()) {
    auto found = search_site(app.store(), q, utc_timestamp_now(), 50);
    if (!found.is_ok()) return error_page(app, c, found.status());
    for (const SearchHit& h : *found) {
      if (h.kind == "article") {
        nlohmann::json card = article_card(c, h.article);
        card["title_html"] = h.title;  // escaped by highlight()
        card["snippet_html"] = h.snippet;
        articles.push_back(card);
        continue;
      }
      const UnitVersion& u = h.unit;
      // Link to the unit on a day it existed: today if it still does.
      PageContext at = c;
      const Date day = u.valid_to < c.opts.at ? u.valid_to : c.opts.at;
      at.query = "at=" + day.iso();
      std::string parent;
      if (u.parent_id) {
        if (auto p = app.store().unit_version_at(u.parent_id, day); p.is_ok() && *p)
          parent = (**p).name;
      }
      units.push_back(
          {{"name_html", h.title},
           {"code", u.code},
           {"href", unit_link(at, u)},
           {"level", level_label(c.lang, u.level)},
           {"parent", parent},
           {"valid", format_date(c.lang, u.valid_from) + " – " +
                         (u.valid_to == Date::max() ? "" : format_date(c.lang, u.valid_to))}});
    }
  }
  v["units"] = units;
  v["articles"] = articles;
  v["count"] = std::to_string(units.size() + articles.size());
  v["count_nonzero"] = !units.empty() || !articles.empty();
  Response res = render_page(app, c, "search", v);
  res.headers.push_back({"X-Robots-Tag", "noindex"});
  return res;
}

}  // namespace ntm
