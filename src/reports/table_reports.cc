// Builders of the table reports: the commune scorecard, the department
// report, the sponsor report, the directive follow-up.
#include <algorithm>

#include "base/strings.h"
#include "reports/recognition_reports.h"
#include "reports/table_report.h"
#include "rules/engine.h"
#include "service/scope.h"
#include "service/workflow.h"

namespace ntm {
namespace {

std::string shown(const IndicatorResult& ir) {
  if (!ir.value) return "";
  if (ir.indicator->op == Op::kEq && (*ir.value == 0 || *ir.value == 1) &&
      (!ir.threshold || *ir.threshold == 0 || *ir.threshold == 1))
    return yes_no_vi(*ir.value == 1);
  return format_number_vi(*ir.value, 2);
}

std::string department_of(const std::map<std::string, std::string>& overrides, const Criterion& c) {
  const auto o = overrides.find(c.code);
  return o != overrides.end() ? o->second : c.department;
}

}  // namespace

Result<TableReport> report_frame(Store& store, const std::string& kind, const UnitVersion* unit,
                                 Date at, const TableReportOptions& o) {
  TableReport r;
  r.kind = kind;
  r.issued_on = o.issued_on == Date() ? today_local() : o.issued_on;
  std::string province;
  if (unit) {
    province = unit->level == Level::kProvince ? unit->name : "";
    for (const UnitVersion& a : TRY(ancestors(store, *unit, at)))
      if (a.level == Level::kProvince) province = a.name;
  }
  if (province.empty()) {
    const auto top = TRY(store.top_level_units(at));
    if (!top.empty()) province = top.front().name;
  }
  r.issuer = "UBND " + province;
  r.place = strip_unit_type_prefix(province);
  const auto demo = TRY(store.setting("demo_data"));
  r.demo = demo && *demo == "synthetic";
  return r;
}

Result<TableReport> commune_report(Store& store, const Catalog& catalog,
                                   const TableReportOptions& o) {
  return commune_report_of(
      store, TRY(evaluate_unit(store, catalog, o.code, {o.at, "", o.verified_only})), o);
}

Result<TableReport> commune_report_of(Store& store, const Assessment& a,
                                      const TableReportOptions& o) {
  TableReport r = TRY(report_frame(store, "commune", &a.unit, o.at, o));
  r.file_name = "bieu-tu-danh-gia-" + a.unit.code + "-" + o.at.iso();
  r.title = "BIỂU TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI";
  r.subtitle = a.unit.name + " — đến ngày " + o.at.vi() + " — " + a.set->name_vi +
               (a.set->illustrative ? " (minh họa)" : "") + " — đạt " +
               std::to_string(a.criteria_met) + "/" + std::to_string(a.criteria.size()) +
               " tiêu chí" + (o.verified_only ? "; số liệu đã thẩm định" : "; số liệu tự đánh giá");
  const auto overrides =
      TRY(store.criterion_departments(TRY(store.province_of(a.unit.unit_id)), a.set->id));
  ReportSection ind{"I. Kết quả từng chỉ tiêu",
                    "Chỉ tiêu",
                    {{"Tiêu chí", 26},
                     {"Chỉ tiêu", 40},
                     {"Giá trị", 12},
                     {"Yêu cầu", 12},
                     {"Đơn vị tính", 10},
                     {"Kết quả", 14},
                     {"Ngày số liệu", 12},
                     {"Nguồn ngưỡng", 30}},
                    {},
                    "Ngưỡng ghi \"chưa xác nhận\" lấy từ nguồn chưa được đối chiếu văn bản gốc."};
  ReportSection missing{"II. Tiêu chí chưa đạt và cơ quan phụ trách",
                        "Còn thiếu",
                        {{"Tiêu chí", 40}, {"Kết quả", 14}, {"Cơ quan phụ trách", 20}},
                        {},
                        ""};
  for (const CriterionResult& c : a.criteria) {
    for (const IndicatorResult& ir : c.indicators) {
      const Indicator& i = *ir.indicator;
      ind.rows.push_back(
          {c.criterion->code + ". " + c.criterion->name_vi, i.code + " " + i.name_vi, shown(ir),
           !ir.threshold ? ""
           : i.op == Op::kEq && (*ir.threshold == 0 || *ir.threshold == 1)
               ? std::string("= ") + yes_no_vi(*ir.threshold == 1)
               : std::string(op_symbol(i.op)) + " " + format_number_vi(*ir.threshold, 2),
           i.unit, std::string(outcome_vi_short(ir.status)),
           ir.value_date ? ir.value_date->vi() : "",
           i.source + (i.confirmed == "true" ? "" : " (chưa xác nhận)")});
    }
    if (c.status != Outcome::kMet) {
      missing.rows.push_back({c.criterion->code + ". " + c.criterion->name_vi,
                              std::string(outcome_vi_short(c.status)),
                              department_of(overrides, *c.criterion)});
    }
  }
  const PlanRow plan = TRY(plan_rows(store, {a})).front();
  ReportSection pl{
      "III. Kế hoạch", "Kế hoạch", {{"Mục tiêu", 20}, {"Tình trạng", 20}, {"Lý do", 70}}, {}, ""};
  pl.rows.push_back({plan.plan.plan ? plan.plan.plan->title + " năm " +
                                          std::to_string(plan.plan.plan->target_year)
                                    : "",
                     std::string(plan_state_vi(plan.status.state)), plan.status.reason});
  r.sections = {ind, missing, pl};
  return r;
}

Result<TableReport> department_report(Store& store, const Catalog& catalog,
                                      const TableReportOptions& o) {
  // The department's province: the reader's, or the only one.
  const int64_t province_id = o.province_id ? o.province_id : TRY(province_named(store, ""));
  const auto found = TRY(store.unit_version_at(province_id, o.at));
  if (!found) return Status::not_found("tỉnh của cơ quan không có vào ngày " + o.at.vi());
  const UnitVersion province = *found;
  std::string name = o.code;
  bool known = false;
  for (const auto& [code, n] : TRY(store.departments(province_id))) {
    if (code == o.code) name = n, known = true;
  }
  if (!known) return Status::not_found("không có cơ quan mã \"" + o.code + "\"");
  TableReport r = TRY(report_frame(store, "department", &province, o.at, o));
  r.file_name = "bao-cao-so-nganh-" + o.code + "-" + o.at.iso();
  r.title = "BÁO CÁO KẾT QUẢ CÁC TIÊU CHÍ DO " + name + " PHỤ TRÁCH";
  const auto list = TRY(
      evaluate_all(store, catalog, province.code, Level::kCommune, {o.at, "", o.verified_only}));
  if (list.empty()) return Status::not_found("không có xã nào để đánh giá vào ngày " + o.at.vi());
  const CriteriaSet& set = *list.front().set;
  r.subtitle = province.name + " — đến ngày " + o.at.vi() + " — " + set.name_vi;
  const auto overrides = TRY(store.criterion_departments(province_id, set.id));
  ReportSection counts{"I. Tiêu chí phụ trách",
                       "Tiêu chí",
                       {{"Tiêu chí", 44}, {"Đạt", 8}, {"Chưa đạt", 10}, {"Chưa xác định", 13}},
                       {},
                       ""};
  ReportSection gaps{"II. Xã chưa đạt các tiêu chí này",
                     "Xã chưa đạt",
                     {{"Xã", 24}, {"Tiêu chí", 40}, {"Chỉ tiêu chưa đạt", 60}},
                     {},
                     ""};
  for (const Criterion& c : set.criteria) {
    if (department_of(overrides, c) != o.code) continue;
    int met = 0, not_met = 0, unknown = 0;
    for (const Assessment& a : list) {
      for (const CriterionResult& cr : a.criteria) {
        if (cr.criterion->code != c.code) continue;
        (cr.status == Outcome::kMet ? met : cr.status == Outcome::kNotMet ? not_met : unknown)++;
        if (cr.status == Outcome::kMet) continue;
        std::string failing;
        for (const IndicatorResult& ir : cr.indicators)
          if (ir.status != Outcome::kMet)
            failing +=
                (failing.empty() ? "" : "; ") + ir.indicator->code + " " + reason_vi(ir.reason);
        gaps.rows.push_back({a.unit.name, c.code + ". " + c.name_vi, failing});
      }
    }
    counts.rows.push_back(
        {c.code + ". " + c.name_vi, double(met), double(not_met), double(unknown)});
  }
  User officer;
  officer.role = Role::kDepartment;
  officer.department = o.code;
  ReportSection queue{
      "III. Số liệu chờ thẩm định",
      "Chờ thẩm định",
      {{"Xã", 24}, {"Kỳ", 12}, {"Chỉ tiêu", 44}, {"Giá trị", 12}, {"Người gửi", 16}},
      {},
      ""};
  for (const QueueItem& q : TRY(verification_queue(store, catalog, officer))) {
    queue.rows.push_back(
        {q.unit.name, q.observation.date.vi(),
         q.indicator ? q.indicator->code + " " + q.indicator->name_vi : q.observation.measure_id,
         q.observation.value, q.observation.author});
  }
  ReportSection work{
      "IV. Phần việc do cơ quan chủ trì",
      "Phần việc",
      {{"Phần việc", 44}, {"Hạn", 12}, {"Tình trạng", 16}, {"Tiến độ (%)", 11}, {"Quá hạn", 9}},
      {},
      ""};
  for (const WorkItem& w : TRY(store.work_items())) {
    if (w.owner_kind != OwnerKind::kDepartment || w.owner_code != o.code) continue;
    work.rows.push_back({w.title, w.due.vi(), std::string(work_status_name(w.status)),
                         double(w.progress), std::string(w.overdue(o.at) ? "quá hạn" : "")});
  }
  r.sections = {counts, gaps, queue, work};
  return r;
}

Result<TableReport> sponsor_report(Store& store, const TableReportOptions& o) {
  const auto sponsor = TRY(store.sponsor(o.code));
  if (!sponsor) return Status::not_found("không có đơn vị đỡ đầu mã \"" + o.code + "\"");
  TableReport r = TRY(report_frame(store, "sponsor", nullptr, o.at, o));
  r.file_name = "bao-cao-do-dau-" + o.code + "-" + o.at.iso();
  r.title = "BÁO CÁO KẾT QUẢ ĐỠ ĐẦU XÂY DỰNG NÔNG THÔN MỚI";
  r.subtitle = sponsor->name + " — đến ngày " + o.at.vi();
  ReportSection commit{"I. Cam kết và kết quả hỗ trợ",
                       "Cam kết",
                       {{"Xã", 22},
                        {"Chương trình", 44},
                        {"Cam kết (đồng)", 16},
                        {"Đã hỗ trợ (đồng)", 16},
                        {"Hiện vật cam kết", 20}},
                       {},
                       ""};
  ReportSection ledger{
      "II. Sổ theo dõi hỗ trợ",
      "Đã hỗ trợ",
      {{"Xã", 22}, {"Ngày", 12}, {"Tiền (đồng)", 16}, {"Hiện vật", 20}, {"Nội dung", 44}},
      {},
      ""};
  ReportSection reviews{
      "III. Rà soát 6 tháng",
      "Rà soát",
      {{"Xã", 22}, {"Kỳ", 12}, {"Đã rà soát ngày", 14}, {"Kết quả", 60}, {"Tình trạng", 12}},
      {},
      ""};
  for (const SponsorshipView& s : TRY(sponsorship_views(store, nullptr, o.code, 0, o.at))) {
    if (o.province_id && s.sponsorship.province_id != o.province_id) continue;
    const std::string unit = s.unit ? s.unit->name : "";
    commit.rows.push_back({unit, s.sponsorship.program, double(s.sponsorship.money_pledged),
                           double(s.money_delivered), s.sponsorship.in_kind_pledged});
    for (const Delivery& d : s.deliveries)
      if (d.date <= o.at)
        ledger.rows.push_back({unit, d.date.vi(), double(d.money), d.in_kind, d.description});
    for (const ReviewDuty& d : s.duties) {
      reviews.rows.push_back({unit, d.due.vi(), d.done ? d.done->done.vi() : "",
                              d.done ? d.done->findings : "",
                              std::string(d.done      ? "đã rà soát"
                                          : d.overdue ? "quá hạn"
                                                      : "sắp tới")});
    }
  }
  r.sections = {commit, ledger, reviews};
  return r;
}

Result<TableReport> directives_report(Store& store, const TableReportOptions& o) {
  TableReport r = TRY(report_frame(store, "directives", nullptr, o.at, o));
  r.file_name = "theo-doi-ket-luan-" + o.at.iso();
  r.title = "BÁO CÁO THEO DÕI THỰC HIỆN KẾT LUẬN CỦA BAN CHỈ ĐẠO";
  r.subtitle = "Đến ngày " + o.at.vi();
  std::map<std::string, std::string> names;
  if (o.province_id)
    for (const auto& [code, n] : TRY(store.departments(o.province_id)))
      names["department:" + code] = n;
  for (const Sponsor& s : TRY(store.sponsors())) names["sponsor:" + s.code] = s.name;
  std::map<int64_t, Meeting> meetings;
  for (const Meeting& m : TRY(store.meetings())) meetings[m.id] = m;
  ReportSection list{
      "I. Các kết luận",
      "Kết luận",
      {{"Cuộc họp", 36}, {"Kết luận", 60}, {"Giao cho", 30}, {"Hạn", 12}, {"Tình trạng", 16}},
      {},
      ""};
  ReportSection reports{
      "II. Báo cáo tiến độ của các đơn vị",
      "Báo cáo",
      {{"Kết luận", 50}, {"Ngày", 12}, {"Đơn vị", 24}, {"Tiến độ (%)", 11}, {"Nội dung", 50}},
      {},
      ""};
  for (const Conclusion& c : TRY(store.conclusions(0))) {
    if (o.province_id && c.province_id != o.province_id) continue;
    const Meeting& m = meetings[c.meeting_id];
    if (m.date > o.at) continue;
    std::string owners;
    for (const ConclusionLink& l : c.links) {
      if (l.kind == "unit" || l.kind == "criterion") continue;
      const std::string key = l.kind + ":" + l.code;
      const std::string label = l.kind == "all_sponsors" ? "Tất cả đơn vị đỡ đầu"
                                : names.count(key)       ? names[key]
                                                         : l.code;
      owners += (owners.empty() ? "" : "; ") + label;
    }
    list.rows.push_back(
        {m.date.vi() + " " + m.title, c.text, owners,
         c.deadline.empty() ? "" : Date::parse(c.deadline)->vi(),
         std::string(c.status == ConclusionStatus::kDone         ? "đã hoàn thành"
                     : conclusion_overdue(c, o.at)               ? "quá hạn"
                     : c.status == ConclusionStatus::kInProgress ? "đang thực hiện"
                                                                 : "chưa thực hiện")});
    for (const ConclusionReport& rp : c.reports) {
      reports.rows.push_back({c.text, rp.date.vi(),
                              names.count(rp.owner) ? names[rp.owner] : rp.owner,
                              double(rp.progress), rp.text});
    }
  }
  r.sections = {list, reports};
  return r;
}

Result<TableReport> build_table_report(Store& store, const Catalog& catalog,
                                       const std::string& kind, const TableReportOptions& o) {
  if (kind == "commune") return commune_report(store, catalog, o);
  if (kind == "department") return department_report(store, catalog, o);
  if (kind == "sponsor") return sponsor_report(store, o);
  if (kind == "directives") return directives_report(store, o);
  if (kind == "transition") return transition_report(store, catalog, o);
  if (kind == "national") return national_report(store, catalog, o);
  if (kind == "recognitions") {
    const auto year = o.code.empty() ? std::optional<int64_t>(0) : parse_int(o.code, 1990, 2100);
    if (!year) return Status::invalid("năm \"" + o.code + "\" không hợp lệ");
    return recognitions_report(store, TRY(RecognitionBook::load(store)), o.province_id,
                               static_cast<int>(*year), o.issued_on);
  }
  return Status::invalid(
      "không có loại báo cáo \"" + kind +
      "\" (commune, department, sponsor, directives, transition, national, recognitions)");
}

}  // namespace ntm
