// GET /search?q=... — articles and units, ignoring case and diacritics
// ("nong thon moi" = "Nông thôn mới", đ = d; "quoted phrases"), ranked,
// with the matches highlighted. GET /tinh/:province/search — the same within
// a province's portal: its office's articles and its units. The national
// search covers every office's articles, each naming its office.
#include "service/articles.h"
#include "ui/pages.h"
#include "ui/portal_view.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

// Whose article it is, on the national search: the central office or a
// province (by its name today).
std::string office_name(AppState& app, const PageContext& c, std::map<int64_t, std::string>& known,
                        int64_t province) {
  if (province == 0) return tr(c.lang, "portal.central_office");
  auto [at, fresh] = known.try_emplace(province);
  if (fresh) {
    auto v = app.store().unit_version_at(province, today_local());
    at->second = v.is_ok() && *v ? (**v).name : "";
  }
  return at->second;
}

}  // namespace

Response search_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const std::string q = r.arg("q");
  nlohmann::json v;
  v["page_title"] = tr(c.lang, "portal.search_title");
  v["search_query"] = q;
  v["searched"] = !q.empty();
  auto portal = portal_of(app, r);
  if (!portal.is_ok()) return error_page(app, c, portal.status());
  set_portal(v, *portal);
  const bool national = portal->province == 0;  // several provinces, no prefix
  std::map<int64_t, std::string> offices;       // province -> its office's name
  nlohmann::json units = nlohmann::json::array(), articles = nlohmann::json::array();
  if (!q.empty()) {
    auto found = search_site(app.store(), q, utc_timestamp_now(), 50,
                             portal->code.empty() ? -1 : portal->province);
    if (!found.is_ok()) return error_page(app, c, found.status());
    for (const SearchHit& h : *found) {
      if (h.kind == "article") {
        nlohmann::json card = article_card(c, h.article);
        card["title_html"] = h.title;  // escaped by highlight()
        card["snippet_html"] = h.snippet;
        if (national) card["office"] = office_name(app, c, offices, h.article.province_id);
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
