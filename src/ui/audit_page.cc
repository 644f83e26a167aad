// GET /audit — the office's audit log in the reader's language: actions,
// states, measures, work items and owners by name, people by their names,
// times in Vietnam time; filters by commune, person, action, criterion,
// measure and reporting period; ?format=csv downloads what is shown.
#include <array>
#include <regex>

#include "base/csv.h"
#include "model/article.h"
#include "service/periods.h"
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
    "observation.offline_conflict",
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

// What an entry is about, in words: "bhyt @ 2026-06-30" -> "Tỷ lệ BHYT ·
// 30/06/2026", "work:37" -> "Phần việc: <title>"; anything else as it is.
class Subjects {
 public:
  Subjects(Store& store, const Catalog* catalog, Lang lang)
      : store_(store), catalog_(catalog), lang_(lang) {}

  std::string operator()(const std::string& subject) {
    auto [it, added] = words_.try_emplace(subject);
    if (added) it->second = words(subject);  // one lookup per subject, not per row
    return it->second;
  }

 private:
  std::string words(const std::string& subject) {
    const size_t at = subject.find(" @ ");
    if (at != std::string::npos && catalog_) {
      const auto m = catalog_->measures().find(subject.substr(0, at));
      const auto day = Date::parse(subject.substr(at + 3));
      if (m != catalog_->measures().end() && day.is_ok())
        return name_of(lang_, m->second) + " · " + format_date(lang_, *day);
    }
    const size_t colon = subject.find(':');
    if (colon == std::string::npos) return subject;
    const std::string kind = subject.substr(0, colon);
    const int64_t id = parse_id(subject.substr(colon + 1)).value_or(0);
    const std::string label = tr(lang_, "audit.kind." + kind);
    if (!id || label == "audit.kind." + kind) return subject;
    std::string title;
    if (kind == "work") {
      if (auto w = store_.work_item(id); w.is_ok() && *w) title = (**w).title;
    } else if (kind == "article") {
      if (auto a = store_.article(id); a.is_ok() && *a) title = (**a).title;
    } else if (kind == "meeting") {
      if (auto m = store_.meeting(id); m.is_ok() && *m) title = (**m).title;
    }
    return label + (title.empty() ? " " + std::to_string(id) : ": " + title);
  }

  Store& store_;
  const Catalog* catalog_;
  Lang lang_;
  std::map<std::string, std::string> words_;
};

// A recorded value in words: work states ("in_progress 40%"), owners
// ("department:SYT"), ISO dates, and the words the use cases write in
// Vietnamese ("đã chi", "hạn") in the reader's language.
std::string value_words(Lang lang, const OwnerNames& owners, const std::string& action,
                        std::string text) {
  if (action.rfind("article.", 0) == 0 && parse_article_status(text))
    return tr(lang, "portal.status_" + text);
  if (action == "user.add") {  // "department SYT", "commune"
    const size_t space = text.find(' ');
    if (const auto role = parse_role(text.substr(0, space)))
      return tr(lang, std::string("role.") + role_name(*role)) +
             (space == std::string::npos
                  ? ""
                  : " · " + owners(lang, "department:" + text.substr(space + 1)));
  }
  text = state_words(lang, text);
  for (const char* w : {"planned", "in_progress", "done", "cancelled"}) {
    const std::string code = std::string(w) + " ";
    if (text.rfind(code, 0) == 0)
      text = tr(lang, std::string("work.") + w) + " " + text.substr(code.size());
  }
  static const std::regex owner(R"((department|sponsor):([A-Za-z0-9_.-]+))");
  static const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))");
  std::string out;
  auto last = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), owner), end; it != end; ++it) {
    out.append(last, (*it)[0].first);
    out += owners(lang, it->str());
    last = (*it)[0].second;
  }
  out.append(last, text.cend());
  out = std::regex_replace(out, iso, "$3/$2/$1");
  // Only where the use cases put them (after a work state's "%, ", before a
  // due date or an amount), never inside a title people wrote.
  static const std::pair<std::regex, const char*> kEnglish[] = {
      {std::regex("%, đã chi "), "%, spent "},
      {std::regex(", hạn (\\d)"), ", due $1"},
      {std::regex("(\\d) đồng"), "$1 VND"},
      {std::regex("^rà soát kỳ "), "review of "}};
  if (lang == Lang::kEn)
    for (const auto& [pattern, english] : kEnglish) out = std::regex_replace(out, pattern, english);
  return out;
}

}  // namespace

Response audit_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const Date today = today_local();
  const User& me = r.principal->first;
  auto home = working_province(app, r, today);
  if (!home.is_ok()) return error_page(app, c, home.status());
  Store::AuditFilter filter;
  // An office reads its province's log; the central office every one (or ?province=).
  filter.province_id = me.province_id              ? me.province_id
                       : r.arg("province").empty() ? 0
                                                   : home->unit_id;
  filter.actor = r.arg("actor");
  filter.action = r.arg("action");
  filter.subject_prefix = r.arg("measure");
  if (!r.arg("unit").empty()) {
    auto v = unit_on(app.store(), r.arg("unit"), c.opts.at);
    if (!v.is_ok()) return error_page(app, c, v.status());
    filter.unit_id = v->unit_id;
  }
  if (!r.arg("period").empty()) {
    auto d = Date::parse(r.arg("period"));
    if (!d.is_ok()) return error_page(app, c, d.status());
    filter.date = d->iso();
  }
  auto catalog = app.catalog();
  const Catalog* cat = catalog.is_ok() ? *catalog : nullptr;
  // The criterion filter: the criteria of the default series' set in force.
  const CriteriaSet* set = nullptr;
  if (auto series = default_series(app.store()); cat && series.is_ok())
    set = cat->in_force(*series, today, Level::kCommune, home->unit_id);
  nlohmann::json criteria = nlohmann::json::array();
  if (set) {
    for (const Criterion& cr : set->criteria) {
      const bool chosen = r.arg("criterion") == cr.code;
      if (chosen)
        for (const Indicator& ind : cr.indicators) filter.measures.push_back(ind.measure);
      criteria.push_back({{"code", cr.code},
                          {"label", cr.code + ". " + name_of(c.lang, cr)},
                          {"selected", chosen}});
    }
  }
  if (!r.arg("criterion").empty() && filter.measures.empty())
    return error_page(app, c, Status::not_found(tr(c.lang, "audit.no_criterion")));
  auto entries = app.store().audit(filter, 500);
  if (!entries.is_ok()) return error_page(app, c, entries.status());
  // People by name.
  const std::map<std::string, std::string> names = people_names(app.store(), me);
  nlohmann::json people = nlohmann::json::array();
  for (const auto& [username, shown] : names)
    people.push_back(
        {{"username", username}, {"label", shown}, {"selected", username == filter.actor}});
  auto person = [&](const std::string& actor) {
    const auto it = names.find(actor);
    return it != names.end()            ? it->second
           : actor == "demo"            ? tr(c.lang, "audit.actor_demo")
           : actor.rfind("cli", 0) == 0 ? tr(c.lang, "audit.actor_cli") + actor.substr(3)
                                        : actor;
  };
  Subjects subject_words(app.store(), cat, c.lang);
  const OwnerNames owners(app.store(), home->unit_id);
  const bool csv = r.arg("format") == "csv";
  std::string text = "\xEF\xBB\xBF" + tr(c.lang, "audit.at") + "," + tr(c.lang, "audit.actor") +
                     "," + tr(c.lang, "audit.action") + "," + tr(c.lang, "col.unit") + "," +
                     tr(c.lang, "audit.subject") + "," + tr(c.lang, "audit.change") + "," +
                     tr(c.lang, "audit.reason") + "\n";
  nlohmann::json rows = nlohmann::json::array();
  std::map<int64_t, std::string> unit_names;
  for (const AuditEntry& e : *entries) {
    if (e.unit_id && !unit_names.count(e.unit_id)) {
      auto v = app.store().unit_versions(e.unit_id);
      unit_names[e.unit_id] = v.is_ok() && !v->empty() ? v->back().name : "";
    }
    const std::string unit_name = e.unit_id ? unit_names[e.unit_id] : "";
    const nlohmann::json row = {{"at", format_timestamp(c.lang, e.at)},
                                {"actor", person(e.actor)},
                                {"action", action_label(c.lang, e.action)},
                                {"unit", unit_name},
                                {"subject", subject_words(e.subject)},
                                {"old_value", value_words(c.lang, owners, e.action, e.old_value)},
                                {"new_value", value_words(c.lang, owners, e.action, e.new_value)},
                                {"reason", e.reason}};
    if (csv) {
      text += csv_field(row["at"]) + "," + csv_field(row["actor"]) + "," +
              csv_field(row["action"]) + "," + csv_field(unit_name) + "," +
              csv_field(row["subject"]) + "," +
              csv_field(row["old_value"].get<std::string>() + " → " +
                        row["new_value"].get<std::string>()) +
              "," + csv_field(e.reason) + "\n";
    }
    rows.push_back(row);
  }
  if (csv) return download(std::move(text), "csv", "nhat-ky-" + today.iso());
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
  // Communes (and the province) as they are today; an older unit chosen by
  // its code is kept in the list.
  nlohmann::json units = nlohmann::json::array();
  {
    for (const UnitVersion& top : {*home}) {
      units.push_back(
          {{"code", top.code}, {"label", top.name}, {"selected", top.unit_id == filter.unit_id}});
      if (auto communes = app.store().descendants_at(top.unit_id, Level::kCommune, today);
          communes.is_ok())
        for (const UnitVersion& u : *communes)
          units.push_back(
              {{"code", u.code}, {"label", u.name}, {"selected", u.unit_id == filter.unit_id}});
    }
  }
  const bool listed = std::any_of(units.begin(), units.end(),
                                  [](const nlohmann::json& u) { return u["selected"] == true; });
  if (filter.unit_id && !listed) {
    if (auto v = app.store().unit_versions(filter.unit_id); v.is_ok() && !v->empty())
      units.push_back({{"code", r.arg("unit")}, {"label", v->back().name}, {"selected", true}});
  }
  nlohmann::json periods = nlohmann::json::array();
  if (auto ends = recent_periods(app.store(), today, 6); ends.is_ok()) {
    for (const Date& d : *ends)
      periods.push_back({{"value", d.iso()},
                         {"label", format_date(c.lang, d)},
                         {"selected", d.iso() == filter.date}});
  }
  std::string query;
  for (const char* k : {"unit", "actor", "action", "criterion", "measure", "period"})
    if (!r.arg(k).empty()) query += std::string("&") + k + "=" + url_encode(r.arg(k));
  nlohmann::json v = {{"page_title", tr(c.lang, "audit.title")},
                      {"entries", rows},
                      {"count", rows.size()},
                      {"actions", actions},
                      {"measures", measures},
                      {"criteria", criteria},
                      {"people", people},
                      {"units", units},
                      {"periods", periods},
                      {"download_href", "/audit?format=csv" + query}};
  return render_page(app, c, "audit", v);
}

}  // namespace ntm
