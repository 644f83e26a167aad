// Recognition dossiers on the web: GET /dossiers (the list of the reader's
// scope, with the forms to open one), GET /dossiers/:id (state, checklist
// and each step's form for whoever may act), the POSTs of each step and a
// dossier's file. The public pages are in recognition_pages.cc.
#include <functional>

#include "base/strings.h"
#include "base/xlsx.h"
#include "reports/recognition_reports.h"
#include "service/dossier.h"
#include "service/evidence.h"
#include "service/scope.h"
#include "service/workflow.h"
#include "ui/pages.h"
#include "ui/recognition_view.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

std::string trimmed(std::string_view s) { return std::string(trim(s)); }

std::string state_label(Lang lang, const Dossier& d, DossierState s) {
  const bool revoke = d.revocation() && s != DossierState::kClosed;
  return tr(lang,
            std::string(revoke ? "dossier.rstate_" : "dossier.state_") + dossier_state_name(s));
}

// The dossier if the reader may see it; not found otherwise (no hint).
Result<Dossier> readable(AppState& app, const Request& r) {
  const auto id = parse_id(r.arg("id"));
  auto d = id ? TRY(app.store().dossier(*id)) : std::optional<Dossier>();
  if (!d || !TRY(may_read_dossier(app.store(), r.principal->first, *d)))
    return Status::not_found("không có hồ sơ " + r.arg("id"));
  return *d;
}

std::string back(const Request& r) { return "/dossiers/" + r.arg("id"); }

Response after(const Request& r, const Status& s) {
  if (!s.is_ok()) return Response::redirect(back(r) + "?" + error_query(r, s.message()));
  return Response::redirect(back(r) + "?saved=1");
}

int number_field(const Request& r, const std::string& name) {
  return static_cast<int>(parse_int(trimmed(r.field(name)), 0, 1000000).value_or(-1));
}

// The steps' POSTs share this: what the form sent, to its use case.
Response dossier_step(AppState& app, const Request& r, const std::string& step);

}  // namespace

Response dossiers_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const User& u = r.principal->first;
  auto list = u.role == Role::kCommune ? app.store().dossiers(u.unit_id, 0)
                                       : app.store().dossiers(0, is_central(u) ? 0 : u.province_id);
  if (!list.is_ok()) return error_page(app, c, list.status());
  nlohmann::json rows = nlohmann::json::array();
  for (const Dossier& d : *list) {
    // The list shows what the reader may open (sponsors none).
    const auto may = may_read_dossier(app.store(), u, d);
    if (!may.is_ok() || !*may) continue;
    rows.push_back({{"href", "/dossiers/" + std::to_string(d.id)},
                    {"id", d.id},
                    {"unit", d.unit_name},
                    {"kind", tr(c.lang, "dossier.kind_" + d.kind)},
                    {"title", d.title},
                    {"year", d.year},
                    {"state", state_label(c.lang, d, d.state)},
                    {"returned", d.returned_reason}});
  }
  nlohmann::json v = {{"page_title", tr(c.lang, "dossier.list_title")},
                      {"dossiers", rows},
                      {"error", shown_error(r)},
                      {"may_open", u.role == Role::kCommune || u.role == Role::kAdmin},
                      {"may_revoke", u.role == Role::kAdmin},
                      {"is_commune", u.role == Role::kCommune},
                      {"year", today_local().year()},
                      {"at_default", today_local().iso()},
                      // The dashboard's upkeep list links here for a revocation.
                      {"revoke_unit", r.arg("revoke")},
                      {"revoke_title", r.arg("title").empty() ? "NTM" : r.arg("title")},
                      {"revoke_at", r.arg("at").empty() ? today_local().iso() : r.arg("at")}};
  return render_page(app, c, "dossiers", v);
}

namespace {

// The forms that open a dossier: the assessment date and the rules read,
// then the new dossier's page, or the list with the reason.
Response open_with(
    AppState& app, const Request& r,
    const std::function<Result<int64_t>(const Catalog&, const RecognitionBook&, Date)>& open) {
  auto catalog = app.catalog();
  auto book = app.recognition_book();
  const auto at = Date::parse_typed(r.field("at"));
  if (!catalog.is_ok() || !book.is_ok() || !at.is_ok())
    return Response::redirect(
        "/dossiers?" + error_query(r, at.is_ok() ? "không đọc được quy định"
                                                 : "Ngày đánh giá: " + at.status().message()));
  auto id = open(**catalog, **book, *at);
  if (!id.is_ok()) return Response::redirect("/dossiers?" + error_query(r, id.status().message()));
  return Response::redirect("/dossiers/" + std::to_string(*id));
}

}  // namespace

Response dossier_open(AppState& app, const Request& r) {
  const User& u = r.principal->first;
  return open_with(app, r, [&](const Catalog& catalog, const RecognitionBook& book, Date at) {
    std::string code = trimmed(r.field("unit"));
    if (u.role == Role::kCommune) {  // the officer's own commune on that day
      auto unit = app.store().unit_version_at(u.unit_id, at);
      if (unit.is_ok() && *unit) code = (**unit).code;
    }
    return open_dossier(app.store(), catalog, book, u, code, trimmed(r.field("title")),
                        number_field(r, "year"), at);
  });
}

Response revocation_open(AppState& app, const Request& r) {
  return open_with(app, r, [&](const Catalog& catalog, const RecognitionBook& book, Date at) {
    return open_revocation(app.store(), catalog, book, r.principal->first, trimmed(r.field("unit")),
                           trimmed(r.field("title")), at);
  });
}

namespace {

// Everything the dossier page shows, for whoever reads it.
Result<nlohmann::json> dossier_view(AppState& app, const PageContext& c, const User& u,
                                    const DossierContext& ctx,
                                    const std::vector<CheckItem>& checks) {
  Store& s = app.store();
  const Dossier* d = &ctx.dossier;
  const bool preparer = TRY(may_enter(s, u, d->unit_id));
  const bool office = office_of(u, ctx.province);
  const bool preparing = d->state == DossierState::kPreparing;
  nlohmann::json v;
  const bool revoke = d->revocation();
  v["revocation"] = revoke;
  v["page_title"] =
      tr(c.lang, revoke ? "dossier.revocation_title" : "dossier.title") + " — " + d->unit_name;
  v["id"] = d->id;
  v["unit"] = d->unit_name;
  v["unit_href"] = "/commune/" + url_encode(d->unit_code) + "?at=" + d->assessed_on.iso();
  v["title"] = ctx.title ? ctx.title->name_vi : d->title;
  v["year"] = d->year;
  v["assessed_on"] = format_date(c.lang, d->assessed_on);
  v["rules"] = ctx.rules->name_vi;
  v["state"] = state_label(c.lang, *d, d->state);
  v["closed"] = d->state == DossierState::kClosed;
  v["returned"] = d->returned_reason;
  if (revoke && ctx.recognition)
    v["revokes"] =
        (ctx.title ? ctx.title->name_vi : d->title) + " — " +
        decision_text(c.lang, ctx.recognition->decision_no, ctx.recognition->decision_date);
  nlohmann::json steps = nlohmann::json::array();
  for (DossierState st : {DossierState::kPreparing, DossierState::kSubmitted,
                          DossierState::kAppraised, DossierState::kVoted, DossierState::kDecided})
    steps.push_back({{"label", state_label(c.lang, *d, st)},
                     {"current", st == d->state},
                     {"done", static_cast<int>(st) < static_cast<int>(d->state)}});
  v["steps"] = steps;
  nlohmann::json items = nlohmann::json::array();
  for (const CheckItem& ci : checks)
    items.push_back(
        {{"label", ci.label},
         {"css", ci.state == CheckState::kOk        ? "met"
                 : ci.state == CheckState::kMissing ? "not_met"
                                                    : "unknown"},
         {"state", tr(c.lang, std::string("dossier.check_") + check_state_name(ci.state))},
         {"detail", ci.detail}});
  v["checks"] = items;
  nlohmann::json postings = nlohmann::json::array();
  for (const DossierPosting& p : TRY(s.postings(d->id)))
    postings.push_back({{"place", p.place}, {"date", format_date(c.lang, p.posted_on)}});
  v["postings"] = postings;
  nlohmann::json places = nlohmann::json::array();
  for (const std::string& p : ctx.rules->postings.places) places.push_back(p);
  v["places"] = places;
  const SurveyRates rates = survey_rates(TRY(s.survey(d->id)));
  nlohmann::json qs = nlohmann::json::array();
  for (const auto& [q, pct] : rates.questions)
    qs.push_back({{"question", q}, {"pct", format_num(c.lang, pct) + "%"}});
  v["survey_questions"] = qs;
  v["survey_asked"] = std::to_string(rates.asked) + "/" + std::to_string(rates.households);
  nlohmann::json declarations = nlohmann::json::array(), documents = nlohmann::json::array();
  for (const RecognitionCondition& cond : ctx.rules->conditions)
    if (cond.kind == "declaration" &&
        (cond.titles.empty() || std::count(cond.titles.begin(), cond.titles.end(), d->title))) {
      declarations.push_back({{"code", cond.code}, {"label", cond.name_vi}});
      if (cond.evidence) documents.push_back({{"code", cond.code}, {"label", cond.name_vi}});
    }
  for (const RequiredDocument& doc : ctx.rules->documents)
    if (!doc.generated && !revoke)
      documents.push_back({{"code", doc.code}, {"label", doc.name_vi}});
  if (revoke) {
    declarations = nlohmann::json::array();
    documents = {{{"code", "explanation"}, {"label", tr(c.lang, "dossier.explanation")}}};
  }
  v["declarations"] = declarations;
  v["documents"] = documents;
  nlohmann::json files = nlohmann::json::array();
  for (const DossierFile& f : TRY(s.dossier_files(d->id)))
    files.push_back(
        {{"document", f.document},
         {"name", f.original_name},
         {"href", "/dossiers/" + std::to_string(d->id) + "/files/" + std::to_string(f.id)}});
  v["files"] = files;
  nlohmann::json comments = nlohmann::json::array();
  for (const DossierComment& m : TRY(s.comments(d->id)))
    comments.push_back({{"id", m.id},
                        {"name", m.name},
                        {"body", m.body},
                        {"status", tr(c.lang, "dossier.comment_" + m.status)},
                        {"answer", m.answer}});
  v["comments"] = comments;
  v["draft_href"] = "/cong-nhan/du-thao/" + std::to_string(d->id);
  // Appraisal: each criterion, its department and verdict.
  std::map<std::string, DossierAppraisal> verdicts;
  for (const DossierAppraisal& a : TRY(s.appraisals(d->id))) verdicts[a.criterion] = a;
  const auto deps = TRY(appraised_criteria(s, ctx));
  nlohmann::json criteria = nlohmann::json::array();
  for (const CriterionResult& cr : ctx.assessment.criteria) {
    if (!deps.count(cr.criterion->code)) continue;
    const std::string dep = deps.at(cr.criterion->code);
    const auto it = verdicts.find(cr.criterion->code);
    const bool mine = office || (u.role == Role::kDepartment && u.province_id == ctx.province &&
                                 u.department == dep);
    nlohmann::json row = status_view(c.lang, cr.status);
    row.update({{"code", cr.criterion->code},
                {"name", name_of(c.lang, *cr.criterion)},
                {"department", dep},
                {"verdict",
                 it == verdicts.end() ? "" : tr(c.lang, "dossier.verdict_" + it->second.verdict)},
                {"note", it == verdicts.end() ? "" : it->second.note},
                {"may_appraise", mine && d->state == DossierState::kSubmitted &&
                                     (it == verdicts.end() || it->second.verdict != "agree")}});
    criteria.push_back(row);
  }
  v["criteria"] = criteria;
  const bool open = d->state != DossierState::kDecided && d->state != DossierState::kClosed;
  v["may_prepare"] = preparer && preparing && !revoke;
  v["may_upload"] = preparer && preparing;
  v["may_submit"] = (revoke ? office : preparer) && preparing;
  v["may_moderate"] = preparer && !revoke;
  v["may_vote"] = office && d->state == DossierState::kAppraised;
  v["may_decide"] = office && d->state == DossierState::kVoted;
  v["may_return"] = office && !preparing && open;
  v["may_close"] = office && open;
  v["report_href"] = "/dossiers/" + std::to_string(d->id) + "/report";
  v["today_iso"] = today_local().iso();
  if (auto vote = s.vote(d->id); vote.is_ok() && *vote)
    v["vote"] = std::to_string((**vote).agree) + "/" + std::to_string((**vote).present) + " (" +
                format_date(c.lang, (**vote).met_on) + ")";
  if (ctx.recognition && !revoke && d->state == DossierState::kDecided)
    v["decision"] =
        decision_text(c.lang, ctx.recognition->decision_no, ctx.recognition->decision_date);
  if (ctx.recognition && revoke && ctx.recognition->revoked_date)
    v["revoked"] =
        decision_text(c.lang, ctx.recognition->revoked_no, *ctx.recognition->revoked_date);
  return v;
}

}  // namespace

Response dossier_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto d = readable(app, r);
  if (!d.is_ok()) return error_page(app, c, d.status());
  auto catalog = app.catalog();
  auto book = app.recognition_book();
  if (!catalog.is_ok() || !book.is_ok())
    return error_page(app, c, catalog.is_ok() ? book.status() : catalog.status());
  auto ctx = dossier_context(app.store(), **catalog, **book, d->id);
  if (!ctx.is_ok()) return error_page(app, c, ctx.status());
  auto checks = check_dossier(app.store(), *ctx);
  if (!checks.is_ok()) return error_page(app, c, checks.status());
  auto v = dossier_view(app, c, r.principal->first, *ctx, *checks);
  if (!v.is_ok()) return error_page(app, c, v.status());
  (*v)["error"] = shown_error(r);
  (*v)["saved"] = !r.arg("saved").empty();
  return render_page(app, c, "dossier", std::move(*v));
}

namespace {

Response dossier_step(AppState& app, const Request& r, const std::string& step) {
  const User& u = r.principal->first;
  const auto id = parse_id(r.arg("id")).value_or(0);
  Store& s = app.store();
  auto catalog = app.catalog();
  auto book = app.recognition_book();
  if (!catalog.is_ok() || !book.is_ok())
    return after(r, catalog.is_ok() ? book.status() : catalog.status());
  auto date = [&](const char* f) { return Date::parse_typed(r.field(f)); };
  if (step == "posting") {
    const auto on = date("date");
    if (!on.is_ok()) return after(r, Status::invalid("Ngày công bố: " + on.status().message()));
    return after(r, record_posting(s, u, id, {0, trimmed(r.field("place")), *on, "", ""}));
  }
  if (step == "survey") {
    // The survey's spreadsheet (CSV or XLSX), or one line per village typed:
    // village, households, asked, satisfied per question.
    if (const auto f = r.files.find("file"); f != r.files.end() && !f->second.data.empty()) {
      auto csv = table_text(f->second.data, f->second.filename);
      if (!csv.is_ok()) return after(r, csv.status());
      auto rows = parse_survey_table(*csv, f->second.filename);
      if (!rows.is_ok()) return after(r, rows.status());
      return after(r, record_survey(s, u, id, *rows));
    }
    std::vector<SurveyRow> rows;
    for (const std::string& line : split(r.field("rows"), '\n')) {
      const auto cells = split(line, ',');
      if (trimmed(line).empty()) continue;
      if (cells.size() < 4)
        return after(r, Status::invalid("Dòng \"" + trimmed(line) +
                                        "\": cần thôn, số hộ, số hộ được hỏi và ít nhất một câu"));
      std::vector<int> n;
      for (size_t i = 1; i < cells.size(); ++i) {
        const auto x = parse_int(trimmed(cells[i]), 0, 1000000);
        if (!x)
          return after(r, Status::invalid("Dòng \"" + trimmed(line) + "\": \"" + trimmed(cells[i]) +
                                          "\" không phải số"));
        n.push_back(static_cast<int>(*x));
      }
      const std::string village = trimmed(cells[0]);
      rows.push_back({village, 0, n[0], n[1], 0});
      for (size_t q = 2; q < n.size(); ++q)
        rows.push_back({village, static_cast<int>(q - 1), n[0], n[1], n[q]});
    }
    return after(r, record_survey(s, u, id, rows));
  }
  if (step == "declaration")
    return after(r, record_declaration(s, **book, u, id,
                                       {r.field("condition"), r.field("holds") == "1",
                                        trimmed(r.field("note")), "", ""}));
  if (step == "files") {
    const auto f = r.files.find("file");
    if (f == r.files.end() || f->second.data.empty())
      return after(r, Status::invalid("Tệp: cần chọn một tệp"));
    return after(r, add_dossier_file(s, app.evidence_dir, u, id, r.field("document"),
                                     f->second.filename, f->second.data)
                        .status());
  }
  if (step == "submit") return after(r, submit_dossier(s, **catalog, **book, u, id));
  if (step == "appraisal")
    return after(r, appraise(s, **catalog, **book, u, id, r.field("criterion"), r.field("verdict"),
                             trimmed(r.field("note"))));
  if (step == "vote") {
    const auto on = date("date");
    if (!on.is_ok()) return after(r, Status::invalid("Ngày họp: " + on.status().message()));
    return after(r, record_vote(s, **catalog, **book, u, id,
                                {*on, number_field(r, "members"), number_field(r, "present"),
                                 number_field(r, "agree"), trimmed(r.field("note")), ""}));
  }
  if (step == "decision") {
    const auto on = date("date");
    if (!on.is_ok()) return after(r, Status::invalid("Ngày quyết định: " + on.status().message()));
    auto rec = record_decision(s, **catalog, **book, u, id, trimmed(r.field("number")), *on,
                               trimmed(r.field("signer")));
    if (rec.is_ok()) {
      if (const auto f = r.files.find("file"); f != r.files.end() && !f->second.data.empty())
        return after(r, add_dossier_file(s, app.evidence_dir, u, id, "decision", f->second.filename,
                                         f->second.data)
                            .status());
    }
    return after(r, rec.status());
  }
  if (step == "return") return after(r, return_dossier(s, u, id, trimmed(r.field("reason"))));
  if (step == "close") return after(r, close_dossier(s, u, id, trimmed(r.field("reason"))));
  if (step == "comment")
    return after(r, moderate(s, u, parse_id(r.field("comment")).value_or(0), id, r.field("status"),
                             r.field("answer")));
  return error_page(app, page_context(r), Status::not_found(r.path));
}

}  // namespace

Response dossier_posting(AppState& app, const Request& r) {
  return dossier_step(app, r, "posting");
}
Response dossier_survey(AppState& app, const Request& r) { return dossier_step(app, r, "survey"); }
Response dossier_declaration(AppState& app, const Request& r) {
  return dossier_step(app, r, "declaration");
}
Response dossier_upload(AppState& app, const Request& r) { return dossier_step(app, r, "files"); }
Response dossier_submit(AppState& app, const Request& r) { return dossier_step(app, r, "submit"); }
Response dossier_appraisal(AppState& app, const Request& r) {
  return dossier_step(app, r, "appraisal");
}
Response dossier_vote(AppState& app, const Request& r) { return dossier_step(app, r, "vote"); }
Response dossier_decision(AppState& app, const Request& r) {
  return dossier_step(app, r, "decision");
}
Response dossier_return(AppState& app, const Request& r) { return dossier_step(app, r, "return"); }
Response dossier_close(AppState& app, const Request& r) { return dossier_step(app, r, "close"); }
Response dossier_moderate(AppState& app, const Request& r) {
  return dossier_step(app, r, "comment");
}

Response dossier_file(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto d = readable(app, r);
  if (!d.is_ok()) return error_page(app, c, d.status());
  const auto file_id = parse_id(r.arg("file")).value_or(-1);
  auto files = app.store().dossier_files(d->id, file_id);
  if (!files.is_ok() || files->empty())
    return error_page(app, c, Status::not_found("không có tệp"));
  const DossierFile& f = files->front();
  return private_file(app, c, evidence_path(app.evidence_dir, f.file_name), f.content_type,
                      "ho-so-" + std::to_string(d->id) + "-" + std::to_string(f.id));
}

namespace {

// The dossier's context for its documents, if the reader may see it.
Result<DossierContext> readable_context(AppState& app, const Request& r) {
  const Dossier d = TRY(readable(app, r));
  return dossier_context(app.store(), *TRY(app.catalog()), *TRY(app.recognition_book()), d.id);
}

// A generated report as asked: print HTML, or XLSX.
Response report_answer(AppState& app, const PageContext& c, const Result<TableReport>& report,
                       bool xlsx) {
  if (!report.is_ok()) return error_page(app, c, report.status());
  if (xlsx) {
    auto bytes = table_report_xlsx(*report);
    if (!bytes.is_ok()) return error_page(app, c, bytes.status());
    return download(*bytes, "xlsx", report->file_name);
  }
  Response res = Response::html(200, table_report_html(*report, "/static/report.css"));
  res.headers.push_back({"Cache-Control", "private, no-store"});
  return res;
}

}  // namespace

// GET /dossiers/:id/report (print) and /dossiers/:id/report.xlsx: the
// self-assessment report generated from the verified data.
Response dossier_report_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto ctx = readable_context(app, r);
  if (!ctx.is_ok()) return error_page(app, c, ctx.status());
  const bool xlsx = r.path.size() > 5 && r.path.substr(r.path.size() - 5) == ".xlsx";
  return report_answer(app, c, dossier_report(app.store(), *ctx, today_local()), xlsx);
}

// GET /dossiers/:id/comments-summary: every comment and its answer (print).
Response dossier_comments_summary(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto ctx = readable_context(app, r);
  if (!ctx.is_ok()) return error_page(app, c, ctx.status());
  return report_answer(app, c, comments_summary(app.store(), *ctx, today_local()), false);
}

// GET /dossiers/:id/export.zip: the whole dossier for the archive.
Response dossier_export(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto ctx = readable_context(app, r);
  if (!ctx.is_ok()) return error_page(app, c, ctx.status());
  auto bytes = dossier_zip(app.store(), *ctx, app.evidence_dir, today_local());
  if (!bytes.is_ok()) return error_page(app, c, bytes.status());
  return download(std::move(*bytes), "zip",
                  "ho-so-" + std::to_string(ctx->dossier.id) + "-" + ctx->dossier.unit_code);
}

}  // namespace ntm
