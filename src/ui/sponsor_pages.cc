// GET /sponsors — sponsor units and their commitments (the user's scope);
// POST /sponsors — the office records a sponsor and a commitment.
// GET /sponsors/:code — one sponsor: commitments, the ledger of support
// delivered, six-monthly review duties. POST /sponsors/delivery and
// POST /sponsors/review — the sponsor (or the office) records them.
#include "base/strings.h"
#include "service/coordination.h"
#include "service/scope.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {

namespace {

nlohmann::json commitment_view(const PageContext& c, const SponsorshipView& s, bool may_act) {
  const Sponsorship& sp = s.sponsorship;
  nlohmann::json deliveries = nlohmann::json::array(), duties = nlohmann::json::array();
  for (const Delivery& d : s.deliveries) {
    deliveries.push_back({{"date", format_date(c.lang, d.date)},
                          {"money", d.money ? format_vnd(c.lang, d.money) : ""},
                          {"in_kind", d.in_kind},
                          {"description", d.description},
                          {"by", d.recorded_by}});
  }
  for (const ReviewDuty& d : s.duties) {
    duties.push_back({{"due", format_date(c.lang, d.due)},
                      {"due_iso", d.due.iso()},
                      {"done", d.done.has_value()},
                      {"done_date", d.done ? format_date(c.lang, d.done->done) : ""},
                      {"findings", d.done ? d.done->findings : ""},
                      {"overdue", d.overdue},
                      {"open", !d.done && d.due <= c.opts.at.add_days(kDueSoonDays)}});
  }
  const double share =
      sp.money_pledged ? static_cast<double>(s.money_delivered) / sp.money_pledged : 0;
  return {{"id", sp.id},
          {"sponsor", sp.sponsor},
          {"sponsor_name", s.sponsor_name},
          {"sponsor_href", "/sponsors/" + url_encode(sp.sponsor)},
          {"unit", s.unit ? s.unit->name : ""},
          {"unit_href", s.unit ? unit_link(c, *s.unit) : ""},
          {"since", format_date(c.lang, sp.since)},
          {"until", sp.until == Date::max() ? "" : format_date(c.lang, sp.until)},
          {"program", sp.program},
          {"tasks", sp.tasks},
          {"pledged", format_vnd(c.lang, sp.money_pledged)},
          {"in_kind_pledged", sp.in_kind_pledged},
          {"delivered", format_vnd(c.lang, s.money_delivered)},
          {"share", format_num(c.lang, 100 * share, 0) + "%"},
          {"step", meter_step(share)},
          {"deliveries", deliveries},
          {"duties", duties},
          {"may_act", may_act}};
}

Response render_sponsors(AppState& app, const Request& r, const std::string& sponsor) {
  const PageContext c = page_context(r);
  const User& me = r.principal->first;
  auto views = sponsorship_views(app.store(), &me, sponsor, 0, c.opts.at);
  if (!views.is_ok()) return error_page(app, c, views.status());
  nlohmann::json list = nlohmann::json::array();
  int64_t pledged = 0, delivered = 0;
  int overdue = 0;
  for (const SponsorshipView& s : *views) {
    list.push_back(commitment_view(c, s, may_act_for_sponsorship(me, s.sponsorship)));
    pledged += s.sponsorship.money_pledged;
    delivered += s.money_delivered;
    for (const ReviewDuty& d : s.duties) overdue += d.overdue;
  }
  nlohmann::json v = {{"commitments", list},
                      {"total_pledged", format_vnd(c.lang, pledged)},
                      {"total_delivered", format_vnd(c.lang, delivered)},
                      {"reviews_overdue", overdue ? std::to_string(overdue) : ""},
                      {"is_admin", office_of(me, me.province_id)},
                      {"error", shown_error(r)},
                      {"saved", !r.arg("saved").empty()},
                      {"today_iso", today_local().iso()}};
  if (sponsor.empty()) {
    v["page_title"] = tr(c.lang, "sponsor.title");
    v["heading"] = tr(c.lang, "sponsor.title");
  } else {
    auto found = app.store().sponsor(sponsor);
    if (!found.is_ok()) return error_page(app, c, found.status());
    // Another province's sponsor with nothing here the reader may see: unknown.
    if (!*found ||
        (views->empty() && !reads_province(me, (**found).province_id) && me.sponsor != sponsor))
      return error_page(app, c, Status::not_found("không có đơn vị đỡ đầu " + sponsor));
    v["page_title"] = (**found).name;
    v["heading"] = (**found).name;
    v["one"] = true;
    v["code"] = sponsor;
  }
  return render_page(app, c, "sponsors", v);
}

Response back_to(const Request& r, const Status& s) {
  const std::string page = local_path(r.field("next").empty() ? "/sponsors" : r.field("next"));
  const char sep = page.find('?') == std::string::npos ? '?' : '&';
  return Response::redirect(page + sep + (s.is_ok() ? "saved=1" : error_query(r, s.message())));
}

}  // namespace

Response sponsors_page(AppState& app, const Request& r) { return render_sponsors(app, r, ""); }

Response sponsor_page(AppState& app, const Request& r) {
  return render_sponsors(app, r, r.arg("code"));
}

Response sponsors_add(AppState& app, const Request& r) {
  const std::string code(trim(r.field("code"))), name(trim(r.field("name")));
  auto since = Date::parse_typed(r.field("since"));
  auto pledged = parse_vnd(r.field("money"), "tiền cam kết");
  auto unit = since.is_ok() ? app.store().unit_at(std::string(trim(r.field("unit"))), *since)
                            : Result<std::optional<UnitVersion>>(std::nullopt);
  Status s = code.empty() || name.empty() ? Status::invalid("cần mã và tên đơn vị đỡ đầu")
             : !since.is_ok()   ? Status::invalid("từ ngày: " + since.status().message())
             : !pledged.is_ok() ? pledged.status()
             : !unit.is_ok()    ? unit.status()
             : !*unit ? Status::invalid("không có đơn vị mã \"" + r.field("unit") + "\"")
                      : Status::ok();
  if (s.is_ok()) {
    s = commit_sponsorship(
            app.store(), r.principal->first, {code, name},
            {0, code, (**unit).unit_id, *since, Date::max(), std::string(trim(r.field("program"))),
             std::string(trim(r.field("tasks"))), *pledged, std::string(trim(r.field("in_kind")))},
            (**unit).name)
            .status();
  }
  return back_to(r, s);
}

Response delivery_submit(AppState& app, const Request& r) {
  const auto id = parse_id(r.field("sponsorship"));
  auto date = Date::parse_typed(r.field("date"));
  auto money = parse_vnd(r.field("money"), "số tiền");
  Status s = !id             ? Status::invalid("thiếu cam kết đỡ đầu")
             : !date.is_ok() ? Status::invalid("ngày: " + date.status().message())
             : !money.is_ok()
                 ? money.status()
                 : record_delivery(app.store(), r.principal->first,
                                   {0, *id, *date, *money, std::string(trim(r.field("in_kind"))),
                                    std::string(trim(r.field("description"))), ""});
  if (s.code() == ErrorCode::kPermissionDenied || s.code() == ErrorCode::kNotFound)
    return error_page(app, page_context(r), s);
  return back_to(r, s);
}

Response review_submit(AppState& app, const Request& r) {
  const auto id = parse_id(r.field("sponsorship"));
  auto due = Date::parse_typed(r.field("due"));
  Status s =
      !id ? Status::invalid("thiếu cam kết đỡ đầu")
      : !due.is_ok()
          ? Status::invalid("kỳ rà soát: " + due.status().message())
          : record_review(app.store(), r.principal->first,
                          {*id, *due, today_local(), std::string(trim(r.field("findings"))), ""});
  if (s.code() == ErrorCode::kPermissionDenied || s.code() == ErrorCode::kNotFound)
    return error_page(app, page_context(r), s);
  return back_to(r, s);
}

}  // namespace ntm
