// GET /verify, POST /verify — a department officer's queue of submitted
// values for their criteria: each value against the verified one it would
// replace and the threshold, with the commune's note and evidence; filters by
// commune, period and criterion; verify or return one value or the selected
// ones (docs/workflow.md "The verification queue").
#include "base/strings.h"
#include "service/workflow.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

// The filters of the queue, as typed in the link.
struct QueueFilter {
  std::string unit, period, criterion;
  bool keeps(const QueueItem& q) const {
    return (unit.empty() || q.unit.code == unit) &&
           (period.empty() || q.observation.date.iso() == period) &&
           (criterion.empty() || (q.criterion && q.criterion->code == criterion));
  }
  std::string query() const {
    std::string out;
    for (const auto& [k, v] :
         {std::pair{"unit", unit}, {"period", period}, {"criterion", criterion}})
      if (!v.empty()) out += std::string(out.empty() ? "" : "&") + k + "=" + url_encode(v);
    return out;
  }
};

QueueFilter filter_of(const Request& r, bool form) {
  auto get = [&](const char* k) { return form ? r.field(k) : r.arg(k); };
  return {get("unit"), get("period"), get("criterion")};
}

// A list of choices for a filter: value -> label, the chosen one marked.
nlohmann::json choices(const std::map<std::string, std::string>& all, const std::string& chosen) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [value, label] : all)
    out.push_back({{"value", value}, {"label", label}, {"selected", value == chosen}});
  return out;
}

}  // namespace

Response verify_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  auto queue = verification_queue(app.store(), **catalog, r.principal->first);
  if (!queue.is_ok()) return error_page(app, c, queue.status());
  const QueueFilter filter = filter_of(r, false);
  std::map<std::string, std::string> units, periods, criteria;
  nlohmann::json items = nlohmann::json::array();
  const auto people = people_names(app.store(), r.principal->first);
  for (const QueueItem& q : *queue) {
    units[q.unit.code] = q.unit.name;
    periods[q.observation.date.iso()] = format_date(c.lang, q.observation.date);
    if (q.criterion)
      criteria[q.criterion->code] = q.criterion->code + ". " + name_of(c.lang, *q.criterion);
    if (!filter.keeps(q)) continue;
    const Indicator* ind = q.indicator;
    auto value = [&](double v) {
      return ind ? indicator_value(c.lang, v, *ind) : format_num(c.lang, v, 2);
    };
    PageContext at = c;
    at.query = "at=" + q.observation.date.iso();
    nlohmann::json evidence = nlohmann::json::array();
    if (auto files = app.store().evidence_for(q.unit.unit_id, q.observation.measure_id,
                                              q.observation.date.iso());
        files.is_ok()) {
      for (const Evidence& e : *files)
        evidence.push_back(
            {{"name", e.original_name}, {"href", "/evidence/" + std::to_string(e.id)}});
    }
    nlohmann::json item = status_view(c.lang, q.judged.status, q.judged.reason);
    item.update({{"id", std::to_string(q.observation.id)},
                 {"unit", q.unit.name},
                 {"unit_href", unit_link(at, q.unit)},
                 {"date", format_date(c.lang, q.observation.date)},
                 {"indicator", ind ? ind->code : ""},
                 {"name", ind ? name_of(c.lang, *ind) : q.observation.measure_id},
                 {"value", value(q.observation.value)},
                 {"unit_label", ind && ind->op != Op::kEq ? ind->unit : ""},
                 {"threshold", ind ? threshold_label(c.lang, q.judged.threshold, *ind) : ""},
                 {"note", q.observation.note},
                 {"evidence", evidence},
                 {"author", people.count(q.observation.author) ? people.at(q.observation.author)
                                                               : q.observation.author},
                 {"correction", q.correction}});
    if (q.previous) {
      item["previous"] = value(q.previous->value);
      item["previous_date"] = format_date(c.lang, q.previous->date);
    }
    items.push_back(item);
  }
  const std::string n = std::to_string(parse_int(r.arg("n"), 0, 100000).value_or(1));
  const std::string done = r.arg("done") == "verify"   ? tr(c.lang, "verify.done_verify") + n
                           : r.arg("done") == "return" ? tr(c.lang, "verify.done_return") + n
                                                       : "";
  nlohmann::json v = {{"page_title", tr(c.lang, "verify.title")},
                      {"items", items},
                      {"count", std::to_string(items.size())},
                      {"total", std::to_string(queue->size())},
                      {"filtered", items.size() != queue->size()},
                      {"units", choices(units, filter.unit)},
                      {"periods", choices(periods, filter.period)},
                      {"criteria", choices(criteria, filter.criterion)},
                      {"f_unit", filter.unit},
                      {"f_period", filter.period},
                      {"f_criterion", filter.criterion},
                      {"done", done},
                      {"department", r.principal->first.department},
                      {"error", shown_error(r)}};
  return render_page(app, c, "verify", v);
}

Response verify_submit(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  std::vector<int64_t> ids;
  for (const std::string& part : split(r.field("id"), ',')) {
    if (part.empty()) continue;
    const auto id = parse_id(part);
    if (!id) return error_page(app, c, Status::invalid("số liệu không hợp lệ: " + part));
    ids.push_back(*id);
  }
  const std::string back = "/verify?" + filter_of(r, true).query();
  if (ids.empty())
    return Response::redirect(back + "&" + error_query(r, tr(c.lang, "verify.none_chosen")));
  const bool accept = r.field("action") == "verify";
  const Status s =
      review_many(app.store(), **catalog, r.principal->first, ids, accept, r.field("comment"));
  if (s.code() == ErrorCode::kInvalidArgument)
    return Response::redirect(back + "&" + error_query(r, s.message()) + "#queue");
  if (!s.is_ok()) return error_page(app, c, s);
  return Response::redirect(back + "&done=" + (accept ? "verify" : "return") +
                            "&n=" + std::to_string(ids.size()) + "#queue");
}

}  // namespace ntm
