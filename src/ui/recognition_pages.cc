// Recognition on the public portal and the commune page: GET /cong-nhan
// (recognitions by year and title) and /cong-nhan.xlsx, GET|POST
// /cong-nhan/du-thao/:id (the published draft and residents' comments, no
// account), and POST /commune/:code/acknowledgement (the office's
// acknowledgement of a merged commune).
#include "base/strings.h"
#include "reports/recognition_reports.h"
#include "service/dossier.h"
#include "service/recognition.h"
#include "service/scope.h"
#include "ui/pages.h"
#include "ui/recognition_view.h"
#include "ui/view_helpers.h"

namespace ntm {

// GET /cong-nhan — the recognitions announced: by year, newest first.
Response recognitions_public(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto all = app.recognitions();
  auto book = app.recognition_book();
  if (!all.is_ok() || !book.is_ok())
    return error_page(app, c, all.is_ok() ? book.status() : all.status());
  std::map<int, nlohmann::json, std::greater<int>> by_year;
  for (const auto& [unit, list] : **all)
    for (const Recognition& rec : list) {
      const RecognitionTitle* t = (*book)->title(rec.title);
      auto& year = by_year[rec.year];
      if (year.is_null()) year = nlohmann::json::array();
      year.push_back(
          {{"name", rec.unit_name},
           {"href", "/commune/" + url_encode(rec.unit_code)},
           {"title", t ? t->name_vi : rec.title},
           {"decision", decision_text(c.lang, rec.decision_no, rec.decision_date)},
           {"revoked",
            rec.revoked_date ? decision_text(c.lang, rec.revoked_no, *rec.revoked_date) : ""}});
    }
  nlohmann::json years = nlohmann::json::array();
  for (auto& [year, rows] : by_year) years.push_back({{"year", year}, {"rows", rows}});
  nlohmann::json v = {{"page_title", tr(c.lang, "rec.public_title")}, {"years", years}};
  return render_page(app, c, "recognitions", v);
}

// GET /cong-nhan/du-thao/:id — the draft published for comments; POST: a comment.
Response draft_public(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const auto id = parse_id(r.arg("id")).value_or(0);
  auto d = app.store().dossier(id);
  if (!d.is_ok() || !*d || (**d).state != DossierState::kPreparing || (**d).revocation())
    return error_page(app, c, Status::not_found("không có dự thảo đang lấy ý kiến"));
  if (r.method == "POST") {
    // No account, so no session token: a form from another site is refused
    // by its Origin; every comment waits for moderation; rate limited.
    const std::string origin = r.header("origin");
    if (!origin.empty() && origin.find("://" + r.header("host")) == std::string::npos)
      return error_page(app, c, Status::forbidden("biểu mẫu không hợp lệ"));
    const Status s = add_comment(app.store(), id, r.field("name"), r.field("body"),
                                 client_address(r, app.trusted_proxies));
    const std::string back = "/cong-nhan/du-thao/" + std::to_string(id);
    if (!s.is_ok() && s.code() == ErrorCode::kTooMany) return error_page(app, c, s);
    return Response::redirect(back + "?" +
                              (s.is_ok() ? std::string("sent=1") : error_query(r, s.message())));
  }
  auto catalog = app.catalog();
  auto book = app.recognition_book();
  if (!catalog.is_ok() || !book.is_ok()) return error_page(app, c, catalog.status());
  auto ctx = dossier_context(app.store(), **catalog, **book, id);
  if (!ctx.is_ok()) return error_page(app, c, ctx.status());
  nlohmann::json criteria = nlohmann::json::array();
  for (const CriterionResult& cr : ctx->assessment.criteria) {
    nlohmann::json row = status_view(c.lang, cr.status);
    row.update({{"code", cr.criterion->code}, {"name", name_of(c.lang, *cr.criterion)}});
    criteria.push_back(row);
  }
  auto all = app.store().comments(id);
  if (!all.is_ok()) return error_page(app, c, all.status());
  nlohmann::json comments = nlohmann::json::array();
  for (const DossierComment& m : *all)
    if (m.status == "published")
      comments.push_back({{"name", m.name}, {"body", m.body}, {"answer", m.answer}});
  nlohmann::json v = {{"page_title", tr(c.lang, "dossier.draft_title") + " — " + (**d).unit_name},
                      {"unit", (**d).unit_name},
                      {"title", ctx->title ? ctx->title->name_vi : (**d).title},
                      {"assessed_on", format_date(c.lang, (**d).assessed_on)},
                      {"met", std::to_string(ctx->assessment.criteria_met) + "/" +
                                  std::to_string(ctx->assessment.criteria.size())},
                      {"criteria", criteria},
                      {"comments", comments},
                      {"sent", !r.arg("sent").empty()},
                      {"error", shown_error(r)},
                      {"action", "/cong-nhan/du-thao/" + std::to_string(id)}};
  return render_page(app, c, "draft", v);
}

// GET /cong-nhan.xlsx?year=Y&province=CODE — the list of recognitions, a
// sheet per year (public, like the list on the portal).
Response recognitions_xlsx(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto book = app.recognition_book();
  if (!book.is_ok()) return error_page(app, c, book.status());
  int64_t province = 0;
  if (!r.arg("province").empty()) {
    auto p = province_named(app.store(), r.arg("province"));
    if (!p.is_ok()) return error_page(app, c, p.status());
    province = *p;
  }
  const int year = static_cast<int>(parse_int(r.arg("year"), 0, 2100).value_or(0));
  auto report = recognitions_report(app.store(), **book, province, year, today_local());
  if (!report.is_ok()) return error_page(app, c, report.status());
  auto bytes = table_report_xlsx(*report);
  if (!bytes.is_ok()) return error_page(app, c, bytes.status());
  return download(*bytes, "xlsx", report->file_name);
}

Response acknowledge_submit(AppState& app, const Request& r) {
  const std::string code = r.arg("code");
  const std::string back = "/commune/" + url_encode(code);
  auto book = app.recognition_book();
  const auto on = Date::parse_typed(r.field("date"));
  if (!book.is_ok()) return error_page(app, page_context(r), book.status());
  if (!on.is_ok())
    return Response::redirect(
        back + "?" + error_query(r, "Ngày thừa nhận: " + on.status().message()) + "#thua-nhan");
  auto id = acknowledge_merged(app.store(), **book, r.principal->first, code, r.field("title"),
                               r.field("number"), *on, r.field("note"));
  if (!id.is_ok())
    return Response::redirect(back + "?" + error_query(r, id.status().message()) + "#thua-nhan");
  return Response::redirect(back + "?at=" + on->iso() + "#thua-nhan");
}

}  // namespace ntm
