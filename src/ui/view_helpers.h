// Small pieces shared by the page handlers: status badges (words + symbol +
// class, never colour alone), band classes, meter steps, breadcrumbs.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/assessment.h"
#include "rules/plan_status.h"
#include "service/coordination.h"
#include "store/store.h"
#include "ui/i18n.h"
#include "ui/page.h"

namespace ntm {

// {"status": css class, "symbol": ✓ ✗ ? –, "status_label": words}. An unknown
// indicator whose threshold is not set is shown as "notset", hatched.
nlohmann::json status_view(Lang lang, Outcome o, std::string_view reason = {});
// A value as people read it: "có"/"không" for a yes/no measure, else the
// number in the language's format ("90,9").
std::string measure_value(Lang lang, const Measure& m, double v);
// The same for an indicator's value or threshold ("" when there is none):
// yes/no for an "= 1" indicator.
std::string indicator_value(Lang lang, const std::optional<double>& v, const Indicator& ind);
// An indicator's threshold with its operator (">= 85", "= có"); "" when none.
std::string threshold_label(Lang lang, const std::optional<double>& t, const Indicator& ind);
// {"plan_class": "plan-behind", "plan_symbol": "▼", "plan_label": words}.
nlohmann::json plan_state_view(Lang lang, PlanState s);
// Every plan state in display order (behind first), for legends and counts.
inline constexpr PlanState kPlanStates[] = {PlanState::kBehind,  PlanState::kAtRisk,
                                            PlanState::kOnTrack, PlanState::kAchieved,
                                            PlanState::kNoData,  PlanState::kNoPlan};
// Money in VND: "1.234.000 đ".
std::string format_vnd(Lang lang, int64_t v);
// A whole amount of VND typed as "1.200.000", "1 200 000" or "1200000";
// the error names `field`.
Result<int64_t> parse_vnd(const std::string& text, const std::string& field);
// People-facing names of owners: "department:SYT" -> "Sở Y tế",
// "sponsor:STC" -> the sponsor's name, "commune" -> "UBND xã".
class OwnerNames {
 public:
  // Departments of `province` (0: none; their codes are shown).
  OwnerNames(Store& store, int64_t province);
  // An owner key as written by owner_key(), or a conclusion link "kind:code".
  std::string operator()(Lang lang, const std::string& key) const;

 private:
  std::map<std::string, std::string> names_;  // key -> name
};
// The province a page works in for the reader on `at`: the reader's own; for
// the central office (and anyone without a province) ?province=CODE, else
// the first province in force.
Result<UnitVersion> working_province(AppState& app, const Request& r, Date at);

// Accounts as people read them: username -> "Lê Văn Hùng (so.yte)", or the
// username alone when no full name is recorded.
// Only the accounts of provinces `reader` reads (and the central office's).
std::map<std::string, std::string> people_names(Store& store, const User& reader);
// The file sent in form field `field`, when one was chosen (not empty), and
// in `name` its name without any directory the browser sent; else nullptr.
const UploadedFile* uploaded_file(const Request& r, std::string* name,
                                  const std::string& field = "file");
// A file to save (never cached): `format` is xlsx, csv or json, the name
// gets it as extension.
// The signed-in user's notifications, with the recognition dossiers' duties.
Result<std::vector<Notification>> user_notifications(AppState& app, const User& user);

Response download(std::string body, const std::string& format, const std::string& name);
// 0..20: a fraction in 5% steps, for the CSS classes w0..w20.
int meter_step(double fraction);
// Breadcrumbs: home, then each unit of `path`, then `current` (no link).
nlohmann::json breadcrumbs(const PageContext& c, const std::vector<UnitVersion>& path,
                           const std::string& current);
// The fields every unit page starts with: title, heading, breadcrumbs and
// the date / set / view controls submitting to `action`.
nlohmann::json page_header(const PageContext& c, const std::string& name,
                           const std::vector<UnitVersion>& path, const std::string& action);
// Band labels with their classes, for map legends.
nlohmann::json band_legend(Lang lang, const CriteriaSet& set);
// A set as a subtitle names it: "Bộ 2021-2025", "Bộ minh họa 2026-2030"
// (the years read from its name; its effective years when the name has none).
std::string set_short_label(Lang lang, const CriteriaSet& set);
// The English name in English when the set gives one, else the Vietnamese.
template <typename T>
std::string name_of(Lang lang, const T& item) {
  return lang == Lang::kEn && !item.name_en.empty() ? item.name_en : item.name_vi;
}
// An indicator without an English name reads as its measure's English name.
inline std::string name_of(Lang lang, const Indicator& ind) {
  if (lang != Lang::kEn) return ind.name_vi;
  return !ind.name_en.empty()           ? ind.name_en
         : !ind.measure_name_en.empty() ? ind.measure_name_en
                                        : ind.name_vi;
}
// A measure's unit in the reader's language ("triệu đồng/người/năm" ->
// "million VND/person/year"); units not known here are shown as written.
std::string unit_label(Lang lang, const std::string& unit);

}  // namespace ntm
