#include "reports/bulk_template.h"

#include <algorithm>
#include <set>

#include "base/csv.h"
#include "base/strings.h"
#include "base/xlsx.h"
#include "reports/xlsx_book.h"

namespace ntm {
namespace {

// The value a cell starts with: this period's, else the last one.
std::optional<double> prefill(const EntryField& f) {
  return f.current ? std::optional(f.current->value)
         : f.last  ? std::optional(f.last->value)
                   : std::nullopt;
}

std::string text(const Measure& m, double v) {
  if (m.type == MeasureType::kBoolean) return yes_no_vi(v == 1);
  return format_number(v);
}

}  // namespace

Result<std::string> bulk_template_xlsx(const BulkForm& b, Date created) {
  XlsxBook book("Biểu nhập tổng hợp " + b.parent.name + " " + b.period.iso(), created);
  lxw_worksheet* ws = book.sheet("Nhập tổng hợp");
  const auto& fields = b.forms.front().fields;
  book.heading(ws, 0, 0, static_cast<lxw_col_t>(std::min<size_t>(1 + fields.size(), 7)),
               "BIỂU NHẬP SỐ LIỆU TỔNG HỢP: " + b.parent.name);
  write_text(ws, 1, 0, "Mã đơn vị", book.header());
  write_text(ws, 1, 1, b.parent.code.c_str(), book.cell());
  write_text(ws, 2, 0, "Kỳ báo cáo", book.header());
  write_text(ws, 2, 1, b.period.iso().c_str(), book.cell());
  write_text(ws, 3, 0, kBulkMarker, book.note());
  write_text(ws, kBulkHeaderRow - 1, 0, "Mã xã", book.header());
  write_text(ws, kBulkHeaderRow - 1, 1, "Tên xã", book.header());
  write_text(ws, kBulkHeaderRow, 0, "", book.header());
  write_text(ws, kBulkHeaderRow, 1, "", book.header());
  std::string longest;
  for (size_t i = 0; i < fields.size(); ++i) {
    const int c = 2 + static_cast<int>(i);
    write_text(ws, kBulkHeaderRow - 1, c, fields[i].measure->id.c_str(), book.header());
    const std::string label =
        fields[i].indicator->code + " " + fields[i].measure->name_vi +
        (fields[i].measure->unit.empty() ? "" : " (" + fields[i].measure->unit + ")");
    write_text(ws, kBulkHeaderRow, c, label.c_str(), book.header());
    if (label.size() > longest.size()) longest = label;
  }
  worksheet_set_column(ws, 0, 0, 9, nullptr);
  worksheet_set_column(ws, 1, 1, 24, nullptr);
  worksheet_set_column(ws, 2, static_cast<lxw_col_t>(1 + fields.size()), 14, nullptr);
  fit_row(ws, kBulkHeaderRow, {{longest, 14}});  // the header row fits its longest label
  worksheet_freeze_panes(ws, kBulkHeaderRow + 1, 2);
  int row = kBulkHeaderRow + 1;
  for (const EntryForm& f : b.forms) {
    write_text(ws, row, 0, f.unit.code.c_str(), book.cell());
    write_text(ws, row, 1, f.unit.name.c_str(), book.cell());
    for (size_t i = 0; i < f.fields.size(); ++i) {
      const EntryField& field = f.fields[i];
      const auto v = prefill(field);
      const int c = 2 + static_cast<int>(i);
      if (!v) {
        worksheet_write_blank(ws, row, c, book.input());
      } else if (field.measure->type == MeasureType::kBoolean) {
        write_text(ws, row, c, text(*field.measure, *v).c_str(), book.input());
      } else {
        worksheet_write_number(ws, row, c, *v, book.input());
      }
    }
    ++row;
  }
  // Each column's rule for all its rows: Có/Không from a list, 0..100 for
  // a percentage (as in the commune's own template).
  for (size_t i = 0; i < fields.size() && row > kBulkHeaderRow + 1; ++i) {
    lxw_data_validation dv = value_validation(*fields[i].measure);
    const auto c = static_cast<lxw_col_t>(2 + i);
    worksheet_data_validation_range(ws, kBulkHeaderRow + 1, c, row - 1, c, &dv);
  }
  lxw_protection protection{};
  protection.format_columns = 1;
  worksheet_protect(ws, nullptr, &protection);
  return book.finish();
}

std::string bulk_template_csv(const BulkForm& b) {
  const auto& fields = b.forms.front().fields;
  std::string out =
      "\xEF\xBB\xBF"
      "BIỂU NHẬP SỐ LIỆU TỔNG HỢP," +
      csv_field(b.parent.name) + "\n";
  out += "Mã đơn vị," + csv_field(b.parent.code) + "\nKỳ báo cáo," + b.period.iso() + "\n" +
         kBulkMarker + "\n\nMã xã,Tên xã";
  for (const EntryField& f : fields) out += "," + csv_field(f.measure->id);
  out += "\n,";
  for (const EntryField& f : fields)
    out += "," + csv_field(f.indicator->code + " " + f.measure->name_vi);
  out += "\n";
  for (const EntryForm& f : b.forms) {
    out += csv_field(f.unit.code) + "," + csv_field(f.unit.name);
    for (const EntryField& field : f.fields) {
      const auto v = prefill(field);
      out += "," + (v ? csv_field(text(*field.measure, *v)) : "");
    }
    out += "\n";
  }
  return out;
}

Result<FilledBulk> read_bulk_template(std::string_view bytes, const std::string& name) {
  const auto rows = TRY(parse_csv(TRY(table_text(bytes, name))));
  std::map<int, const CsvRow*> by_line;
  for (const CsvRow& r : rows) by_line[r.line] = &r;
  auto cell = [&](int line, size_t c) -> std::string {
    const auto it = by_line.find(line);
    return it != by_line.end() && c < it->second->fields.size()
               ? std::string(trim(it->second->fields[c]))
               : "";
  };
  if (cell(4, 0) != kBulkMarker) {
    return Status::invalid(name +
                           ": không phải biểu nhập tổng hợp của NTM Monitor (ô A4 phải có mã "
                           "biểu). Hãy tải biểu mẫu mới.");
  }
  FilledBulk f;
  f.parent_code = cell(2, 1);
  auto period = Date::parse(cell(3, 1));
  if (!period.is_ok())
    return Status::invalid(name + ", ô B3 (kỳ báo cáo): " + period.status().message());
  f.period = *period;
  const auto header = by_line.find(kBulkHeaderRow);
  if (header == by_line.end() || cell(kBulkHeaderRow, 0) != "Mã xã") {
    return Status::invalid(name + ": dòng tiêu đề (dòng " + std::to_string(kBulkHeaderRow) +
                           ") đã bị thay đổi; hãy dùng biểu mẫu mới.");
  }
  const std::vector<std::string>& measures = header->second->fields;
  for (const CsvRow& r : rows) {
    if (r.line <= kBulkHeaderRow + 1 || r.fields.empty()) continue;
    const std::string unit(trim(r.fields[0]));
    if (unit.empty()) continue;
    auto& values = f.values[unit];
    for (size_t c = 2; c < r.fields.size() && c < measures.size(); ++c) {
      const std::string m(trim(measures[c]));
      if (m.empty()) continue;
      f.cells[unit + "|" + m] = xlsx_column(static_cast<int>(c)) + std::to_string(r.line);
      f.columns.emplace(m, xlsx_column(static_cast<int>(c)) + std::to_string(kBulkHeaderRow));
      values[m] = std::string(trim(r.fields[c]));
    }
  }
  return f;
}

}  // namespace ntm
