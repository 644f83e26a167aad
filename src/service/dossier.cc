#include "service/dossier.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "base/csv.h"
#include "base/strings.h"
#include "service/evidence.h"
#include "service/scope.h"
#include "service/workflow.h"

namespace ntm {
namespace {

std::string trimmed(std::string_view s) { return std::string(trim(s)); }

Result<Dossier> load(Store& store, int64_t id) {
  auto d = TRY(store.dossier(id));
  if (!d) return Status::not_found("không có hồ sơ số " + std::to_string(id));
  return *d;
}

Status audit(Store& store, const User& user, const Dossier& d, const std::string& step,
             const std::string& value, const std::string& reason = "") {
  return store.insert_audit({0, "", user.username, "dossier." + step, d.unit_id,
                             "dossier:" + std::to_string(d.id), dossier_state_name(d.state), value,
                             reason});
}

// The commune officer of the commune or the province's office.
Status require_preparer(Store& store, const User& user, const Dossier& d) {
  if (!TRY(may_enter(store, user, d.unit_id)))
    return Status::forbidden("chỉ cán bộ của xã hoặc văn phòng điều phối tỉnh lập hồ sơ này");
  return Status::ok();
}

Status require_state(const Dossier& d, DossierState s, const std::string& what) {
  if (d.state != s)
    return Status::invalid(what + ": hồ sơ đang ở bước \"" + dossier_state_name(d.state) +
                           "\", cần \"" + dossier_state_name(s) + "\"");
  return Status::ok();
}

// Whether the title is met on the verified data, and if not which criteria fail.
bool title_met(const DossierContext& ctx, std::string* why) {
  const std::string wanted = ctx.title ? ctx.title->set_title : "";
  for (const TitleResult& t : ctx.assessment.titles) {
    if (!t.title || t.title->code != wanted) continue;
    if (t.status == Outcome::kMet) return true;
    std::string failing, unknown;
    for (const CriterionResult& c : ctx.assessment.criteria) {
      if (c.status == Outcome::kNotMet)
        failing += (failing.empty() ? "" : ", ") + c.criterion->code;
      if (c.status == Outcome::kUnknown)
        unknown += (unknown.empty() ? "" : ", ") + c.criterion->code;
    }
    *why = "số liệu đã thẩm định ngày " + ctx.dossier.assessed_on.vi() + ": " +
           std::to_string(ctx.assessment.criteria_met) + "/" +
           std::to_string(ctx.assessment.criteria.size()) + " tiêu chí đạt" +
           (failing.empty() ? "" : "; chưa đạt: " + failing) +
           (unknown.empty() ? "" : "; chưa đủ số liệu: " + unknown);
    return false;
  }
  *why = "bộ tiêu chí đang áp dụng không có danh hiệu " + ctx.dossier.title;
  return false;
}

Status require_title_met(const DossierContext& ctx, const std::string& what) {
  std::string why;
  if (!title_met(ctx, &why)) return Status::invalid(what + ": xã chưa đạt chuẩn — " + why);
  return Status::ok();
}

// A revocation dossier: a trigger of the rules fires on the verified data.
Status require_grounds(const DossierContext& ctx, const std::string& what) {
  const UpkeepRow row = revocation_grounds(ctx);
  if (row.status != Upkeep::kRevocable)
    return Status::invalid(what + ": không thuộc diện thu hồi — " + upkeep_label(row.status) +
                           (row.reason.empty() ? "" : " (" + row.reason + ")"));
  return Status::ok();
}

// The grounds a dossier's step needs: the title met, or for a revocation a
// trigger firing.
Status require_grounds_of(const DossierContext& ctx, const std::string& what) {
  return ctx.dossier.revocation() ? require_grounds(ctx, what) : require_title_met(ctx, what);
}

// The most postings within any `days`-day window.
int best_window(const std::vector<DossierPosting>& p, int days) {
  int best = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    int n = 0;
    for (size_t j = i; j < p.size(); ++j)
      if (p[j].posted_on.days() - p[i].posted_on.days() < days) ++n;
    best = std::max(best, n);
  }
  return best;
}

bool applies(const RecognitionCondition& c, const std::string& title) {
  return c.titles.empty() || std::count(c.titles.begin(), c.titles.end(), title);
}

// The postings against the rules: the most within any window of
// `within_days` against `min_count` ("chưa quy định" when either is blank).
CheckItem postings_item(const PostingRule& rule, const std::vector<DossierPosting>& postings) {
  CheckItem c{"postings", "Công bố công khai dự thảo báo cáo để Nhân dân góp ý"};
  if (rule.min_count && rule.within_days) {
    const int need = static_cast<int>(*rule.min_count);
    const int days = static_cast<int>(*rule.within_days);
    const int best = best_window(postings, days);
    c.state = best >= need ? CheckState::kOk : CheckState::kMissing;
    c.detail = std::to_string(best) + "/" + std::to_string(need) + " lần trong " +
               std::to_string(days) + " ngày";
  } else {
    c.state = CheckState::kNotSet;
    c.detail = std::to_string(postings.size()) + " lần; số lần: chưa quy định";
  }
  return c;
}

// Residents' comments: none waiting for moderation, every published one answered.
CheckItem comments_item(const std::vector<DossierComment>& comments) {
  int pending = 0, unanswered = 0;
  for (const DossierComment& m : comments) {
    pending += m.status == "pending";
    unanswered += m.status == "published" && m.answer.empty();
  }
  CheckItem c{"comments", "Ý kiến góp ý của Nhân dân đã được xem xét và trả lời"};
  c.state = pending + unanswered == 0 ? CheckState::kOk : CheckState::kMissing;
  c.detail =
      std::to_string(pending) + " chờ duyệt, " + std::to_string(unanswered) + " chưa trả lời";
  return c;
}

std::string pct(double v) { return format_number_vi(v, 1) + "%"; }

}  // namespace

Result<std::map<std::string, std::string>> criterion_department(Store& store,
                                                                const CriteriaSet& set,
                                                                int64_t province) {
  std::map<std::string, std::string> out;
  for (const Criterion& c : set.criteria) out[c.code] = c.department;
  for (const auto& [crit, dep] : TRY(store.criterion_departments(province, set.id)))
    out[crit] = dep;
  return out;
}

Result<std::map<std::string, std::string>> appraised_criteria(Store& store,
                                                              const DossierContext& ctx) {
  auto all = TRY(criterion_department(store, *ctx.assessment.set, ctx.province));
  if (!ctx.dossier.revocation()) return all;
  std::map<std::string, std::string> failing;
  for (const std::string& code : revocation_grounds(ctx).failing_codes) failing[code] = all[code];
  return failing;
}

const char* check_state_name(CheckState s) {
  return s == CheckState::kOk ? "ok" : s == CheckState::kMissing ? "missing" : "not_set";
}

Result<DossierContext> dossier_context(Store& store, const Catalog& catalog,
                                       const RecognitionBook& book, int64_t dossier_id) {
  return context_of(store, catalog, book, TRY(load(store, dossier_id)));
}

Result<DossierContext> context_of(Store& store, const Catalog& catalog, const RecognitionBook& book,
                                  Dossier dossier) {
  DossierContext ctx;
  ctx.dossier = std::move(dossier);
  ctx.province = TRY(store.province_of(ctx.dossier.unit_id));
  ctx.rules = book.in_force(ctx.dossier.assessed_on, ctx.province);
  if (!ctx.rules)
    return Status::invalid("chưa có quy định xét công nhận có hiệu lực ngày " +
                           ctx.dossier.assessed_on.vi());
  ctx.title = ctx.rules->title(ctx.dossier.title);
  ctx.assessment = TRY(evaluate_unit(store, catalog, ctx.dossier.unit_code,
                                     EvaluateOptions{ctx.dossier.assessed_on, "", true}));
  if (ctx.dossier.recognition_id) {
    for (const Recognition& r : TRY(store.recognitions(ctx.dossier.unit_id)))
      if (r.id == ctx.dossier.recognition_id) ctx.recognition = r;
  }
  return ctx;
}

UpkeepRow revocation_grounds(const DossierContext& ctx) {
  if (!ctx.recognition) {
    UpkeepRow row;
    row.reason = "không có quyết định công nhận";
    return row;
  }
  return upkeep_of(*ctx.recognition, ctx.assessment, ctx.title, ctx.rules);
}

SurveyRates survey_rates(const std::vector<SurveyRow>& rows) {
  SurveyRates r;
  std::map<int, std::pair<int, int>> q;  // question -> (asked, satisfied)
  for (const SurveyRow& row : rows) {
    if (row.question == 0) {
      r.households += row.households;
      r.asked += row.asked;
    } else {
      q[row.question].first += row.asked;
      q[row.question].second += row.satisfied;
    }
  }
  for (const auto& [question, n] : q)
    r.questions.push_back({question, n.first ? 100.0 * n.second / n.first : 0});
  return r;
}

Result<std::vector<CheckItem>> check_dossier(Store& store, const DossierContext& ctx) {
  const RecognitionRules& rules = *ctx.rules;
  const Dossier& d = ctx.dossier;
  std::vector<CheckItem> out;
  if (d.revocation()) {
    const UpkeepRow row = revocation_grounds(ctx);
    CheckItem c{"grounds", "Thuộc diện thu hồi theo quy định (số liệu đã thẩm định ngày " +
                               d.assessed_on.vi() + ")"};
    c.state = row.status == Upkeep::kRevocable ? CheckState::kOk : CheckState::kMissing;
    c.detail =
        std::to_string(row.failing) + "/" + std::to_string(row.criteria_total) +
        " tiêu chí không đạt" +
        (row.failing_codes.empty() ? "" : " (" + join(row.failing_codes, ", ") + ")") +
        (row.status == Upkeep::kRevocable
             ? "; " + row.trigger
             : "; " + upkeep_label(row.status) + (row.reason.empty() ? "" : ": " + row.reason));
    out.push_back(std::move(c));
    return out;
  }
  {
    CheckItem c{"criteria", "Đáp ứng đầy đủ bộ tiêu chí (số liệu đã thẩm định ngày " +
                                d.assessed_on.vi() + ")"};
    std::string why;
    c.state = title_met(ctx, &why) ? CheckState::kOk : CheckState::kMissing;
    c.detail = c.state == CheckState::kOk ? std::to_string(ctx.assessment.criteria_met) + "/" +
                                                std::to_string(ctx.assessment.criteria.size())
                                          : why;
    out.push_back(std::move(c));
  }
  out.push_back(postings_item(rules.postings, TRY(store.postings(d.id))));
  out.push_back(comments_item(TRY(store.comments(d.id))));
  for (const RecognitionCondition& cond : rules.conditions) {
    if (!applies(cond, d.title) || cond.kind == "criteria") continue;
    CheckItem c{cond.code, cond.name_vi};
    if (cond.kind == "survey") {
      const auto rows = TRY(store.survey(d.id));
      const SurveyRates r = survey_rates(rows);
      if (rows.empty()) {
        c.state = CheckState::kMissing;
        c.detail = "chưa nhập kết quả lấy ý kiến";
      } else {
        const SurveyRule& s = rules.survey;
        const double coverage = r.households ? 100.0 * r.asked / r.households : 0;
        double lowest = 100;
        for (const auto& [q, v] : r.questions) lowest = std::min(lowest, v);
        c.detail = "đã hỏi " + std::to_string(r.asked) + "/" + std::to_string(r.households) +
                   " hộ (" + pct(coverage) + "); câu thấp nhất " + pct(lowest);
        const bool any_rule = s.coverage_min_pct || s.question_min_pct || s.lowest_question_min_pct;
        bool ok = true;
        if (s.coverage_min_pct && coverage < *s.coverage_min_pct) ok = false;
        if (s.lowest_question_min_pct && lowest < *s.lowest_question_min_pct) ok = false;
        if (s.question_min_pct && lowest < *s.question_min_pct) ok = false;
        c.state = !any_rule ? CheckState::kNotSet : ok ? CheckState::kOk : CheckState::kMissing;
        if (!any_rule) c.detail += "; ngưỡng: chưa quy định";
      }
    } else {
      const auto decl = TRY(store.declarations(d.id));
      const auto it = std::find_if(decl.begin(), decl.end(), [&](const DossierDeclaration& x) {
        return x.condition == cond.code;
      });
      const auto files = TRY(store.dossier_files(d.id));
      const bool evidence = std::any_of(files.begin(), files.end(), [&](const DossierFile& f) {
        return f.document == cond.code;
      });
      c.state = it != decl.end() && it->holds && (!cond.evidence || evidence)
                    ? CheckState::kOk
                    : CheckState::kMissing;
      c.detail = it == decl.end()             ? "chưa kê khai"
                 : !it->holds                 ? "kê khai: không đáp ứng"
                 : cond.evidence && !evidence ? "thiếu tài liệu chứng minh"
                                              : "đã kê khai";
    }
    out.push_back(std::move(c));
  }
  const auto files = TRY(store.dossier_files(d.id));
  for (const RequiredDocument& doc : rules.documents) {
    if (doc.generated) continue;
    CheckItem c{"doc:" + doc.code, doc.name_vi};
    const int n = static_cast<int>(std::count_if(
        files.begin(), files.end(), [&](const DossierFile& f) { return f.document == doc.code; }));
    c.state = n ? CheckState::kOk : CheckState::kMissing;
    c.detail = n ? std::to_string(n) + " tệp" : "chưa tải lên";
    out.push_back(std::move(c));
  }
  return out;
}

Result<bool> may_read_dossier(Store& store, const User& user, const Dossier& d) {
  if (user.role == Role::kCommune) return user.unit_id == d.unit_id;
  if (user.role == Role::kSponsor) return false;  // sponsors follow work, not dossiers
  return reads_province(user, TRY(store.province_of(d.unit_id)));
}

Result<int64_t> open_dossier(Store& store, const Catalog& catalog, const RecognitionBook& book,
                             const User& user, const std::string& code, const std::string& title,
                             int year, Date assessed) {
  if (year < 2010 || year > today_local().year()) return Status::invalid("Năm: không hợp lệ");
  if (assessed > today_local()) return Status::invalid("Ngày đánh giá: sau hôm nay");
  if (assessed.year() != year && assessed.year() != year + 1)
    return Status::invalid("Ngày đánh giá: trong năm " + std::to_string(year) +
                           " hoặc đầu năm sau");
  const UnitVersion unit = TRY(commune_at(store, code, assessed));
  if (!TRY(may_enter(store, user, unit.unit_id)))
    return Status::forbidden("chỉ cán bộ của xã hoặc văn phòng điều phối tỉnh lập hồ sơ này");
  const RecognitionRules* rules = book.in_force(assessed, TRY(store.province_of(unit.unit_id)));
  if (!rules) return Status::invalid("chưa có quy định xét công nhận ngày " + assessed.vi());
  if (!rules->title(title))
    return Status::invalid("Danh hiệu: \"" + title + "\" không có trong quy định " + rules->id);
  for (const Recognition& r : in_force_at(TRY(store.recognitions(unit.unit_id)), assessed))
    if (r.title == title)
      return Status::invalid(unit.name + " đã được công nhận " + title + " (" +
                             decision_label(r.decision_no, r.decision_date) + ")");
  for (const Dossier& d : TRY(store.dossiers(unit.unit_id)))
    if (!d.revocation() && d.state != DossierState::kClosed && d.title == title && d.year == year)
      return Status::invalid(unit.name + " đã có hồ sơ " + title + " năm " + std::to_string(year) +
                             " (số " + std::to_string(d.id) + ")");
  Dossier d;
  d.unit_id = unit.unit_id;
  d.unit_code = unit.code;
  d.title = title;
  d.year = year;
  d.assessed_on = assessed;
  d.opened_by = user.username;
  // The commune opens it when its data shows the title met; the office may
  // open it anyway (the checklist shows what is missing).
  if (user.role == Role::kCommune)
    TRY(require_title_met(TRY(context_of(store, catalog, book, d)), "Mở hồ sơ"));
  int64_t id = 0;
  TRY(store.transaction([&]() -> Status {
    id = TRY(store.insert_dossier(d));
    d.id = id;
    return audit(store, user, d, "open", title + " " + std::to_string(year));
  }));
  return id;
}

Status record_posting(Store& store, const User& user, int64_t id, const DossierPosting& p) {
  const Dossier d = TRY(load(store, id));
  TRY(require_preparer(store, user, d));
  TRY(require_state(d, DossierState::kPreparing, "Ghi lần công bố"));
  if (trimmed(p.place).empty()) return Status::invalid("Nơi công bố: cần ghi");
  if (p.posted_on > today_local()) return Status::invalid("Ngày công bố: sau hôm nay");
  DossierPosting row = p;
  row.recorded_by = user.username;
  return store.transaction([&]() -> Status {
    TRY(store.insert_posting(id, row));
    return audit(store, user, d, "posting", row.place + " " + row.posted_on.vi());
  });
}

Status record_survey(Store& store, const User& user, int64_t id,
                     const std::vector<SurveyRow>& rows) {
  const Dossier d = TRY(load(store, id));
  TRY(require_preparer(store, user, d));
  TRY(require_state(d, DossierState::kPreparing, "Kết quả lấy ý kiến"));
  std::map<std::string, int> asked;  // village -> households asked
  for (const SurveyRow& r : rows)
    if (r.question == 0) {
      if (r.households <= 0 || r.asked < 0 || r.asked > r.households)
        return Status::invalid("Thôn " + r.village + ": số hộ được hỏi phải từ 0 đến số hộ");
      asked[r.village] = r.asked;
    }
  for (const SurveyRow& r : rows) {
    if (trimmed(r.village).empty()) return Status::invalid("Thôn: cần tên thôn");
    if (r.question == 0) continue;
    if (!asked.count(r.village)) return Status::invalid("Thôn " + r.village + ": thiếu số hộ");
    if (r.satisfied < 0 || r.satisfied > r.asked || r.asked != asked[r.village])
      return Status::invalid("Thôn " + r.village + ", câu " + std::to_string(r.question) +
                             ": số hộ hài lòng phải từ 0 đến số hộ được hỏi");
  }
  return store.transaction([&]() -> Status {
    TRY(store.replace_survey(id, rows));
    return audit(store, user, d, "survey", std::to_string(asked.size()) + " thôn");
  });
}

Result<std::vector<SurveyRow>> parse_survey_table(const std::string& csv, const std::string& file) {
  const CsvTable t =
      TRY(CsvTable::parse(csv, file, {"village", "question", "households", "asked", "satisfied"}));
  std::vector<SurveyRow> rows;
  for (const CsvRow& r : t.rows()) {
    auto num = [&](const char* col) -> Result<int> {
      const auto v = parse_int(t.get(r, col), 0, 1000000);
      if (!v)
        return Status::invalid(file + ": dòng " + std::to_string(r.line) + ", cột \"" + col +
                               "\": cần một số từ 0 đến 1.000.000");
      return static_cast<int>(*v);
    };
    rows.push_back({std::string(t.get(r, "village")), TRY(num("question")), TRY(num("households")),
                    TRY(num("asked")), TRY(num("satisfied"))});
  }
  if (rows.empty()) return Status::invalid(file + ": không có dòng số liệu");
  return rows;
}

Status record_declaration(Store& store, const RecognitionBook& book, const User& user, int64_t id,
                          const DossierDeclaration& decl) {
  const Dossier d = TRY(load(store, id));
  TRY(require_preparer(store, user, d));
  TRY(require_state(d, DossierState::kPreparing, "Kê khai điều kiện"));
  const RecognitionRules* rules = book.in_force(d.assessed_on, TRY(store.province_of(d.unit_id)));
  const bool known =
      rules && std::any_of(rules->conditions.begin(), rules->conditions.end(),
                           [&](const RecognitionCondition& c) {
                             return c.code == decl.condition && c.kind == "declaration";
                           });
  if (!known) return Status::invalid("Điều kiện \"" + decl.condition + "\" không cần kê khai");
  DossierDeclaration row = decl;
  row.declared_by = user.username;
  return store.transaction([&]() -> Status {
    TRY(store.upsert_declaration(id, row));
    return audit(store, user, d, "declare", decl.condition + (decl.holds ? ": có" : ": không"),
                 decl.note);
  });
}

Result<DossierFile> add_dossier_file(Store& store, const std::string& dir, const User& user,
                                     int64_t id, const std::string& document,
                                     const std::string& original_name, std::string_view data) {
  const Dossier d = TRY(load(store, id));
  const bool decision = document == "decision";
  if (decision) {
    TRY(require_office_for_unit(store, user, d.unit_id, "tải quyết định"));
  } else {
    TRY(require_preparer(store, user, d));
    TRY(require_state(d, DossierState::kPreparing, "Tải tài liệu"));
  }
  if (trimmed(document).empty()) return Status::invalid("Loại tài liệu: cần chọn");
  const StoredFile stored = TRY(store_upload(dir, original_name, data));
  DossierFile f{0,
                id,
                document,
                stored.file_name,
                stored.original_name,
                stored.content_type,
                stored.size,
                user.username,
                ""};
  TRY(store.transaction([&]() -> Status {
    f.id = TRY(store.insert_dossier_file(f));
    return audit(store, user, d, "file", document + ": " + f.original_name);
  }));
  return f;
}

Status submit_dossier(Store& store, const Catalog& catalog, const RecognitionBook& book,
                      const User& user, int64_t id) {
  DossierContext ctx = TRY(dossier_context(store, catalog, book, id));
  Dossier& d = ctx.dossier;
  if (d.revocation())  // the office proposes the revocation
    TRY(require_office_for_unit(store, user, d.unit_id, "đề nghị thu hồi"));
  else
    TRY(require_preparer(store, user, d));
  TRY(require_state(d, DossierState::kPreparing, "Gửi hồ sơ"));
  std::string missing;
  for (const CheckItem& c : TRY(check_dossier(store, ctx)))
    if (c.state == CheckState::kMissing) missing += "\n  " + c.label + " — " + c.detail;
  if (!missing.empty()) return Status::invalid("Chưa gửi được hồ sơ, còn thiếu:" + missing);
  d.state = DossierState::kSubmitted;
  d.returned_reason.clear();
  return store.transaction([&]() -> Status {
    TRY(store.update_dossier(d));
    return audit(store, user, d, "submit", "submitted");
  });
}

Status appraise(Store& store, const Catalog& catalog, const RecognitionBook& book, const User& user,
                int64_t id, const std::string& criterion, const std::string& verdict,
                const std::string& note) {
  DossierContext ctx = TRY(dossier_context(store, catalog, book, id));
  Dossier& d = ctx.dossier;
  TRY(require_state(d, DossierState::kSubmitted, "Thẩm định"));
  if (verdict != "agree" && verdict != "more")
    return Status::invalid("Kết quả thẩm định: chọn đồng ý hoặc yêu cầu bổ sung");
  if (verdict == "more" && trimmed(note).empty())
    return Status::invalid("Yêu cầu bổ sung: cần ghi nội dung");
  const auto deps = TRY(appraised_criteria(store, ctx));
  const auto dep = deps.find(criterion);
  if (dep == deps.end())
    return Status::invalid("Tiêu chí \"" + criterion + "\" không cần thẩm định trong hồ sơ này");
  if (!may_verify(user, ctx.province, {dep->second}))
    return Status::forbidden("chỉ sở, ngành phụ trách tiêu chí " + criterion +
                             " hoặc văn phòng điều phối tỉnh thẩm định");
  std::set<std::string> agreed;
  for (const DossierAppraisal& a : TRY(store.appraisals(id)))
    if (a.verdict == "agree" && a.criterion != criterion) agreed.insert(a.criterion);
  if (verdict == "agree") agreed.insert(criterion);
  const bool all = agreed.size() == deps.size();
  return store.transaction([&]() -> Status {
    TRY(store.upsert_appraisal(id, {criterion, verdict, note, user.username, ""}));
    TRY(audit(store, user, d, "appraise", criterion + ": " + verdict, note));
    if (!all) return Status::ok();
    d.state = DossierState::kAppraised;
    TRY(store.update_dossier(d));
    return audit(store, user, d, "appraised", "appraised");
  });
}

Status record_vote(Store& store, const Catalog& catalog, const RecognitionBook& book,
                   const User& user, int64_t id, const DossierVote& v) {
  DossierContext ctx = TRY(dossier_context(store, catalog, book, id));
  Dossier& d = ctx.dossier;
  TRY(require_office_for_unit(store, user, d.unit_id, "ghi kết quả bỏ phiếu"));
  TRY(require_state(d, DossierState::kAppraised, "Bỏ phiếu"));
  if (v.members <= 0 || v.present < 0 || v.present > v.members || v.agree < 0 ||
      v.agree > v.present)
    return Status::invalid(
        "Bỏ phiếu: cần 0 ≤ đồng ý ≤ có mặt ≤ số thành viên, ít nhất 1 thành viên");
  if (v.met_on > today_local()) return Status::invalid("Ngày họp: sau hôm nay");
  TRY(require_grounds_of(ctx, "Bỏ phiếu"));
  const RecognitionStep* council = nullptr;
  for (const RecognitionStep& s : ctx.rules->steps)
    if (s.code == "council") council = &s;
  const double share = v.present ? 100.0 * v.agree / v.present : 0;
  if (council && council->vote_min_pct && share < *council->vote_min_pct)
    return Status::invalid("Bỏ phiếu: " + pct(share) + " đồng ý, quy định cần " +
                           pct(*council->vote_min_pct));
  DossierVote row = v;
  row.recorded_by = user.username;
  d.state = DossierState::kVoted;
  return store.transaction([&]() -> Status {
    TRY(store.upsert_vote(id, row));
    TRY(store.update_dossier(d));
    return audit(store, user, d, "vote",
                 std::to_string(v.agree) + "/" + std::to_string(v.present) + " đồng ý", v.note);
  });
}

Result<int64_t> record_decision(Store& store, const Catalog& catalog, const RecognitionBook& book,
                                const User& user, int64_t id, const std::string& number, Date date,
                                const std::string& signer) {
  DossierContext ctx = TRY(dossier_context(store, catalog, book, id));
  Dossier& d = ctx.dossier;
  TRY(require_office_for_unit(store, user, d.unit_id, "ghi quyết định"));
  TRY(require_state(d, DossierState::kVoted, "Quyết định"));
  if (trimmed(number).empty()) return Status::invalid("Số quyết định: cần ghi");
  if (date > today_local()) return Status::invalid("Ngày quyết định: sau hôm nay");
  if (date.year() != d.year && date.year() != d.year + 1)
    return Status::invalid("Ngày quyết định: năm " + std::to_string(d.year) + " hoặc năm sau");
  TRY(require_grounds_of(ctx, "Quyết định"));
  if (d.revocation()) {
    if (!ctx.recognition) return Status::invalid("Quyết định: không có quyết định công nhận");
    if (date < ctx.recognition->decision_date)
      return Status::invalid("Ngày quyết định: trước ngày công nhận " +
                             ctx.recognition->decision_date.vi());
    const std::string reason = revocation_grounds(ctx).trigger;
    TRY(store.transaction([&]() -> Status {
      TRY(store.revoke_recognition(ctx.recognition->id, trimmed(number), date, reason));
      d.state = DossierState::kDecided;
      TRY(store.update_dossier(d));
      return audit(store, user, d, "revoke", decision_label(trimmed(number), date), signer);
    }));
    return ctx.recognition->id;
  }
  Recognition r;
  r.unit_id = d.unit_id;
  r.title = d.title;
  r.year = d.year;
  r.decision_no = trimmed(number);
  r.decision_date = date;
  r.signer = signer;
  r.source = "dossier";
  r.note = "Hồ sơ số " + std::to_string(d.id);
  r.created_by = user.username;
  int64_t rec = 0;
  TRY(store.transaction([&]() -> Status {
    rec = TRY(store.insert_recognition(r));
    d.recognition_id = rec;
    d.state = DossierState::kDecided;
    TRY(store.update_dossier(d));
    return audit(store, user, d, "decide", decision_label(r.decision_no, date), signer);
  }));
  return rec;
}

Status return_dossier(Store& store, const User& user, int64_t id, const std::string& reason) {
  Dossier d = TRY(load(store, id));
  TRY(require_office_for_unit(store, user, d.unit_id, "trả hồ sơ"));
  if (d.state == DossierState::kPreparing || d.state == DossierState::kDecided ||
      d.state == DossierState::kClosed)
    return Status::invalid("Trả hồ sơ: chỉ hồ sơ đã gửi, chưa có quyết định");
  if (trimmed(reason).empty()) return Status::invalid("Lý do trả hồ sơ: cần ghi");
  d.state = DossierState::kPreparing;
  d.returned_reason = reason;
  return store.transaction([&]() -> Status {
    TRY(store.clear_appraisals(id));
    TRY(store.update_dossier(d));
    return audit(store, user, d, "return", "preparing", reason);
  });
}

Status close_dossier(Store& store, const User& user, int64_t id, const std::string& reason) {
  Dossier d = TRY(load(store, id));
  TRY(require_office_for_unit(store, user, d.unit_id, "đóng hồ sơ"));
  if (d.state == DossierState::kDecided || d.state == DossierState::kClosed)
    return Status::invalid("Đóng hồ sơ: hồ sơ đã có quyết định hoặc đã đóng");
  if (trimmed(reason).empty()) return Status::invalid("Lý do đóng hồ sơ: cần ghi");
  d.state = DossierState::kClosed;
  d.returned_reason = reason;
  return store.transaction([&]() -> Status {
    TRY(store.update_dossier(d));
    return audit(store, user, d, "close", "closed", reason);
  });
}

Result<int64_t> open_revocation(Store& store, const Catalog& catalog, const RecognitionBook& book,
                                const User& user, const std::string& code, const std::string& title,
                                Date assessed) {
  if (assessed > today_local()) return Status::invalid("Ngày đánh giá: sau hôm nay");
  const UnitVersion unit = TRY(commune_at(store, code, assessed));
  TRY(require_office_for_unit(store, user, unit.unit_id, "mở hồ sơ thu hồi"));
  std::optional<Recognition> rec;
  for (const Recognition& r : in_force_at(TRY(store.recognitions(unit.unit_id)), assessed))
    if (r.title == title) rec = r;
  if (!rec)
    return Status::invalid(unit.name + " không có quyết định công nhận " + title +
                           " còn hiệu lực ngày " + assessed.vi());
  for (const Dossier& d : TRY(store.dossiers(unit.unit_id)))
    if (d.revocation() && d.recognition_id == rec->id && d.state != DossierState::kClosed)
      return Status::invalid(unit.name + " đã có hồ sơ thu hồi (số " + std::to_string(d.id) + ")");
  Dossier d;
  d.unit_id = unit.unit_id;
  d.unit_code = unit.code;
  d.kind = "revocation";
  d.title = title;
  d.year = assessed.year();
  d.assessed_on = assessed;
  d.recognition_id = rec->id;
  d.opened_by = user.username;
  TRY(require_grounds(TRY(context_of(store, catalog, book, d)), "Mở hồ sơ thu hồi"));
  int64_t id = 0;
  TRY(store.transaction([&]() -> Status {
    id = TRY(store.insert_dossier(d));
    d.id = id;
    return audit(store, user, d, "open_revocation",
                 title + " " + decision_label(rec->decision_no, rec->decision_date));
  }));
  return id;
}

namespace {

std::optional<Date> after_limit(const RecognitionRules& rules, const std::string& step,
                                const std::string& since) {
  const auto start = local_date_of(since);
  for (const RecognitionStep& s : rules.steps)
    if (s.code == step && s.time_limit_days && start)
      return start->add_days(static_cast<int>(*s.time_limit_days));
  return std::nullopt;
}

}  // namespace

Result<std::vector<DossierDuty>> dossier_duties(Store& store, const Catalog& catalog,
                                                const RecognitionBook& book, int64_t province,
                                                int64_t unit_id) {
  std::vector<DossierDuty> out;
  for (const Dossier& d : TRY(store.dossiers(unit_id, unit_id ? 0 : province))) {
    if (d.state == DossierState::kDecided || d.state == DossierState::kClosed) continue;
    const int64_t province_of_unit = TRY(store.province_of(d.unit_id));
    const RecognitionRules* rules = book.in_force(d.assessed_on, province_of_unit);
    if (!rules) continue;
    auto duty = [&](std::string kind, std::string text, std::optional<Date> due = std::nullopt) {
      out.push_back({d, std::move(kind), std::move(text), due, {}, province_of_unit});
    };
    if (d.state == DossierState::kPreparing) {
      if (!d.returned_reason.empty()) duty("returned", "Hồ sơ bị trả lại: " + d.returned_reason);
      if (d.revocation()) continue;
      // The same items as the checklist; the postings' window runs from the first.
      const auto postings = TRY(store.postings(d.id));
      if (const CheckItem p = postings_item(rules->postings, postings);
          p.state == CheckState::kMissing)
        duty("postings", "Công bố dự thảo: " + p.detail,
             postings.empty() ? std::nullopt
                              : std::optional<Date>(postings.front().posted_on.add_days(
                                    static_cast<int>(*rules->postings.within_days) - 1)));
      if (const CheckItem m = comments_item(TRY(store.comments(d.id)));
          m.state == CheckState::kMissing)
        duty("comments", "Góp ý: " + m.detail);
    } else if (d.state == DossierState::kSubmitted) {
      const DossierContext ctx = TRY(dossier_context(store, catalog, book, d.id));
      const auto criteria = TRY(appraised_criteria(store, ctx));
      std::set<std::string> agreed;
      for (const DossierAppraisal& a : TRY(store.appraisals(d.id)))
        if (a.verdict == "agree") agreed.insert(a.criterion);
      std::set<std::string> departments;  // "" is the office's (no department assigned)
      for (const auto& [criterion, department] : criteria)
        if (!agreed.count(criterion)) departments.insert(department);
      std::vector<std::string> named;
      for (const std::string& dep : departments)
        named.push_back(dep.empty() ? "văn phòng điều phối" : dep);
      const size_t left = criteria.size() - std::min(agreed.size(), criteria.size());
      duty("appraisal",
           "Chờ thẩm định: " + std::to_string(left) + "/" + std::to_string(criteria.size()) +
               " tiêu chí" + (named.empty() ? "" : " (" + join(named, ", ") + ")"),
           after_limit(*rules, "appraisal", d.updated_at));
      out.back().departments.assign(departments.begin(), departments.end());
    } else if (d.state == DossierState::kAppraised) {
      duty("vote", "Chờ Hội đồng thẩm định bỏ phiếu", after_limit(*rules, "council", d.updated_at));
    } else if (d.state == DossierState::kVoted) {
      duty("decision", d.revocation() ? "Chờ quyết định thu hồi" : "Chờ quyết định công nhận",
           after_limit(*rules, "decision", d.updated_at));
    }
  }
  return out;
}

bool duty_of(const User& user, const DossierDuty& duty) {
  const int64_t province = duty.province;
  const bool commune_kind =
      duty.kind == "postings" || duty.kind == "returned" || duty.kind == "comments";
  if (user.role == Role::kCommune) return commune_kind && user.unit_id == duty.dossier.unit_id;
  if (user.role == Role::kDepartment)
    return duty.kind == "appraisal" && user.province_id == province &&
           std::count(duty.departments.begin(), duty.departments.end(), user.department);
  return office_of(user, province) && !is_central(user);
}

Status add_comment(Store& store, int64_t id, const std::string& name, const std::string& body,
                   const std::string& client) {
  const Dossier d = TRY(load(store, id));
  if (d.revocation() || d.state != DossierState::kPreparing)
    return Status::invalid("Dự thảo không còn nhận góp ý");
  const std::string n = trimmed(name), b = trimmed(body);
  if (n.empty() || utf8_length(n) > 100) return Status::invalid("Họ tên: từ 1 đến 100 ký tự");
  if (b.empty() || utf8_length(b) > 2000) return Status::invalid("Góp ý: từ 1 đến 2.000 ký tự");
  if (TRY(store.comments_since(client, utc_timestamp_ago(600))) >= 3 ||
      TRY(store.comments_since(client, utc_timestamp_ago(86400))) >= 20)
    return Status::too_many("Đã gửi nhiều góp ý trong thời gian ngắn; xin thử lại sau");
  return store.transaction([&]() -> Status {
    TRY(store.insert_comment({0, id, n, b, "", client, "pending", "", ""}));
    return store.insert_audit({0, "", "khách", "dossier.comment", d.unit_id,
                               "dossier:" + std::to_string(d.id), "", n, ""});
  });
}

Status moderate(Store& store, const User& user, int64_t comment_id, int64_t dossier_id,
                const std::string& status, const std::string& answer) {
  const Dossier d = TRY(load(store, dossier_id));
  TRY(require_preparer(store, user, d));
  if (status != "published" && status != "hidden")
    return Status::invalid("Duyệt góp ý: chọn đăng hoặc ẩn");
  const auto all = TRY(store.comments(dossier_id));
  if (std::none_of(all.begin(), all.end(),
                   [&](const DossierComment& c) { return c.id == comment_id; }))
    return Status::not_found("không có góp ý này");
  return store.transaction([&]() -> Status {
    TRY(store.moderate_comment(comment_id, status, trimmed(answer), user.username));
    return audit(store, user, d, "moderate", std::to_string(comment_id) + ": " + status, answer);
  });
}

}  // namespace ntm
