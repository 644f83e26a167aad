#include "cli/output.h"

#include <ostream>

#include "base/csv.h"
#include "base/strings.h"
#include "reports/progress.h"
#include "rules/engine.h"

namespace ntm {
namespace {

const char* outcome_vi(Outcome o) {
  switch (o) {
    case Outcome::kMet:
      return "đạt";
    case Outcome::kNotMet:
      return "chưa đạt";
    case Outcome::kUnknown:
      return "chưa xác định";
  }
  return "?";
}

std::string opt_number(const std::optional<double>& v) { return v ? format_number(*v) : ""; }

// Yes/no indicators compare with "= 1" or "= 0": show them as words.
std::string shown(const std::optional<double>& v, const Indicator& ind, const char* missing) {
  if (!v) return missing;
  if (ind.op == Op::kEq && (*v == 0 || *v == 1)) return *v == 1 ? "có" : "không";
  return format_number_vi(*v, 2);
}

void print_heading(const Assessment& a, const UnitVersion& subject, std::ostream& out) {
  out << subject.name << " (" << subject.code << ") - ngày " << a.at.vi() << "\n"
      << "Bộ tiêu chí: " << a.set->name_vi << " [" << a.set->id << "]"
      << (a.set->illustrative ? " - MINH HỌA, không phải ngưỡng chính thức" : "") << "\n"
      << "Số liệu: " << (a.verified_only ? "chỉ số liệu đã thẩm định" : "đã gửi và đã thẩm định")
      << (a.variant.empty() ? "" : ", biến thể " + a.variant) << "\n";
}

}  // namespace

void print_unit_table(const Assessment& a, std::ostream& out) {
  print_heading(a, a.unit, out);
  out << "Đạt " << a.criteria_met << "/" << a.criteria.size() << " tiêu chí";
  for (const TitleResult& t : a.titles)
    out << "; " << t.title->name_vi << ": " << outcome_vi(t.status);
  out << "\n\n";
  for (const CriterionResult& c : a.criteria) {
    out << c.criterion->code << ". " << c.criterion->name_vi << ": " << outcome_vi(c.status);
    if (!c.reason.empty()) out << " (" << reason_vi(c.reason) << ")";
    out << "\n";
    for (const IndicatorResult& r : c.indicators) {
      out << "    " << r.indicator->code << " " << r.indicator->name_vi << ": "
          << shown(r.value, *r.indicator, "-") << " " << op_symbol(r.indicator->op) << " "
          << shown(r.threshold, *r.indicator, "?") << " " << r.indicator->unit << " -> "
          << outcome_vi(r.status);
      if (!r.reason.empty() && r.status != Outcome::kNotMet)
        out << " (" << reason_vi(r.reason) << ")";
      out << "\n";
    }
  }
}

void print_unit_csv(const Assessment& a, std::ostream& out) {
  out << "unit_code,criterion,indicator,measure,value,value_date,op,threshold,status,reason\n";
  for (const CriterionResult& c : a.criteria) {
    if (c.indicators.empty()) {
      out << a.unit.code << "," << csv_field(c.criterion->code) << ",,,,,,,"
          << outcome_name(c.status) << "," << c.reason << "\n";
    }
    for (const IndicatorResult& r : c.indicators) {
      out << a.unit.code << "," << csv_field(c.criterion->code) << ","
          << csv_field(r.indicator->code) << "," << r.indicator->measure << ","
          << opt_number(r.value) << "," << (r.value_date ? r.value_date->iso() : "") << ","
          << op_symbol(r.indicator->op) << "," << opt_number(r.threshold) << ","
          << outcome_name(r.status) << "," << r.reason << "\n";
    }
  }
}

void print_all_table(const UnitVersion& parent, const std::vector<Assessment>& list,
                     std::ostream& out) {
  if (list.empty()) {
    out << parent.name << " (" << parent.code << "): không có đơn vị nào.\n";
    return;
  }
  print_heading(list.front(), parent, out);
  out << "\n";
  for (const Assessment& a : list) {
    out << a.unit.code << "  " << a.unit.name << "  " << a.criteria_met << "/" << a.criteria.size()
        << "  " << (a.titles.empty() ? "" : outcome_vi(a.titles.front().status)) << "\n";
  }
  const Summary s = summarize(list);
  out << "\nTổng: " << s.units << " đơn vị; "
      << (list.front().titles.empty() ? "" : list.front().titles.front().title->name_vi) << ": "
      << s.title_met << "/" << s.units << "; bình quân "
      << format_number_vi(s.average_criteria_met, 1) << " tiêu chí/đơn vị\n";
  for (const BandCount& b : s.bands) out << "  " << b.label << " tiêu chí: " << b.units << "\n";
}

void print_all_csv(const std::vector<Assessment>& list, std::ostream& out, bool header) {
  if (header) out << "unit_code,unit_name,criteria_met,criteria_total,title_status\n";
  for (const Assessment& a : list) {
    out << a.unit.code << "," << csv_field(a.unit.name) << "," << a.criteria_met << ","
        << a.criteria.size() << ","
        << (a.titles.empty() ? "" : outcome_name(a.titles.front().status)) << "\n";
  }
}

void print_plan_rows(const std::vector<PlanRow>& rows, bool csv, std::ostream& out) {
  if (csv) {
    out << "unit_code,unit_name,title,target_year,state,criteria_met,criteria_expected,late,"
           "inherited_from\n";
  }
  for (const PlanRow& r : rows) {
    const Plan* p = r.plan.plan ? &*r.plan.plan : nullptr;
    std::string late, from;
    for (const Criterion* c : r.status.late) late += (late.empty() ? "" : " ") + c->code;
    for (const std::string& n : r.plan.inherited_from) from += (from.empty() ? "" : "; ") + n;
    if (csv) {
      out << r.assessment.unit.code << "," << csv_field(r.assessment.unit.name) << ","
          << (p ? p->title : "") << "," << (p ? std::to_string(p->target_year) : "") << ","
          << plan_state_name(r.status.state) << "," << r.status.met << "," << r.status.expected
          << "," << late << "," << csv_field(from) << "\n";
    } else {
      out << r.assessment.unit.code << "  " << r.assessment.unit.name << "  "
          << (p ? p->title + " " + std::to_string(p->target_year) : "-") << "  "
          << plan_state_vi(r.status.state) << ": " << r.status.reason << "\n";
    }
  }
}

}  // namespace ntm
