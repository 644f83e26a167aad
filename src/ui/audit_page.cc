// GET /audit — the office's audit log with filters (unit, actor, action).
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {

Response audit_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  int64_t unit = 0;
  if (!r.arg("unit").empty()) {
    auto v = app.store().unit_at(r.arg("unit"), c.opts.at);
    if (!v.is_ok()) return error_page(app, c, v.status());
    if (!*v)
      return error_page(app, c, Status::not_found("không có đơn vị mã \"" + r.arg("unit") + "\""));
    unit = (**v).unit_id;
  }
  auto entries = app.store().audit(unit, r.arg("actor"), r.arg("action"), 500, r.arg("measure"));
  if (!entries.is_ok()) return error_page(app, c, entries.status());
  nlohmann::json rows = nlohmann::json::array();
  for (const AuditEntry& e : *entries) {
    std::string unit_name;
    if (e.unit_id) {
      if (auto v = app.store().unit_versions(e.unit_id); v.is_ok() && !v->empty())
        unit_name = v->back().name;
    }
    rows.push_back({{"at", format_timestamp(c.lang, e.at)},
                    {"actor", e.actor},
                    {"action", e.action},
                    {"unit", unit_name},
                    {"subject", e.subject},
                    {"old_value", e.old_value},
                    {"new_value", e.new_value},
                    {"reason", e.reason}});
  }
  nlohmann::json v = {{"page_title", tr(c.lang, "audit.title")},
                      {"entries", rows},
                      {"f_unit", r.arg("unit")},
                      {"f_actor", r.arg("actor")},
                      {"f_action", r.arg("action")},
                      {"f_measure", r.arg("measure")}};
  return render_page(app, c, "audit", v);
}

}  // namespace ntm
