#include "ui/view_helpers.h"

#include <cmath>
#include <regex>

#include "rules/engine.h"
#include "service/scope.h"

namespace ntm {

nlohmann::json status_view(Lang lang, Outcome o, std::string_view reason) {
  if (o == Outcome::kUnknown && reason == kReasonThresholdNotSet) {
    return {{"status", "notset"}, {"symbol", "–"}, {"status_label", tr(lang, "status.not_set")}};
  }
  if (o == Outcome::kUnknown && reason == kReasonIncompleteSet) {
    return {{"status", "notset"}, {"symbol", "–"}, {"status_label", reason_label(lang, reason)}};
  }
  const char* symbol = o == Outcome::kMet ? "✓" : o == Outcome::kNotMet ? "✗" : "?";
  return {
      {"status", outcome_name(o)}, {"symbol", symbol}, {"status_label", outcome_label(lang, o)}};
}

std::string measure_value(Lang lang, const Measure& m, double v) {
  if (m.type == MeasureType::kBoolean) return tr(lang, v == 1 ? "value.yes" : "value.no");
  return format_num(lang, v, 2);
}

std::string indicator_value(Lang lang, const std::optional<double>& v, const Indicator& ind) {
  if (!v) return "";
  if (ind.op == Op::kEq && (*v == 0 || *v == 1))
    return tr(lang, *v == 1 ? "value.yes" : "value.no");
  return format_num(lang, *v, 2);
}

std::string threshold_label(Lang lang, const std::optional<double>& t, const Indicator& ind) {
  return t ? std::string(op_symbol(ind.op)) + " " + indicator_value(lang, t, ind) : "";
}

nlohmann::json plan_state_view(Lang lang, PlanState s) {
  const char* symbol = s == PlanState::kAchieved  ? "★"
                       : s == PlanState::kOnTrack ? "●"
                       : s == PlanState::kAtRisk  ? "▲"
                       : s == PlanState::kBehind  ? "▼"
                       : s == PlanState::kNoData  ? "?"
                                                  : "–";
  const std::string name = plan_state_name(s);
  std::string css = name;
  std::replace(css.begin(), css.end(), '_', '-');
  return {{"plan_class", "plan-" + css},
          {"plan_symbol", symbol},
          {"plan_label", tr(lang, "plan." + name)}};
}

std::string format_vnd(Lang lang, int64_t v) {
  return format_num(lang, static_cast<double>(v), 0) + " đ";
}

// A whole amount of VND typed as "1.200.000", "1 200 000" or "1200000".
Result<int64_t> parse_vnd(const std::string& text, const std::string& field) {
  std::string digits;
  for (char ch : text) {
    if (ch >= '0' && ch <= '9') {
      digits += ch;
    } else if (ch != '.' && ch != ',' && ch != ' ') {
      return Status::invalid(field + ": nhập số tiền (đồng), ví dụ 1.200.000");
    }
  }
  if (digits.size() > 15) return Status::invalid(field + ": số tiền quá lớn");
  return digits.empty() ? 0 : std::stoll(digits);
}

OwnerNames::OwnerNames(Store& store, int64_t province) {
  if (auto deps = store.departments(province); deps.is_ok())
    for (const auto& [code, name] : *deps) names_["department:" + code] = name;
  if (auto sponsors = store.sponsors(); sponsors.is_ok())
    for (const Sponsor& s : *sponsors) names_["sponsor:" + s.code] = s.name;
}

Result<UnitVersion> working_province(AppState& app, const Request& r, Date at) {
  const User* u = r.principal ? &r.principal->first : nullptr;
  if (u && u->province_id) {
    if (auto v = TRY(app.store().unit_version_at(u->province_id, at))) return *v;
    if (auto v = TRY(app.store().unit_version_at(u->province_id, today_local()))) return *v;
  }
  const std::string asked = r.arg("province");
  for (const UnitVersion& p : TRY(app.store().top_level_units(at)))
    if (asked.empty() || p.code == asked) return p;
  return Status::not_found(asked.empty() ? "chưa có đơn vị hành chính"
                                         : "không có tỉnh mã \"" + asked + "\"");
}

std::string OwnerNames::operator()(Lang lang, const std::string& key) const {
  if (key == "commune") return tr(lang, "work.owner_commune_short");
  if (key == "office") return tr(lang, "app.office");
  if (key == "all_sponsors") return tr(lang, "meeting.all_sponsors");
  const auto it = names_.find(key);
  return it != names_.end() ? it->second : key.substr(key.find(':') + 1);
}

Result<std::vector<Notification>> user_notifications(AppState& app, const User& user) {
  const auto duties = TRY(app.dossier_duties());
  return notifications_for(app.store(), user, today_local(), duties.get());
}

Response download(std::string body, const std::string& format, const std::string& name) {
  const std::string type = format == "xlsx"
                               ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                           : format == "csv" ? "text/csv; charset=utf-8"
                           : format == "zip" ? "application/zip"
                                             : "application/json";
  Response res{200, type, std::move(body), {}};
  res.headers.push_back(
      {"Content-Disposition", "attachment; filename=\"" + name + "." + format + "\""});
  res.headers.push_back({"Cache-Control", "private, no-store"});
  return res;
}

int meter_step(double fraction) {
  return static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * 20));
}

nlohmann::json breadcrumbs(const PageContext& c, const std::vector<UnitVersion>& path,
                           const std::string& current) {
  nlohmann::json out = nlohmann::json::array();
  out.push_back({{"name", tr(c.lang, "app.home")}, {"href", link(c, "/")}});
  for (const UnitVersion& u : path) out.push_back({{"name", u.name}, {"href", unit_link(c, u)}});
  out.push_back({{"name", current}, {"href", nullptr}});
  return out;
}

nlohmann::json page_header(const PageContext& c, const std::string& name,
                           const std::vector<UnitVersion>& path, const std::string& action) {
  return {{"page_title", name},
          {"name", name},
          {"breadcrumbs", breadcrumbs(c, path, name)},
          {"show_controls", true},
          {"controls_action", action}};
}

nlohmann::json band_legend(Lang lang, const CriteriaSet& set) {
  nlohmann::json out = nlohmann::json::array();
  for (size_t i = 0; i < set.bands.size(); ++i) {
    out.push_back({{"css", "band" + std::to_string(i)}, {"label", set.bands[i].label}});
  }
  out.push_back({{"css", "na"}, {"label", tr(lang, "dash.map_na")}});
  return out;
}

std::map<std::string, std::string> people_names(Store& store, const User& reader) {
  std::map<std::string, std::string> out;
  if (auto users = store.users(); users.is_ok())
    for (const User& u : *users)
      if (reads_province(reader, u.province_id) || u.province_id == 0)
        out[u.username] = u.full_name.empty() ? u.username : u.full_name + " (" + u.username + ")";
  return out;
}

std::string unit_label(Lang lang, const std::string& unit) {
  if (lang != Lang::kEn) return unit;
  static const std::map<std::string, std::string> kEnglish = {
      {"người", "people"},
      {"hộ", "households"},
      {"triệu đồng/người/năm", "million VND/person/year"},
      {"triệu đồng", "million VND"},
      {"đồng", "VND"},
      {"km", "km"},
      {"xã", "communes"},
      {"thôn", "villages"}};
  const auto it = kEnglish.find(unit);
  return it != kEnglish.end() ? it->second : unit;
}

std::string set_short_label(Lang lang, const CriteriaSet& set) {
  static const std::regex kYears(R"((\d{4}) *- *(\d{4}))");
  std::smatch m;
  const std::string years = std::regex_search(set.name_vi, m, kYears) ? m.str(1) + "-" + m.str(2)
                            : set.effective_to == Date::max()
                                ? std::to_string(set.effective_from.year())
                                : std::to_string(set.effective_from.year()) + "-" +
                                      std::to_string(set.effective_to.year());
  if (lang == Lang::kEn) return (set.illustrative ? "illustrative " : "") + years + " set";
  return (set.illustrative ? "Bộ minh họa " : "Bộ ") + years;
}

const UploadedFile* uploaded_file(const Request& r, std::string* name, const std::string& field) {
  const auto file = r.files.find(field);
  if (file == r.files.end() || file->second.data.empty()) return nullptr;
  *name = file->second.filename.substr(file->second.filename.find_last_of("/\\") + 1);
  return &file->second;
}

}  // namespace ntm
