#include "reports/recognition_reports.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>

#include "base/csv.h"
#include "base/strings.h"
#include "base/zip_writer.h"
#include "service/evidence.h"

namespace ntm {
namespace {

const char* source_vi(const std::string& source) {
  return source == "dossier"        ? "Qua hồ sơ xét công nhận"
         : source == "acknowledged" ? "Thừa nhận sau sắp xếp"
                                    : "Nhập từ trước khi có hệ thống";
}

std::string title_name(const DossierContext& ctx) {
  return ctx.title ? ctx.title->name_vi : ctx.dossier.title;
}

// The commune's reports are issued by its People's Committee, in the commune.
void commune_frame(TableReport& r, const DossierContext& ctx) {
  r.issuer = "ỦY BAN NHÂN DÂN";
  r.office = upper_vi(ctx.dossier.unit_name);
  r.place = strip_unit_type_prefix(ctx.dossier.unit_name);
}

ReportSection checklist_section(const std::vector<CheckItem>& items) {
  ReportSection s{"III. Điều kiện và hồ sơ theo quy định",
                  "Điều kiện",
                  {{"Nội dung", 60}, {"Kết quả", 14}, {"Chi tiết", 50}},
                  {},
                  "\"Chưa quy định\": quy định đang áp dụng chưa nêu mức cụ thể; không được dùng "
                  "để kết luận."};
  for (const CheckItem& c : items)
    s.rows.push_back({c.label,
                      std::string(c.state == CheckState::kOk        ? "Đạt"
                                  : c.state == CheckState::kMissing ? "Còn thiếu"
                                                                    : "Chưa quy định"),
                      c.detail});
  return s;
}

ReportSection survey_section(const std::vector<SurveyRow>& rows) {
  std::map<std::string, std::map<int, SurveyRow>> by_village;
  int questions = 0;
  for (const SurveyRow& r : rows) {
    by_village[r.village][r.question] = r;
    questions = std::max(questions, r.question);
  }
  ReportSection s{"V. Kết quả lấy ý kiến sự hài lòng của người dân",
                  "Hài lòng",
                  {{"Thôn", 24}, {"Số hộ", 10}, {"Số hộ được hỏi", 14}},
                  {},
                  ""};
  for (int q = 1; q <= questions; ++q)
    s.columns.push_back({"Câu " + std::to_string(q) + ": số hộ hài lòng", 16});
  for (const auto& [village, qs] : by_village) {
    const auto head = qs.find(0);
    std::vector<ReportCell> row{village,
                                static_cast<double>(head == qs.end() ? 0 : head->second.households),
                                static_cast<double>(head == qs.end() ? 0 : head->second.asked)};
    for (int q = 1; q <= questions; ++q) {
      const auto it = qs.find(q);
      row.push_back(static_cast<double>(it == qs.end() ? 0 : it->second.satisfied));
    }
    s.rows.push_back(row);
  }
  const SurveyRates rates = survey_rates(rows);
  if (!rows.empty()) {
    std::vector<ReportCell> total{"Tỷ lệ toàn xã", static_cast<double>(rates.households),
                                  static_cast<double>(rates.asked)};
    for (const auto& [q, pct] : rates.questions) total.push_back(format_number_vi(pct, 1) + "%");
    s.rows.push_back(total);
    s.note = "Tỷ lệ hộ được hỏi: " +
             format_number_vi(rates.households ? 100.0 * rates.asked / rates.households : 0, 1) +
             "%.";
  }
  return s;
}

// A file's name as it may stand in the archive: no folder part (either
// slash), no leading dot, no control characters.
std::string archive_name(const std::string& original) {
  std::string name = original.substr(original.find_last_of("/\\") + 1);
  for (char& ch : name)
    if (static_cast<unsigned char>(ch) < 0x20 || ch == ':') ch = '-';
  while (!name.empty() && name.front() == '.') name.erase(0, 1);
  return name.empty() ? "tep" : name;
}

}  // namespace

Result<TableReport> dossier_report(Store& store, const DossierContext& ctx, Date issued) {
  const Dossier& d = ctx.dossier;
  TableReportOptions o;
  o.code = d.unit_code;
  o.at = d.assessed_on;
  o.verified_only = true;
  o.issued_on = issued;
  TableReport r = TRY(commune_report_of(store, ctx.assessment, o));  // the dossier's own data
  r.kind = "dossier";
  r.sections.resize(2);  // the indicators; the criteria not met (the plan is not part of it)
  commune_frame(r, ctx);
  const std::string base = "ho-so-" + std::to_string(d.id) + "-" + d.unit_code;
  if (d.revocation()) {
    r.file_name = base + "-de-nghi-thu-hoi";
    r.title = "BÁO CÁO RÀ SOÁT DUY TRÌ TIÊU CHÍ — ĐỀ NGHỊ THU HỒI QUYẾT ĐỊNH CÔNG NHẬN";
    r.subtitle = d.unit_name + " — " + title_name(ctx) +
                 (ctx.recognition ? " — " + decision_label(ctx.recognition->decision_no,
                                                           ctx.recognition->decision_date)
                                  : "") +
                 " — số liệu đã thẩm định đến ngày " + d.assessed_on.vi();
  } else {
    r.file_name = base + "-bao-cao-tu-danh-gia";
    r.title = "BÁO CÁO KẾT QUẢ THỰC HIỆN XÂY DỰNG NÔNG THÔN MỚI";
    r.subtitle = d.unit_name + " — đề nghị xét công nhận " + title_name(ctx) + " năm " +
                 std::to_string(d.year) + " — số liệu đã thẩm định đến ngày " + d.assessed_on.vi() +
                 " — " + ctx.assessment.set->name_vi + " — đạt " +
                 std::to_string(ctx.assessment.criteria_met) + "/" +
                 std::to_string(ctx.assessment.criteria.size()) + " tiêu chí";
  }
  r.sections.push_back(checklist_section(TRY(check_dossier(store, ctx))));
  if (d.revocation()) return r;
  ReportSection postings{"IV. Công bố công khai dự thảo báo cáo",
                         "Công bố",
                         {{"Ngày", 14}, {"Nơi công bố", 50}, {"Ghi chú", 40}},
                         {},
                         ""};
  for (const DossierPosting& p : TRY(store.postings(d.id)))
    postings.rows.push_back({p.posted_on.vi(), p.place, p.note});
  if (ctx.rules->postings.min_count && ctx.rules->postings.within_days)
    postings.note = "Quy định: ít nhất " + format_number_vi(*ctx.rules->postings.min_count, 0) +
                    " lần trong " + format_number_vi(*ctx.rules->postings.within_days, 0) +
                    " ngày (" + ctx.rules->postings.source + ").";
  r.sections.push_back(postings);
  r.sections.push_back(survey_section(TRY(store.survey(d.id))));
  int published = 0, answered = 0, total = 0;
  for (const DossierComment& c : TRY(store.comments(d.id))) {
    ++total;
    published += c.status == "published";
    answered += !c.answer.empty();
  }
  r.sections.push_back({"VI. Ý kiến góp ý của Nhân dân",
                        "Góp ý",
                        {{"Số ý kiến nhận được", 20}, {"Đã đăng", 12}, {"Đã trả lời", 12}},
                        {{static_cast<double>(total), static_cast<double>(published),
                          static_cast<double>(answered)}},
                        "Nội dung từng ý kiến và việc tiếp thu: Báo cáo tổng hợp ý kiến góp ý."});
  return r;
}

Result<TableReport> comments_summary(Store& store, const DossierContext& ctx, Date issued) {
  const Dossier& d = ctx.dossier;
  TableReportOptions o;
  o.issued_on = issued;
  TableReport r = TRY(report_frame(store, "comments", &ctx.assessment.unit, d.assessed_on, o));
  commune_frame(r, ctx);
  r.file_name = "ho-so-" + std::to_string(d.id) + "-" + d.unit_code + "-tong-hop-gop-y";
  r.title = "BÁO CÁO TỔNG HỢP Ý KIẾN GÓP Ý CỦA NHÂN DÂN VÀ VIỆC TIẾP THU";
  ReportSection s{"Ý kiến góp ý vào dự thảo báo cáo kết quả xây dựng nông thôn mới",
                  "Góp ý",
                  {{"STT", 6},
                   {"Người góp ý", 20},
                   {"Ngày", 12},
                   {"Nội dung", 60},
                   {"Xử lý", 12},
                   {"Tiếp thu, giải trình", 50}},
                  {},
                  "Ý kiến \"đã ẩn\" là ý kiến không đăng công khai (trùng lặp, không liên quan "
                  "hoặc lời lẽ không phù hợp); vẫn được lưu trong hồ sơ."};
  int n = 0, published = 0, answered = 0;
  for (const DossierComment& c : TRY(store.comments(d.id))) {
    ++n;
    published += c.status == "published";
    answered += !c.answer.empty();
    const auto day = Date::parse(c.created_at.substr(0, 10));
    s.rows.push_back({static_cast<double>(n), c.name, day.is_ok() ? day->vi() : "", c.body,
                      std::string(c.status == "published" ? "Đã đăng"
                                  : c.status == "hidden"  ? "Đã ẩn"
                                                          : "Chờ duyệt"),
                      c.answer});
  }
  r.subtitle = d.unit_name + " — đề nghị xét công nhận " + title_name(ctx) + " năm " +
               std::to_string(d.year) + " — " + std::to_string(n) + " ý kiến, " +
               std::to_string(published) + " đã đăng, " + std::to_string(answered) + " đã trả lời";
  r.sections.push_back(s);
  return r;
}

Result<TableReport> recognitions_report(Store& store, const RecognitionBook& book, int64_t province,
                                        int year, Date issued) {
  TableReportOptions o;
  o.issued_on = issued;
  std::optional<UnitVersion> scope;
  if (province) scope = TRY(store.unit_version_at(province, issued));
  TableReport r = TRY(report_frame(store, "recognitions", scope ? &*scope : nullptr, issued, o));
  r.file_name = "xa-dat-chuan" + (year ? "-" + std::to_string(year) : std::string());
  r.title = "DANH SÁCH XÃ ĐƯỢC CÔNG NHẬN ĐẠT CHUẨN NÔNG THÔN MỚI";
  r.subtitle = (scope ? scope->name : std::string("Cả nước")) +
               (year ? " — năm " + std::to_string(year) : " — theo năm") + " — đến ngày " +
               issued.vi();
  std::map<int, ReportSection, std::greater<int>> by_year;
  for (const Recognition& rec : TRY(store.recognitions(0, province))) {
    if (year && rec.year != year) continue;
    auto [it, fresh] = by_year.try_emplace(rec.year);
    ReportSection& s = it->second;
    if (fresh) {
      s.heading = "Năm " + std::to_string(rec.year);
      s.sheet = s.heading;
      s.columns = {{"STT", 6},         {"Mã xã", 10},    {"Tên xã", 26}, {"Danh hiệu", 30},
                   {"Quyết định", 34}, {"Người ký", 20}, {"Nguồn", 24},  {"Thu hồi", 40}};
      s.note = "Tên xã theo ngày quyết định. \"Thu hồi\": quyết định thu hồi và lý do.";
    }
    const RecognitionTitle* t = book.title(rec.title);
    s.rows.push_back(
        {static_cast<double>(s.rows.size() + 1), rec.unit_code, rec.unit_name,
         t ? t->name_vi : rec.title, decision_label(rec.decision_no, rec.decision_date), rec.signer,
         std::string(source_vi(rec.source)),
         rec.revoked_date ? decision_label(rec.revoked_no, *rec.revoked_date) +
                                (rec.revoked_reason.empty() ? "" : " — " + rec.revoked_reason)
                          : ""});
  }
  for (auto& [y, s] : by_year) r.sections.push_back(std::move(s));
  if (r.sections.empty())
    r.sections.push_back({year ? "Năm " + std::to_string(year) : "Chưa có",
                          "Danh sách",
                          {{"Xã", 30}},
                          {},
                          "Chưa có quyết định công nhận nào."});
  return r;
}

Result<std::string> dossier_zip(Store& store, const DossierContext& ctx,
                                const std::string& evidence_dir, Date issued) {
  const Dossier& d = ctx.dossier;
  auto e = [](const std::string& s) { return html_escape(s); };
  std::vector<std::pair<std::string, std::string>> entries;
  // What the cover lists: (document, file in the archive, who, when).
  std::vector<std::array<std::string, 4>> listed;
  const TableReport report = TRY(dossier_report(store, ctx, issued));
  entries.push_back({"01-" + report.file_name + ".html", table_report_html(report, "")});
  entries.push_back({"01-" + report.file_name + ".xlsx", TRY(table_report_xlsx(report))});
  listed.push_back({report.title + " (tạo từ số liệu đã thẩm định)",
                    entries[0].first + ", " + entries[1].first, "hệ thống", issued.vi()});
  if (!d.revocation()) {
    const TableReport summary = TRY(comments_summary(store, ctx, issued));
    entries.push_back({"02-" + summary.file_name + ".html", table_report_html(summary, "")});
    listed.push_back({summary.title, entries.back().first, "hệ thống", issued.vi()});
  }
  std::map<std::string, std::string> names;  // document code -> its name in the rules
  for (const RequiredDocument& doc : ctx.rules->documents) names[doc.code] = doc.name_vi;
  for (const RecognitionCondition& c : ctx.rules->conditions) names[c.code] = c.name_vi;
  names["decision"] =
      d.revocation() ? "Quyết định thu hồi (bản ký)" : "Quyết định công nhận (bản ký)";
  names["explanation"] = "Văn bản giải trình của xã";
  int n = 0;
  for (const DossierFile& f : TRY(store.dossier_files(d.id))) {
    const std::string data = TRY(read_file(evidence_path(evidence_dir, f.file_name)));
    char prefix[8];
    std::snprintf(prefix, sizeof prefix, "%02d", ++n);
    const std::string path = "tai-lieu/" + std::string(prefix) + "-" + slugify(f.document) + "-" +
                             archive_name(f.original_name);
    entries.push_back({path, data});
    const auto it = names.find(f.document);
    const auto day = Date::parse(f.uploaded_at.substr(0, 10));
    listed.push_back({it == names.end() ? f.document : it->second, path, f.uploaded_by,
                      day.is_ok() ? day->vi() : f.uploaded_at});
  }
  // The cover: the dossier, its history and every document with its file.
  std::string h = report_document_start("Mục lục hồ sơ số " + std::to_string(d.id), "", report.demo,
                                        report.issuer, report.place, issued, false, report.office);
  h += "<h1>MỤC LỤC HỒ SƠ " +
       std::string(d.revocation() ? "THU HỒI QUYẾT ĐỊNH CÔNG NHẬN" : "ĐỀ NGHỊ XÉT CÔNG NHẬN") +
       "</h1><p class=\"basis\">Hồ sơ số " + std::to_string(d.id) + " — " + e(d.unit_name) +
       " (mã " + e(d.unit_code) + ") — " + e(title_name(ctx)) + " năm " + std::to_string(d.year) +
       " — ngày đánh giá " + d.assessed_on.vi() +
       " — bước hiện tại: " + dossier_state_name(d.state) + " — " + e(ctx.rules->name_vi) + "</p>";
  h += "<h2>I. Tài liệu trong hồ sơ</h2><table class=\"grid\"><thead><tr><th>STT</th><th>Tài "
       "liệu</th><th>Tệp trong bản lưu</th><th>Người tải lên</th><th>Ngày</th></tr></thead><tbody>";
  for (size_t i = 0; i < listed.size(); ++i)
    h += "<tr><td class=\"n\">" + std::to_string(i + 1) + "</td><td>" + e(listed[i][0]) +
         "</td><td>" + e(listed[i][1]) + "</td><td>" + e(listed[i][2]) + "</td><td>" +
         e(listed[i][3]) + "</td></tr>";
  h += "</tbody></table><h2>II. Các bước đã thực hiện</h2><table class=\"grid\"><thead><tr><th>"
       "Thời điểm (UTC)</th><th>Người thực hiện</th><th>Bước</th><th>Nội dung</th><th>Ghi "
       "chú</th></tr></thead><tbody>";
  auto history = TRY(store.audit(d.unit_id, "", "", 1000, "dossier:" + std::to_string(d.id)));
  std::reverse(history.begin(), history.end());
  for (const AuditEntry& a : history) {
    if (a.subject != "dossier:" + std::to_string(d.id)) continue;
    h += "<tr><td>" + e(a.at) + "</td><td>" + e(a.actor) + "</td><td>" + e(a.action) + "</td><td>" +
         e(a.new_value) + "</td><td>" + e(a.reason) + "</td></tr>";
  }
  h += "</tbody></table></main></body></html>\n";
  entries.insert(entries.begin(), {"00-muc-luc.html", h});
  return zip_archive(entries);
}

}  // namespace ntm
