// The progress report as an XLSX workbook: a summary sheet with the
// administrative header, the units × criteria sheet (frozen panes, COUNTIF
// totals stored with their values), per-criterion counts, lagging units,
// overdue work, sponsors, conclusions.
#include "base/strings.h"
#include "reports/progress.h"
#include "reports/xlsx_book.h"

namespace ntm {
namespace {

void write_table_header(XlsxBook& b, lxw_worksheet* ws, int row,
                        const std::vector<std::pair<std::string, double>>& columns) {
  for (size_t i = 0; i < columns.size(); ++i) {
    write_text(ws, row, static_cast<lxw_col_t>(i), columns[i].first.c_str(), b.header());
    worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i),
                         columns[i].second, nullptr);
  }
}

void summary_sheet(XlsxBook& b, const ProgressReport& r) {
  lxw_worksheet* ws = b.sheet("Tổng hợp");
  int row = 0;
  if (r.demo) {
    worksheet_merge_range(
        ws, row, 0, row, 3,
        "DỮ LIỆU MINH HỌA — số liệu tổng hợp (giả lập), không phải số liệu chính thức", b.note());
    ++row;
  }
  worksheet_merge_range(ws, row, 0, row, 1, report_issuer(r.province_full).c_str(),
                        b.plain_center());
  worksheet_merge_range(ws, row, 2, row, 3, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b.bold_center());
  ++row;
  worksheet_merge_range(ws, row, 0, row, 1, "VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI", b.bold_center());
  worksheet_merge_range(ws, row, 2, row, 3, "Độc lập - Tự do - Hạnh phúc", b.bold_center());
  ++row;
  worksheet_merge_range(ws, row, 0, row, 1, "Số:       /BC-VPĐP", b.plain_center());
  worksheet_merge_range(ws, row, 2, row, 3,
                        place_and_date(r.province_name, r.opts.issued_on).c_str(),
                        b.plain_center());
  row += 2;
  const std::string heading = "BÁO CÁO ĐÁNH GIÁ TIẾN ĐỘ XÂY DỰNG NÔNG THÔN MỚI " +
                              upper_vi(r.parent.name) + " ĐẾN NGÀY " + r.opts.at.vi();
  worksheet_merge_range(ws, row, 0, row, 3, heading.c_str(), b.title());
  worksheet_set_row(ws, row, 36, nullptr);
  ++row;
  const std::string basis =
      "Bộ tiêu chí: " + r.set->name_vi + (r.set->illustrative ? " (minh họa)" : "") +
      (r.opts.verified_only ? "; số liệu đã thẩm định" : "; số liệu tự đánh giá");
  worksheet_merge_range(ws, row, 0, row, 3, basis.c_str(), b.note());
  row += 2;
  write_text(ws, row++, 0, "I. KẾT QUẢ CHUNG", b.bold());
  const bool cmp = r.compare_summary.has_value();
  write_table_header(b, ws, row, {{"Chỉ tiêu", 48}, {"Ngày " + r.opts.at.vi(), 20}});
  worksheet_set_column(ws, 2, 2, 20, nullptr);  // after the header: one width per column
  worksheet_set_column(ws, 3, 3, 22, nullptr);
  if (cmp) {
    write_text(ws, row, 2, ("Ngày " + r.compare_at.vi()).c_str(), b.header());
    write_text(ws, row, 3, "Tăng/giảm", b.header());
  }
  ++row;
  const int first = row;
  const std::string title = r.set->titles.empty() ? "đạt chuẩn" : r.set->titles.front().name_vi;
  auto line = [&](const std::string& label, double now, double then, lxw_format* f, bool diff) {
    write_text(ws, row, 0, label.c_str(), b.cell());
    worksheet_write_number(ws, row, 1, now, f);
    if (cmp) {
      worksheet_write_number(ws, row, 2, then, f);
      if (diff) {
        const std::string formula = "=B" + std::to_string(row + 1) + "-C" + std::to_string(row + 1);
        worksheet_write_formula_num(ws, row, 3, formula.c_str(), f, now - then);
      } else {
        worksheet_write_blank(ws, row, 3, b.cell());
      }
    }
    ++row;
  };
  const Summary& s = r.summary;
  const Summary t = cmp ? *r.compare_summary : Summary{};
  line("Số xã đánh giá", s.units, t.units, b.number(), true);
  line("Số xã đạt danh hiệu \u201c" + title + "\u201d", s.title_met, t.title_met, b.number(), true);
  // The share as a formula, stored with its value so every reader shows it.
  write_text(ws, row, 0, "Tỷ lệ", b.cell());
  for (int c = 1; c <= (cmp ? 2 : 1); ++c) {
    const Summary& x = c == 1 ? s : t;
    const std::string f = "=IF(" + xlsx_column(c) + std::to_string(first + 1) + "=0,0," +
                          xlsx_column(c) + std::to_string(first + 2) + "/" + xlsx_column(c) +
                          std::to_string(first + 1) + ")";
    worksheet_write_formula_num(ws, row, static_cast<lxw_col_t>(c), f.c_str(), b.percent(),
                                x.units ? static_cast<double>(x.title_met) / x.units : 0);
  }
  if (cmp) worksheet_write_blank(ws, row, 3, b.cell());
  ++row;
  line("Bình quân tiêu chí đạt/xã", s.average_criteria_met, t.average_criteria_met, b.decimal(),
       true);
  line("Số xã đã được công nhận (quyết định còn hiệu lực)", r.recognised,
       r.compare_recognised.value_or(0), b.number(), r.compare_recognised.has_value());
  const bool same_bands = same_set_compared(r);
  for (size_t i = 0; i < s.bands.size(); ++i) {
    const std::string label = "Số xã đạt " + s.bands[i].label + " tiêu chí";
    if (same_bands) {
      line(label, s.bands[i].units, t.bands[i].units, b.number(), true);
      continue;
    }
    write_text(ws, row, 0, label.c_str(), b.cell());
    worksheet_write_number(ws, row, 1, s.bands[i].units, b.number());
    ++row;
  }
  if (const std::string note = other_set_note(r); !note.empty()) {
    ++row;
    worksheet_merge_range(ws, row, 0, row, 3, note.c_str(), b.note());
    ++row;
  }
  // The signature block, as the printed report has it.
  row += 2;
  worksheet_merge_range(ws, row, 0, row, 1, "Nơi nhận:", b.note());
  worksheet_merge_range(ws, row, 2, row, 3, "CHÁNH VĂN PHÒNG", b.bold_center());
  for (const char* to : {"- Ban Chỉ đạo;", "- Các sở, ngành;", "- Lưu: VT."}) {
    ++row;
    worksheet_merge_range(ws, row, 0, row, 1, to, b.note());
  }
}

void matrix_sheet(XlsxBook& b, const ProgressReport& r) {
  lxw_worksheet* ws = b.sheet("Xã - tiêu chí");
  const int n = static_cast<int>(r.set->criteria.size());
  const std::string heading = "II. KẾT QUẢ TỪNG XÃ THEO TIÊU CHÍ ĐẾN NGÀY " + r.opts.at.vi();
  worksheet_merge_range(ws, 0, 0, 0, n + 4, heading.c_str(), b.title());
  // Two header rows: "Tiêu chí" merged over the criteria, codes below.
  worksheet_merge_range(ws, 1, 0, 2, 0, "TT", b.header());
  worksheet_merge_range(ws, 1, 1, 2, 1, "Mã", b.header());
  worksheet_merge_range(ws, 1, 2, 2, 2, "Xã", b.header());
  if (n > 1) {
    worksheet_merge_range(ws, 1, 3, 1, n + 2, "Tiêu chí", b.header());
  } else {
    write_text(ws, 1, 3, "Tiêu chí", b.header());
  }
  worksheet_merge_range(ws, 1, n + 3, 2, n + 3, "Số TC đạt", b.header());
  worksheet_merge_range(ws, 1, n + 4, 2, n + 4, "Kế hoạch", b.header());
  for (int i = 0; i < n; ++i) write_text(ws, 2, 3 + i, r.set->criteria[i].code.c_str(), b.header());
  worksheet_set_column(ws, 0, 0, 5, nullptr);
  worksheet_set_column(ws, 1, 1, 8, nullptr);
  worksheet_set_column(ws, 2, 2, 24, nullptr);
  worksheet_set_column(ws, 3, n + 2, 7, nullptr);
  worksheet_set_column(ws, n + 3, n + 3, 9, nullptr);
  worksheet_set_column(ws, n + 4, n + 4, 18, nullptr);
  worksheet_freeze_panes(ws, 3, 3);
  worksheet_repeat_rows(ws, 1, 2);
  int row = 3;
  for (const PlanRow& p : r.rows) {
    const Assessment& a = p.assessment;
    worksheet_write_number(ws, row, 0, row - 2, b.number());
    write_text(ws, row, 1, a.unit.code.c_str(), b.cell());
    write_text(ws, row, 2, a.unit.name.c_str(), b.cell());
    for (int i = 0; i < n && i < static_cast<int>(a.criteria.size()); ++i) {
      const Outcome o = a.criteria[i].status;
      write_text(ws, row, 3 + i,
                 o == Outcome::kMet      ? "Đạt"
                 : o == Outcome::kNotMet ? ""
                                         : "?",
                 b.center());
    }
    const std::string f = "=COUNTIF(" + xlsx_column(3) + std::to_string(row + 1) + ":" +
                          xlsx_column(n + 2) + std::to_string(row + 1) + ",\"Đạt\")";
    worksheet_write_formula_num(ws, row, n + 3, f.c_str(), b.number(), a.criteria_met);
    write_text(ws, row, n + 4, plan_state_vi(p.status.state), b.cell());
    ++row;
  }
  write_text(ws, row, 2, "Số xã đạt", b.header());
  for (int i = 0; i < n; ++i) {
    const std::string range = xlsx_column(3 + i) + "4:" + xlsx_column(3 + i) + std::to_string(row);
    const std::string f = "=COUNTIF(" + range + ",\"Đạt\")";
    worksheet_write_formula_num(ws, row, 3 + i, f.c_str(), b.number(), r.criteria[i].met);
  }
}

void list_sheet(XlsxBook& b, const std::string& name, const std::string& heading,
                const std::vector<std::pair<std::string, double>>& columns,
                const std::vector<std::vector<std::pair<std::string, double>>>& rows) {
  lxw_worksheet* ws = b.sheet(name);
  worksheet_merge_range(ws, 0, 0, 0, static_cast<lxw_col_t>(columns.size() - 1), heading.c_str(),
                        b.title());
  write_table_header(b, ws, 1, columns);
  worksheet_freeze_panes(ws, 2, 0);
  int row = 2;
  for (const auto& cells : rows) {
    for (size_t c = 0; c < cells.size(); ++c) {
      // A cell is text, or a number when its text is empty and the number is set.
      if (cells[c].first.empty() && cells[c].second >= 0) {
        worksheet_write_number(ws, row, static_cast<lxw_col_t>(c), cells[c].second, b.number());
      } else {
        write_text(ws, row, static_cast<lxw_col_t>(c), cells[c].first.c_str(), b.cell());
      }
    }
    ++row;
  }
}

using Cells = std::vector<std::pair<std::string, double>>;
Cells::value_type text(const std::string& s) { return {s, -1}; }
Cells::value_type number(double v) { return {"", v}; }

}  // namespace

Result<std::string> progress_xlsx(const ProgressReport& r) {
  XlsxBook b("Báo cáo đánh giá tiến độ " + r.parent.name + " " + r.opts.at.iso(), r.opts.issued_on);
  summary_sheet(b, r);
  matrix_sheet(b, r);
  std::vector<Cells> rows;
  for (const CriterionCount& c : r.criteria) {
    rows.push_back({text(c.criterion->code + ". " + c.criterion->name_vi),
                    text(department_label(r, c.criterion->code)), number(c.met), number(c.not_met),
                    number(c.unknown)});
  }
  list_sheet(b, "Theo tiêu chí", "III. KẾT QUẢ THEO TIÊU CHÍ",
             {{"Tiêu chí", 48},
              {"Cơ quan phụ trách", 34},
              {"Đạt", 9},
              {"Chưa đạt", 10},
              {"Chưa xác định", 13}},
             rows);
  rows.clear();
  for (const PlanRow* p : r.lagging) {
    std::string missing;
    for (const CriterionResult& c : p->assessment.criteria) {
      if (c.status == Outcome::kMet) continue;
      const std::string dep =
          r.departments.count(c.criterion->code) ? r.departments.at(c.criterion->code) : "";
      missing += (missing.empty() ? "" : "; ") + c.criterion->code + ". " + c.criterion->name_vi +
                 (dep.empty() ? "" : " (" + dep + ")");
    }
    rows.push_back({text(p->assessment.unit.name), number(p->assessment.criteria_met),
                    text(plan_state_vi(p->status.state)), text(missing)});
  }
  list_sheet(b, "Xã chưa đạt", "IV. CÁC XÃ CHƯA ĐẠT CHUẨN: TIÊU CHÍ CÒN THIẾU VÀ TRÁCH NHIỆM",
             {{"Xã", 24},
              {"Số TC đạt", 10},
              {"Kế hoạch", 18},
              {"Tiêu chí còn thiếu (cơ quan phụ trách)", 90}},
             rows);
  rows.clear();
  for (const WorkItem& w : r.overdue) {
    rows.push_back({text(w.title), text(r.unit_names.at(w.unit_id)), text(owner_label(r, w)),
                    text(w.due.vi()), number(w.progress), number(static_cast<double>(w.budget)),
                    number(static_cast<double>(w.spent))});
  }
  list_sheet(b, "Phần việc quá hạn", "V. PHẦN VIỆC QUÁ HẠN",
             {{"Phần việc", 44},
              {"Xã", 20},
              {"Chủ trì", 18},
              {"Hạn", 12},
              {"Tiến độ (%)", 11},
              {"Kinh phí (đồng)", 18},
              {"Đã chi (đồng)", 18}},
             rows);
  rows.clear();
  for (const SponsorshipView& s : r.sponsors) {
    rows.push_back({text(s.sponsor_name), text(s.unit ? s.unit->name : ""),
                    number(static_cast<double>(s.sponsorship.money_pledged)),
                    number(static_cast<double>(s.money_delivered))});
  }
  list_sheet(b, "Đỡ đầu", "VI. ĐƠN VỊ ĐỠ ĐẦU: CAM KẾT VÀ KẾT QUẢ HỖ TRỢ",
             {{"Đơn vị đỡ đầu", 40}, {"Xã", 22}, {"Cam kết (đồng)", 18}, {"Đã hỗ trợ (đồng)", 18}},
             rows);
  rows.clear();
  for (const auto& [m, c] : r.conclusions) {
    rows.push_back({text(m.date.vi() + " " + m.title), text(c.text),
                    text(c.deadline.empty() ? "" : Date::parse(c.deadline)->vi()),
                    text(c.status == ConclusionStatus::kDone ? "Đã hoàn thành"
                         : conclusion_overdue(c, r.opts.at)  ? "Quá hạn"
                                                            : "Đang thực hiện/chưa thực hiện")});
  }
  list_sheet(b, "Kết luận BCĐ", "VII. THỰC HIỆN KẾT LUẬN CỦA BAN CHỈ ĐẠO",
             {{"Cuộc họp", 40}, {"Kết luận", 70}, {"Hạn", 12}, {"Tình trạng", 22}}, rows);
  return b.finish();
}

}  // namespace ntm
