#include "ui/portal_view.h"

#include "base/strings.h"
#include "service/scope.h"
#include "ui/view_helpers.h"

namespace ntm {

std::string category_label(Lang lang, const std::string& category) {
  return tr(lang, "portal.cat." + category);
}

nlohmann::json article_card(const PageContext& c, const Article& a) {
  nlohmann::json j = {{"title", a.title},
                      {"summary", a.summary},
                      {"href", "/bai-viet/" + a.slug},
                      {"date", format_timestamp(c.lang, a.publish_at)},
                      {"datetime", a.publish_at},
                      {"category", category_label(c.lang, a.category)},
                      {"category_href", "/chuyen-muc/" + a.category}};
  if (a.cover_file_id) j["cover"] = "/tep-bai-viet/" + std::to_string(a.cover_file_id);
  return j;
}

std::string absolute_url(AppState& app, const std::string& path) { return app.public_url + path; }

void set_page_meta(AppState& app, nlohmann::json& view, const std::string& path,
                   const std::string& title, const std::string& description,
                   const std::string& type, const std::string& image) {
  view["canonical"] = absolute_url(app, path);
  view["og_title"] = title;
  view["og_type"] = type;
  view["description"] = truncate_words(description, 300);
  if (!image.empty()) view["og_image"] = absolute_url(app, image);
}

Result<Portal> portal_of(AppState& app, const Request& r) {
  const std::string code = r.arg("province");
  const Date today = today_local();
  if (!code.empty()) {
    const auto v = TRY(app.store().unit_at(code, today));
    if (!v || v->level != Level::kProvince)
      return Status::not_found("không có tỉnh, thành phố mã \"" + code + "\"");
    return Portal{v->unit_id, "/tinh/" + code, code, v->name};
  }
  if (TRY(app.store().provinces_in_force(today)).size() > 1) return Portal{0, "", "", ""};
  return Portal{};
}

Result<Portal> portal_of_province(AppState& app, int64_t province) {
  const Date today = today_local();
  if (TRY(app.store().provinces_in_force(today)).size() <= 1) return Portal{};
  if (province == 0) return Portal{0, "", "", ""};
  const auto v = TRY(app.store().unit_version_at(province, today));
  if (!v) return Portal{0, "", "", ""};  // a province no longer in force
  return Portal{province, "/tinh/" + url_encode(v->code), v->code, v->name};
}

void set_portal(nlohmann::json& view, const Portal& p) {
  view["portal_prefix"] = p.prefix;
  view["portal_name"] = p.name;
}

int64_t province_of_code(AppState& app, const std::string& code) {
  const Date today = today_local();
  if (code.empty()) {
    auto top = app.store().top_level_units(today);
    return top.is_ok() && !top->empty() ? top->front().unit_id : 0;
  }
  auto unit = app.store().unit_at(code, today);
  if (!unit.is_ok() || !*unit) return 0;
  return province_or_zero(app.store(), (**unit).unit_id);
}

Result<PublicProgress> current_public_progress(AppState& app, const std::string& code) {
  const auto snap = app.published_snapshot(province_of_code(app, code));
  if (snap && (code.empty() || code == snap->unit_code)) return parse_progress_payload(*snap);
  std::string unit = code;
  EvaluateOptions opts{today_local(), "", true};
  if (unit.empty()) {
    for (const UnitVersion& p : TRY(app.store().top_level_units(opts.at))) {
      auto ov = app.overview(p.code, opts);
      if (ov.is_ok() && !(**ov).units.empty()) {
        unit = p.code;
        break;
      }
    }
    if (unit.empty()) return Status::not_found("chưa có số liệu tiến độ");
  }
  const auto ov = TRY(app.overview(unit, opts));
  return public_progress(*ov);
}

nlohmann::json progress_headline(const PageContext& c, const PublicProgress& p) {
  const double share = p.units ? static_cast<double>(p.title_met) / p.units : 0;
  return {{"unit_name", p.unit_name},
          {"unit_code", p.unit_code},
          {"units", std::to_string(p.units)},
          {"title_met", std::to_string(p.title_met)},
          {"share", format_num(c.lang, 100 * share) + "%"},
          {"step", meter_step(share)},
          {"average", format_num(c.lang, p.average)},
          {"as_of", format_date(c.lang, p.as_of)},
          {"snapshot_id", p.snapshot_id ? std::to_string(p.snapshot_id) : ""},
          {"taken_at", p.snapshot_id ? format_timestamp(c.lang, p.taken_at) : ""},
          {"mode_label",
           tr(c.lang, p.snapshot_id ? "portal.progress_snapshot" : "portal.progress_live")}};
}

void cap_to_published(AppState& app, PageContext& c, const std::string& code) {
  const auto snap = app.published_snapshot(province_of_code(app, code));
  if (c.principal || !snap) return;
  const auto as_of = Date::parse(snap->as_of);
  if (!as_of.is_ok()) return;
  if (c.opts.at > *as_of) c.opts.at = *as_of;
  std::string note = tr(c.lang, "portal.progress_capped");
  c.published_note = note.replace(note.find("{date}"), 6, format_date(c.lang, *as_of));
}

}  // namespace ntm
