// GET /search?q=loc+ha — units by name or code, ignoring case and diacritics.
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {

Response search_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const std::string q = r.arg("q");
  nlohmann::json v;
  v["page_title"] = tr(c.lang, "search.title");
  v["search_query"] = q;
  v["searched"] = !q.empty();
  nlohmann::json results = nlohmann::json::array();
  if (!q.empty()) {
    auto found = search_units(app.store(), q, 100);
    if (!found.is_ok()) return error_page(app, c, found.status());
    for (const UnitVersion& u : *found) {
      // Link to the unit on a day it existed: today if it still does.
      PageContext at = c;
      const Date day = u.valid_to < c.opts.at ? u.valid_to : c.opts.at;
      at.query = "at=" + day.iso();
      std::string parent;
      if (u.parent_id) {
        if (auto p = app.store().unit_version_at(u.parent_id, day); p.is_ok() && *p)
          parent = (**p).name;
      }
      results.push_back(
          {{"name", u.name},
           {"code", u.code},
           {"href", unit_link(at, u)},
           {"level", level_label(c.lang, u.level)},
           {"parent", parent},
           {"valid", format_date(c.lang, u.valid_from) + " – " +
                         (u.valid_to == Date::max() ? "" : format_date(c.lang, u.valid_to))}});
    }
  }
  v["results"] = results;
  v["count"] = std::to_string(results.size());
  return render_page(app, c, "search", v);
}

}  // namespace ntm
