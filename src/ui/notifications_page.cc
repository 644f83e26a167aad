// GET /notifications — what needs the signed-in user's attention: work due
// soon or overdue, values returned, directives assigned, sponsor reviews
// due, recognition dossiers waiting for the user (postings, appraisal, vote,
// decision). Opening the list marks everything as seen (the badge counts new ones).
#include "service/coordination.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {

Response notifications_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const User& me = r.principal->first;
  auto list = user_notifications(app, me);
  if (!list.is_ok()) return error_page(app, c, list.status());
  nlohmann::json items = nlohmann::json::array();
  auto catalog = app.catalog();
  for (const Notification& n : *list) {
    std::string text = n.text;
    if (!n.measure.empty()) {  // "Tỷ lệ thôn đạt chuẩn văn hóa — the reason"
      std::string name = n.measure;
      if (catalog.is_ok()) {
        const auto& measures = (*catalog)->measures();
        if (const auto m = measures.find(n.measure); m != measures.end())
          name = name_of(c.lang, m->second);
      }
      text = name + (text.empty() ? "" : " — " + text);
    }
    items.push_back(
        {{"kind", n.kind},
         {"label", tr(c.lang, "notify." + n.kind)},
         {"text", text},
         {"href", n.href},
         {"date", n.date.size() == 10 ? format_date(c.lang, *Date::parse(n.date)) : n.date},
         {"new", n.is_new}});
  }
  if (Status s = mark_notifications_seen(app.store(), me); !s.is_ok()) return error_page(app, c, s);
  nlohmann::json v = {{"page_title", tr(c.lang, "notify.title")}, {"items", items}};
  return render_page(app, c, "notifications", v);
}

}  // namespace ntm
