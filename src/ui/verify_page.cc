// GET /verify, POST /verify — a department officer's queue of submitted
// values for their criteria: verify, or return with a comment.
#include "base/strings.h"
#include "service/workflow.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {

Response verify_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  auto queue = verification_queue(app.store(), **catalog, r.principal->first);
  if (!queue.is_ok()) return error_page(app, c, queue.status());
  nlohmann::json items = nlohmann::json::array();
  for (const QueueItem& q : *queue) {
    const auto m = (*catalog)->measures().find(q.observation.measure_id);
    const bool boolean =
        m != (*catalog)->measures().end() && m->second.type == MeasureType::kBoolean;
    PageContext at = c;
    at.query = "at=" + q.observation.date.iso();
    items.push_back(
        {{"id", std::to_string(q.observation.id)},
         {"unit", q.unit.name},
         {"unit_href", unit_link(at, q.unit)},
         {"date", format_date(c.lang, q.observation.date)},
         {"indicator", q.indicator ? q.indicator->code : ""},
         {"name", q.indicator ? name_of(c.lang, *q.indicator) : q.observation.measure_id},
         {"value", boolean ? tr(c.lang, q.observation.value == 1 ? "status.met" : "status.not_met")
                           : format_num(c.lang, q.observation.value, 2)},
         {"unit_label", q.indicator && !boolean ? q.indicator->unit : ""},
         {"author", q.observation.author}});
  }
  const std::string done = r.arg("done") == "verify"   ? tr(c.lang, "verify.done_verify")
                           : r.arg("done") == "return" ? tr(c.lang, "verify.done_return")
                                                       : "";
  nlohmann::json v = {{"page_title", tr(c.lang, "verify.title")},    {"items", items},
                      {"count", std::to_string(items.size())},       {"done", done},
                      {"department", r.principal->first.department}, {"error", shown_error(r)}};
  return render_page(app, c, "verify", v);
}

Response verify_submit(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  const auto id = parse_id(r.field("id"));
  if (!id) return error_page(app, c, Status::invalid("thiếu số liệu cần thẩm định"));
  const bool accept = r.field("action") == "verify";
  const Status s =
      review(app.store(), **catalog, r.principal->first, *id, accept, r.field("comment"));
  if (s.code() == ErrorCode::kInvalidArgument) {
    return Response::redirect("/verify?" + error_query(r, s.message()));
  }
  if (!s.is_ok()) return error_page(app, c, s);
  return Response::redirect(std::string("/verify?done=") + (accept ? "verify" : "return"));
}

}  // namespace ntm
