// GET /audit — the office's audit log in the reader's language: actions,
// states and measures by name, times in Vietnam time; filters by unit,
// person, action and measure; ?format=csv downloads what is shown.
#include <array>

#include "base/csv.h"
#include "service/workflow.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

// Every action the use cases write (service/), in the order offered.
constexpr std::array kActions = {
    "observation.draft",
    "observation.submit",
    "observation.verify",
    "observation.return",
    "evidence.add",
    "user.add",
    "user.disable",
    "user.password",
    "user.reset_password",
    "department.assign",
    "criteria.draft",
    "criteria.indicator",
    "criteria.indicator_remove",
    "criteria.criterion",
    "criteria.measure",
    "criteria.details",
    "criteria.publish",
    "criteria.discard",
    "commune_group.assign",
    "commune_group.import",
    "lineage.share",
    "plan.save",
    "plan.import",
    "work.add",
    "work.update",
    "work.file",
    "sponsor.commit",
    "sponsor.delivery",
    "sponsor.review",
    "meeting.add",
    "conclusion.add",
    "conclusion.report",
    "article.draft",
    "article.edit",
    "article.file",
    "article.review",
    "article.publish",
    "article.unpublish",
    "progress.publish",
    "progress.live",
};

std::string action_label(Lang lang, const std::string& action) {
  const std::string key = "audit.a." + action;
  const std::string label = tr(lang, key);
  return label == key ? action : label;
}

// "86.5 (submitted)" -> "86.5 (đã gửi)", "returned" -> "bị trả lại".
std::string state_words(Lang lang, std::string text) {
  for (const char* s : {"draft", "submitted", "verified", "returned"}) {
    if (text == s) return tr(lang, std::string("obs.") + s);
    const std::string from = std::string("(") + s + ")";
    if (const size_t at = text.find(from); at != std::string::npos)
      text.replace(at, from.size(), "(" + tr(lang, std::string("obs.") + s) + ")");
  }
  return text;
}

// "bhyt @ 2026-06-30" -> "Tỷ lệ BHYT · 30/06/2026"; anything else as it is.
std::string subject_words(Lang lang, const Catalog* catalog, const std::string& subject) {
  const size_t at = subject.find(" @ ");
  if (at == std::string::npos || !catalog) return subject;
  const auto m = catalog->measures().find(subject.substr(0, at));
  const auto day = Date::parse(subject.substr(at + 3));
  if (m == catalog->measures().end() || !day.is_ok()) return subject;
  return name_of(lang, m->second) + " · " + format_date(lang, *day);
}

}  // namespace

Response audit_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  int64_t unit = 0;
  if (!r.arg("unit").empty()) {
    auto v = unit_on(app.store(), r.arg("unit"), c.opts.at);
    if (!v.is_ok()) return error_page(app, c, v.status());
    unit = v->unit_id;
  }
  auto entries = app.store().audit(unit, r.arg("actor"), r.arg("action"), 500, r.arg("measure"));
  if (!entries.is_ok()) return error_page(app, c, entries.status());
  auto catalog = app.catalog();
  const Catalog* cat = catalog.is_ok() ? *catalog : nullptr;
  const bool csv = r.arg("format") == "csv";
  std::string text = "\xEF\xBB\xBF" + tr(c.lang, "audit.at") + "," + tr(c.lang, "audit.actor") +
                     "," + tr(c.lang, "audit.action") + "," + tr(c.lang, "col.unit") + "," +
                     tr(c.lang, "audit.subject") + "," + tr(c.lang, "audit.change") + "," +
                     tr(c.lang, "audit.reason") + "\n";
  nlohmann::json rows = nlohmann::json::array();
  for (const AuditEntry& e : *entries) {
    std::string unit_name;
    if (e.unit_id) {
      if (auto v = app.store().unit_versions(e.unit_id); v.is_ok() && !v->empty())
        unit_name = v->back().name;
    }
    const nlohmann::json row = {{"at", format_timestamp(c.lang, e.at)},
                                {"actor", e.actor},
                                {"action", action_label(c.lang, e.action)},
                                {"unit", unit_name},
                                {"subject", subject_words(c.lang, cat, e.subject)},
                                {"old_value", state_words(c.lang, e.old_value)},
                                {"new_value", state_words(c.lang, e.new_value)},
                                {"reason", e.reason}};
    if (csv) {
      text += csv_field(row["at"]) + "," + csv_field(e.actor) + "," + csv_field(row["action"]) +
              "," + csv_field(unit_name) + "," + csv_field(row["subject"]) + "," +
              csv_field(row["old_value"].get<std::string>() + " → " +
                        row["new_value"].get<std::string>()) +
              "," + csv_field(e.reason) + "\n";
    }
    rows.push_back(row);
  }
  if (csv) return download(std::move(text), "csv", "nhat-ky-" + today_local().iso());
  nlohmann::json actions = nlohmann::json::array();
  for (const char* a : kActions)
    actions.push_back(
        {{"code", a}, {"label", action_label(c.lang, a)}, {"selected", r.arg("action") == a}});
  nlohmann::json measures = nlohmann::json::array();
  if (cat) {
    for (const auto& [id, m] : cat->measures())
      measures.push_back(
          {{"id", id}, {"label", name_of(c.lang, m)}, {"selected", r.arg("measure") == id}});
  }
  std::string query;
  for (const char* k : {"unit", "actor", "action", "measure"})
    if (!r.arg(k).empty()) query += std::string("&") + k + "=" + url_encode(r.arg(k));
  nlohmann::json v = {{"page_title", tr(c.lang, "audit.title")},
                      {"entries", rows},
                      {"actions", actions},
                      {"measures", measures},
                      {"download_href", "/audit?format=csv" + query},
                      {"f_unit", r.arg("unit")},
                      {"f_actor", r.arg("actor")}};
  return render_page(app, c, "audit", v);
}

}  // namespace ntm
