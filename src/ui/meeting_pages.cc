// GET /meetings, POST /meetings — steering-committee meetings; the office
// records one. GET /meetings/:id — the meeting, its conclusions with owners,
// deadlines and the owners' progress reports. POST /meetings/:id/conclusions
// — the office adds a conclusion. POST /conclusions/:id/report — an owner
// reports progress (the office may also close or reopen it).
#include "base/strings.h"
#include "service/coordination.h"
#include "service/scope.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

std::string link_label(AppState& app, const OwnerNames& owners, Lang lang, const ConclusionLink& l,
                       Date at) {
  if (l.kind == "department" || l.kind == "sponsor" || l.kind == "all_sponsors")
    return owners(lang, l.kind == "all_sponsors" ? l.kind : l.kind + ":" + l.code);
  if (l.kind == "unit" || l.kind == "commune") {
    const auto id = parse_id(l.code);
    if (id) {
      if (auto v = app.store().unit_version_at(*id, at); v.is_ok() && *v) return (**v).name;
    }
    return l.code;
  }
  return tr(lang, "col.criterion") + " " + l.code;
}

nlohmann::json conclusion_view(AppState& app, const PageContext& c, const Conclusion& k,
                               Date meeting_date) {
  const OwnerNames names(app.store(), k.province_id);
  nlohmann::json owners = nlohmann::json::array(), about = nlohmann::json::array();
  for (const ConclusionLink& l : k.links) {
    const std::string label = link_label(app, names, c.lang, l, meeting_date);
    (l.kind == "unit" || l.kind == "criterion" ? about : owners).push_back(label);
  }
  nlohmann::json reports = nlohmann::json::array();
  for (const ConclusionReport& rp : k.reports) {
    reports.push_back({{"date", format_date(c.lang, rp.date)},
                       {"author", rp.author},
                       {"owner", names(c.lang, rp.owner)},
                       {"progress", rp.progress},
                       {"text", rp.text}});
  }
  const bool mine = c.principal && owns(c.principal->first, k);
  return {{"id", k.id},
          {"position", k.position},
          {"text", k.text},
          {"owners", owners},
          {"about", about},
          {"deadline", k.deadline.empty() ? "" : format_date(c.lang, *Date::parse(k.deadline))},
          {"status", tr(c.lang, std::string("conclusion.") + conclusion_status_name(k.status))},
          {"status_code", conclusion_status_name(k.status)},
          {"overdue", conclusion_overdue(k, today_local())},
          {"reports", reports},
          {"may_report", mine},
          {"is_admin", c.principal && office_of(c.principal->first, k.province_id)}};
}

}  // namespace

Response meetings_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto meetings = app.store().meetings();
  auto conclusions = app.store().conclusions(0);
  if (!meetings.is_ok()) return error_page(app, c, meetings.status());
  if (!conclusions.is_ok()) return error_page(app, c, conclusions.status());
  nlohmann::json list = nlohmann::json::array();
  for (const Meeting& m : *meetings) {
    if (!reads_province(r.principal->first, m.province_id)) continue;
    int open = 0, total = 0, late = 0;
    for (const Conclusion& k : *conclusions) {
      if (k.meeting_id != m.id) continue;
      ++total;
      open += k.status != ConclusionStatus::kDone;
      late += conclusion_overdue(k, today_local());
    }
    list.push_back({{"href", "/meetings/" + std::to_string(m.id)},
                    {"date", format_date(c.lang, m.date)},
                    {"title", m.title},
                    {"chair", m.chair},
                    {"total", total},
                    {"open", open},
                    {"late", late ? std::to_string(late) : ""}});
  }
  nlohmann::json v = {{"page_title", tr(c.lang, "meeting.title")},
                      {"meetings", list},
                      {"is_admin", office_of(r.principal->first, r.principal->first.province_id)},
                      {"error", shown_error(r)},
                      {"today_iso", today_local().iso()}};
  return render_page(app, c, "meetings", v);
}

Response meeting_create(AppState& app, const Request& r) {
  auto date = Date::parse_typed(r.field("date"));
  if (!date.is_ok()) {
    return Response::redirect("/meetings?" +
                              error_query(r, "ngày họp: " + date.status().message()));
  }
  auto id = create_meeting(app.store(), r.principal->first,
                           {0, *date, std::string(trim(r.field("chair"))),
                            std::string(trim(r.field("title"))), r.field("minutes"), ""});
  if (!id.is_ok()) return Response::redirect("/meetings?" + error_query(r, id.status().message()));
  return Response::redirect("/meetings/" + std::to_string(*id));
}

Response meeting_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const auto id = parse_id(r.arg("id"));
  auto m = id ? app.store().meeting(*id) : Result<std::optional<Meeting>>(std::nullopt);
  if (!m.is_ok()) return error_page(app, c, m.status());
  if (!*m || !reads_province(r.principal->first, (**m).province_id))
    return error_page(app, c, Status::not_found("không có cuộc họp " + r.arg("id")));
  auto conclusions = app.store().conclusions((**m).id);
  if (!conclusions.is_ok()) return error_page(app, c, conclusions.status());
  nlohmann::json list = nlohmann::json::array();
  for (const Conclusion& k : *conclusions) list.push_back(conclusion_view(app, c, k, (**m).date));
  nlohmann::json owners = nlohmann::json::array();
  if (auto deps = app.store().departments((**m).province_id); deps.is_ok())
    for (const auto& [code, name] : *deps)
      owners.push_back({{"value", "department:" + code}, {"label", name + " (" + code + ")"}});
  if (auto sps = app.store().sponsors(); sps.is_ok())
    for (const Sponsor& s : *sps)
      if (s.province_id == (**m).province_id)
        owners.push_back({{"value", "sponsor:" + s.code}, {"label", s.name + " (" + s.code + ")"}});
  nlohmann::json v = {{"page_title", (**m).title},
                      {"title", (**m).title},
                      {"id", (**m).id},
                      {"date", format_date(c.lang, (**m).date)},
                      {"chair", (**m).chair},
                      {"minutes", (**m).minutes},
                      {"conclusions", list},
                      {"owner_options", owners},
                      {"is_admin", office_of(r.principal->first, (**m).province_id)},
                      {"error", shown_error(r)},
                      {"saved", !r.arg("saved").empty()}};
  return render_page(app, c, "meeting", v);
}

Response conclusion_create(AppState& app, const Request& r) {
  const auto id = parse_id(r.arg("id"));
  if (!id) return error_page(app, page_context(r), Status::not_found("không có cuộc họp"));
  const std::string back = "/meetings/" + std::to_string(*id);
  Conclusion k{.meeting_id = *id,
               .text = std::string(trim(r.field("text"))),
               .deadline = std::string(trim(r.field("deadline")))};
  // Owners: chosen departments/sponsors (one per line of the multi-select,
  // sent as "owner" fields joined by ','), every sponsor, the communes of the units.
  for (const std::string& o : split(r.field("owner"), ',')) {
    const size_t colon = o.find(':');
    if (colon != std::string::npos) k.links.push_back({o.substr(0, colon), o.substr(colon + 1)});
  }
  if (r.field("all_sponsors") == "1") k.links.push_back({"all_sponsors", ""});
  Date at = today_local();
  if (auto m = app.store().meeting(k.meeting_id); m.is_ok() && *m) at = (**m).date;
  for (const std::string& code : split(r.field("units"), ',')) {
    const std::string t(trim(code));
    if (t.empty()) continue;
    auto u = app.store().unit_at(t, at);
    if (!u.is_ok() || !*u) {
      return Response::redirect(back + "?" + error_query(r, "không có đơn vị mã \"" + t + "\""));
    }
    k.links.push_back({"unit", std::to_string((**u).unit_id)});
    if ((**u).level == Level::kCommune && r.field("communes_own") == "1")
      k.links.push_back({"commune", std::to_string((**u).unit_id)});
  }
  for (const std::string& crit : split(r.field("criteria"), ','))
    if (!trim(crit).empty()) k.links.push_back({"criterion", std::string(trim(crit))});
  auto added = add_conclusion(app.store(), r.principal->first, k);
  if (!added.is_ok())
    return Response::redirect(back + "?" + error_query(r, added.status().message()));
  return Response::redirect(back + "?saved=1#k-" + std::to_string(*added));
}

Response conclusion_report(AppState& app, const Request& r) {
  const auto id = parse_id(r.arg("id"));
  auto k = id ? app.store().conclusion(*id) : Result<std::optional<Conclusion>>(std::nullopt);
  if (!k.is_ok()) return error_page(app, page_context(r), k.status());
  if (!*k) return error_page(app, page_context(r), Status::not_found("không có kết luận này"));
  const std::string back = "/meetings/" + std::to_string((**k).meeting_id);
  const auto progress = parse_int(r.field("progress").empty() ? "0" : r.field("progress"), 0, 100);
  const auto close = parse_conclusion_status(r.field("close"));
  const Status s = !progress ? Status::invalid("tiến độ: nhập số từ 0 đến 100")
                             : report_on_conclusion(app.store(), r.principal->first, (**k).id,
                                                    static_cast<int>(*progress), r.field("text"),
                                                    close ? std::optional(*close) : std::nullopt);
  if (s.code() == ErrorCode::kPermissionDenied) return error_page(app, page_context(r), s);
  if (!s.is_ok()) return Response::redirect(back + "?" + error_query(r, s.message()));
  return Response::redirect(back + "?saved=1#k-" + std::to_string((**k).id));
}

}  // namespace ntm
