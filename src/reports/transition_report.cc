// The transition report (báo cáo chuyển tiếp bộ tiêu chí): every commune's
// standing under the set that ended the day before the current one began,
// next to its standing under the current set, so an office sees which
// communes recognised under the old set still meet the new one. Criteria
// that cannot be assessed because the new set has no indicator or threshold
// yet are counted apart ("chưa có ngưỡng"), never as met or not met.
#include <map>

#include "reports/table_report.h"
#include "rules/engine.h"

namespace ntm {
namespace {

// A criterion is unknown only because the set says nothing yet.
bool threshold_missing(const CriterionResult& c) {
  if (c.status != Outcome::kUnknown) return false;
  if (c.reason == kReasonNoIndicators) return true;
  for (const IndicatorResult& i : c.indicators)
    if (i.status == Outcome::kUnknown && i.reason == kReasonThresholdNotSet) return true;
  return false;
}

std::string title_vi(const Assessment& a) {
  return a.titles.empty() ? "" : outcome_vi_short(a.titles.front().status);
}

struct Standing {
  int met = 0, not_met = 0, no_threshold = 0, no_data = 0;
};

Standing standing(const Assessment& a) {
  Standing s;
  for (const CriterionResult& c : a.criteria) {
    if (c.status == Outcome::kMet) ++s.met;
    if (c.status == Outcome::kNotMet) ++s.not_met;
    if (threshold_missing(c)) ++s.no_threshold;
  }
  s.no_data = static_cast<int>(a.criteria.size()) - s.met - s.not_met - s.no_threshold;
  return s;
}

// Where a commune recognised under the old set stands now.
std::string verdict(const Assessment& now, const Standing& s) {
  if (now.titles.empty()) return "";
  switch (now.titles.front().status) {
    case Outcome::kMet:
      return "Giữ chuẩn theo bộ mới";
    case Outcome::kNotMet:
      return "Chưa đạt theo bộ mới";
    case Outcome::kUnknown:
      break;
  }
  return s.no_threshold > 0 ? "Chưa xác định — chưa có ngưỡng" : "Chưa xác định — thiếu số liệu";
}

}  // namespace

Result<TableReport> transition_report(Store& store, const Catalog& catalog,
                                      const TableReportOptions& o) {
  const auto parent = TRY(store.unit_at(o.code, o.at));
  if (!parent) return Status::not_found("không có đơn vị mã " + o.code + " vào ngày " + o.at.vi());
  const auto now =
      TRY(evaluate_all(store, catalog, o.code, Level::kCommune, {o.at, o.set_id, o.verified_only}));
  if (now.empty()) return Status::not_found("không có xã nào để đánh giá vào ngày " + o.at.vi());
  const CriteriaSet& current = *now.front().set;
  const Date old_day = current.effective_from.add_days(-1);
  const CriteriaSet* old =
      catalog.in_force(current.series, old_day, current.level, current.province_id);
  if (!old) {
    return Status::not_found("bộ \"" + current.id + "\" không có phiên bản trước ngày " +
                             current.effective_from.vi() + " để so sánh");
  }
  const auto before = TRY(
      evaluate_all(store, catalog, o.code, Level::kCommune, {old_day, old->id, o.verified_only}));
  std::map<std::string, const Assessment*> before_by_code;
  for (const Assessment& a : before) before_by_code[a.unit.code] = &a;

  TableReport r = TRY(report_frame(store, "transition", &*parent, o.at, o));
  r.file_name = "bao-cao-chuyen-tiep-" + parent->code + "-" + o.at.iso();
  r.title = "BÁO CÁO CHUYỂN TIẾP BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI";
  r.subtitle = parent->name + " — " + old->name_vi + " (ngày " + old_day.vi() + ") → " +
               current.name_vi + " (ngày " + o.at.vi() + ")" +
               (current.illustrative || old->illustrative ? " — có bộ minh họa" : "") +
               (o.verified_only ? "; số liệu đã thẩm định" : "; số liệu tự đánh giá");
  const std::vector<std::pair<std::string, double>> columns = {{"Mã", 8},
                                                               {"Xã", 24},
                                                               {"Nhóm xã", 8},
                                                               {"Bộ cũ: tiêu chí đạt", 12},
                                                               {"Bộ cũ: danh hiệu", 14},
                                                               {"Bộ mới: đạt", 10},
                                                               {"Bộ mới: chưa đạt", 10},
                                                               {"Bộ mới: chưa có ngưỡng", 12},
                                                               {"Bộ mới: thiếu số liệu", 12},
                                                               {"Bộ mới: danh hiệu", 14},
                                                               {"Kết luận", 30}};
  ReportSection kept{
      "I. Xã đạt chuẩn theo bộ cũ: tình hình theo bộ mới", "Đạt chuẩn bộ cũ", columns, {}, ""};
  ReportSection rest{"II. Các xã khác", "Xã khác", columns, {}, ""};
  std::map<std::string, int> verdicts;
  for (const Assessment& a : now) {
    const Standing s = standing(a);
    const auto b = before_by_code.find(a.unit.code);
    const Assessment* old_a = b == before_by_code.end() ? nullptr : b->second;
    const bool was_ntm =
        old_a && !old_a->titles.empty() && old_a->titles.front().status == Outcome::kMet;
    const std::string v = was_ntm ? verdict(a, s) : "";
    if (was_ntm) ++verdicts[v];
    (was_ntm ? kept : rest)
        .rows.push_back({a.unit.code, a.unit.name, a.variant.empty() ? "chưa phân" : a.variant,
                         old_a ? std::to_string(old_a->criteria_met) + "/" +
                                     std::to_string(old_a->criteria.size())
                               : "",
                         old_a ? title_vi(*old_a) : "", static_cast<double>(s.met),
                         static_cast<double>(s.not_met), static_cast<double>(s.no_threshold),
                         static_cast<double>(s.no_data), title_vi(a), v});
  }
  kept.note = std::to_string(kept.rows.size()) + " xã đạt chuẩn theo bộ cũ: ";
  bool first = true;
  for (const auto& [v, n] : verdicts) {
    kept.note += (first ? "" : "; ") + v + " " + std::to_string(n);
    first = false;
  }
  kept.note +=
      ". \"Chưa có ngưỡng\": tiêu chí chưa có chỉ tiêu hoặc ngưỡng cho nhóm xã trong bộ mới "
      "(chờ hướng dẫn), không tính là đạt hay chưa đạt.";
  r.sections = {kept, rest};
  return r;
}

}  // namespace ntm
