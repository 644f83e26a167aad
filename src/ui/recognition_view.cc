#include "ui/recognition_view.h"

#include "service/recognition.h"
#include "service/scope.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

std::string title_name(Lang lang, const RecognitionTitle* t) {
  return lang == Lang::kEn && !t->name_en.empty() ? t->name_en : t->name_vi;
}

std::string title_name(Lang lang, const RecognitionBook& book, const std::string& code) {
  const RecognitionTitle* t = book.title(code);
  return t ? title_name(lang, t) : code;
}

const std::vector<Recognition>& of_unit(const AppState::RecognitionsByUnit& all, int64_t unit) {
  static const std::vector<Recognition> none;
  const auto it = all.find(unit);
  return it == all.end() ? none : it->second;
}

}  // namespace

std::string decision_text(Lang lang, const std::string& number, Date date) {
  return tr(lang, "rec.decision_no") + " " + number + " " + tr(lang, "rec.decision_of") + " " +
         format_date(lang, date);
}

Result<nlohmann::json> recognised_view(AppState& app, const PageContext& c, int64_t unit_id) {
  const RecognitionBook& book = *TRY(app.recognition_book());
  const auto all = TRY(app.recognitions());
  const std::vector<Recognition>& mine = of_unit(*all, unit_id);
  const Date at = c.opts.at;
  nlohmann::json out = nlohmann::json::array();
  std::set<std::string> shown;
  for (const Recognition& r : in_force_at(mine, at)) {
    shown.insert(r.title);
    out.push_back(
        {{"title", title_name(c.lang, book, r.title)},
         {"state", "recognised"},
         {"css", "met"},
         {"label",
          tr(c.lang, "rec.recognised") + " " + std::to_string(r.year) +
              (r.source == "acknowledged" ? " (" + tr(c.lang, "rec.acknowledged") + ")" : "") +
              " — " + decision_text(c.lang, r.decision_no, r.decision_date)}});
  }
  // Revoked on or before the date and not recognised again since.
  for (auto it = mine.rbegin(); it != mine.rend(); ++it) {
    if (!it->revoked_date || at < *it->revoked_date || shown.count(it->title)) continue;
    shown.insert(it->title);
    out.push_back({{"title", title_name(c.lang, book, it->title)},
                   {"state", "revoked"},
                   {"css", "not_met"},
                   {"label", tr(c.lang, "rec.revoked") + " — " +
                                 decision_text(c.lang, it->revoked_no, *it->revoked_date)}});
  }
  // Before the first rules in force, their first title still names the standing.
  const RecognitionRules* rules = book.in_force(at, province_or_zero(app.store(), unit_id));
  if (!rules && !book.all().empty()) rules = book.all().front().get();
  if (rules && !rules->titles.empty() && !shown.count(rules->titles.front().code)) {
    out.push_back({{"title", title_name(c.lang, &rules->titles.front())},
                   {"state", "none"},
                   {"css", "unknown"},
                   {"label", tr(c.lang, "rec.none")}});
  }
  return out;
}

Result<nlohmann::json> constituents_recognised(AppState& app, const PageContext& c,
                                               const std::vector<UnitVersion>& constituents,
                                               Date merged_on) {
  const RecognitionBook& book = *TRY(app.recognition_book());
  const auto all = TRY(app.recognitions());
  nlohmann::json out = nlohmann::json::array();
  for (const UnitVersion& u : constituents) {
    for (const Recognition& r : in_force_at(of_unit(*all, u.unit_id), merged_on.add_days(-1))) {
      out.push_back({{"name", u.name},
                     {"title", title_name(c.lang, book, r.title)},
                     {"label", tr(c.lang, "rec.recognised") + " " + std::to_string(r.year) + " — " +
                                   decision_text(c.lang, r.decision_no, r.decision_date)}});
    }
  }
  return out;
}

}  // namespace ntm
