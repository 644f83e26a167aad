#include "reports/entry_template.h"

#include <set>

#include "base/csv.h"
#include "base/strings.h"
#include "base/xlsx.h"
#include "reports/xlsx_book.h"

namespace ntm {
namespace {

// Columns of the measures table (0-based): A id, B criterion, C indicator,
// D unit, E last value, F this period (input), G note (input).
constexpr int kValueCol = 5;

std::string shown(const Measure& m, double v) {
  if (m.type == MeasureType::kBoolean) return yes_no_vi(v == 1);
  return format_number(v);
}

const char* const kInstructions[] = {
    "HƯỚNG DẪN ĐIỀN BIỂU MẪU",
    "1. Chỉ điền cột \"Giá trị kỳ này\" (cột F) và \"Ghi chú\" (cột G); các cột khác được khóa.",
    "2. Ô đã điền sẵn số liệu kỳ này hoặc kỳ trước: giữ nguyên nếu không thay đổi, sửa nếu đã "
    "thay đổi.",
    "3. Tỷ lệ (%) nhập số từ 0 đến 100, dùng dấu phẩy hoặc dấu chấm thập phân (ví dụ 86,5).",
    "4. Chỉ tiêu có/không: chọn Có hoặc Không trong danh sách.",
    "5. Không thêm, xóa hay đổi thứ tự dòng, không đổi tên trang tính.",
    "6. Tải tệp lên tại trang Nhập số liệu > \"Tải lên biểu Excel\": hệ thống kiểm tra từng ô, "
    "hiện các thay đổi (cũ → mới) để xác nhận trước khi lưu.",
    "7. Có thể mở và điền bằng Microsoft Excel hoặc LibreOffice Calc."};

}  // namespace

Result<std::string> entry_template_xlsx(const EntryForm& form, Date created) {
  XlsxBook b("Biểu nhập số liệu " + form.unit.name + " " + form.period.iso(), created);
  lxw_worksheet* ws = b.sheet("Nhập số liệu");
  b.heading(ws, 0, 0, 6, "BIỂU NHẬP SỐ LIỆU NÔNG THÔN MỚI: " + form.unit.name);
  write_text(ws, 1, 0, "Mã xã", b.header());
  write_text(ws, 1, 1, form.unit.code.c_str(), b.cell());
  write_text(ws, 2, 0, "Kỳ báo cáo", b.header());
  write_text(ws, 2, 1, form.period.iso().c_str(), b.cell());
  write_text(ws, 2, 2, ("(" + form.period.vi() + ")").c_str(), nullptr);
  write_text(ws, 3, 0, "Bộ tiêu chí", b.header());
  write_text(ws, 3, 1, form.set->id.c_str(), b.cell());
  write_text(ws, 4, 0, kTemplateMarker, b.note());
  const char* headers[] = {"Mã chỉ số", "Tiêu chí",       "Chỉ tiêu", "Đơn vị tính",
                           "Kỳ trước",  "Giá trị kỳ này", "Ghi chú"};
  const double widths[] = {16, 28, 50, 12, 12, 16, 30};
  for (int c = 0; c < 7; ++c) {
    write_text(ws, kTemplateFirstRow - 2, c, headers[c], b.header());
    worksheet_set_column(ws, c, c, widths[c], nullptr);
  }
  worksheet_freeze_panes(ws, kTemplateFirstRow - 1, 0);
  int row = kTemplateFirstRow - 1;
  for (const EntryField& f : form.fields) {
    const Measure& m = *f.measure;
    write_text(ws, row, 0, m.id.c_str(), b.cell());
    const std::string criterion = f.criterion->code + ". " + f.criterion->name_vi;
    const std::string indicator = f.indicator->code + " " + m.name_vi;
    write_text(ws, row, 1, criterion, b.cell());
    write_text(ws, row, 2, indicator, b.cell());
    fit_row(
        ws, row,
        {{m.id, widths[0]}, {criterion, widths[1]}, {indicator, widths[2]}, {m.unit, widths[3]}});
    write_text(ws, row, 3, m.unit.c_str(), b.cell());
    write_text(ws, row, 4, f.last ? shown(m, f.last->value).c_str() : "", b.cell());
    const std::optional<double> now = f.current ? std::optional(f.current->value)
                                      : f.last  ? std::optional(f.last->value)
                                                : std::nullopt;
    if (m.type == MeasureType::kBoolean) {
      write_text(ws, row, kValueCol, now ? shown(m, *now).c_str() : "", b.input());
    } else if (now) {
      worksheet_write_number(ws, row, kValueCol, *now, b.input());
    } else {
      worksheet_write_blank(ws, row, kValueCol, b.input());
    }
    lxw_data_validation dv = value_validation(m);
    worksheet_data_validation_cell(ws, row, kValueCol, &dv);
    worksheet_write_blank(ws, row, kValueCol + 1, b.input());
    ++row;
  }
  lxw_protection protection{};
  protection.format_columns = 1;  // widths may change; structure may not
  worksheet_protect(ws, nullptr, &protection);
  lxw_worksheet* help = b.sheet("Hướng dẫn");
  worksheet_set_column(help, 0, 0, 110, nullptr);
  int r = 0;
  for (const char* line : kInstructions) {
    write_text(help, r, 0, line, r == 0 ? b.title() : nullptr);
    if (r == 0) worksheet_set_row(help, 0, 24, nullptr);
    ++r;
  }
  return b.finish();
}

std::string entry_template_csv(const EntryForm& form) {
  std::string out =
      "\xEF\xBB\xBF"
      "BIỂU NHẬP SỐ LIỆU NÔNG THÔN MỚI," +
      csv_field(form.unit.name) + "\n";
  out += "Mã xã," + csv_field(form.unit.code) + "\nKỳ báo cáo," + form.period.iso() +
         "\nBộ tiêu chí," + csv_field(form.set->id) + "\n" + kTemplateMarker +
         "\nMã chỉ số,Tiêu chí,Chỉ tiêu,Đơn vị tính,Kỳ trước,Giá trị kỳ này,Ghi chú\n";
  for (const EntryField& f : form.fields) {
    const Measure& m = *f.measure;
    const std::optional<double> now = f.current ? std::optional(f.current->value)
                                      : f.last  ? std::optional(f.last->value)
                                                : std::nullopt;
    out += csv_field(m.id) + "," + csv_field(f.criterion->code + ". " + f.criterion->name_vi) +
           "," + csv_field(f.indicator->code + " " + m.name_vi) + "," + csv_field(m.unit) + "," +
           (f.last ? csv_field(shown(m, f.last->value)) : "") + "," +
           (now ? csv_field(shown(m, *now)) : "") + ",\n";
  }
  return out;
}

Result<FilledTemplate> read_entry_template(std::string_view bytes, const std::string& name) {
  const auto rows = TRY(parse_csv(TRY(table_text(bytes, name))));
  auto cell = [&](size_t r, size_t c) -> std::string {
    // parse_csv skips blank lines; rows keep their 1-based line (= sheet row).
    for (const CsvRow& row : rows)
      if (row.line == static_cast<int>(r))
        return c < row.fields.size() ? std::string(trim(row.fields[c])) : "";
    return "";
  };
  if (cell(5, 0) != kTemplateMarker) {
    return Status::invalid(
        name +
        ": không phải biểu nhập số liệu của NTM Monitor (trang tính đầu "
        "tiên phải là \"Nhập số liệu\", ô A5 có mã biểu). Hãy tải biểu mẫu mới.");
  }
  FilledTemplate t;
  t.unit_code = cell(2, 1);
  auto period = Date::parse(cell(3, 1));
  if (!period.is_ok())
    return Status::invalid(name + ", ô B3 (kỳ báo cáo): " + period.status().message());
  t.period = *period;
  if (cell(kTemplateFirstRow - 1, 0) != "Mã chỉ số" ||
      cell(kTemplateFirstRow - 1, 5) != "Giá trị kỳ này") {
    return Status::invalid(name + ": dòng tiêu đề (dòng " + std::to_string(kTemplateFirstRow - 1) +
                           ") đã bị thay đổi; hãy dùng biểu mẫu mới.");
  }
  for (const CsvRow& row : rows) {
    if (row.line < kTemplateFirstRow || row.fields.empty()) continue;
    const std::string measure(trim(row.fields[0]));
    if (measure.empty()) continue;
    const std::string value = row.fields.size() > 5 ? std::string(trim(row.fields[5])) : "";
    const std::string note = row.fields.size() > 6 ? std::string(trim(row.fields[6])) : "";
    t.cells[measure] = "F" + std::to_string(row.line);
    t.rows[measure] = "A" + std::to_string(row.line);
    if (!note.empty()) t.notes[measure] = note;
    if (!t.values.emplace(measure, value).second) {
      return Status::invalid(name + ", ô A" + std::to_string(row.line) + ": chỉ số " + measure +
                             " bị lặp");
    }
  }
  return t;
}

std::vector<std::string> match_template_ids(const EntryForm& form, FilledTemplate& t,
                                            const std::string& name) {
  for (const EntryField& f : form.fields) {
    const std::string& id = f.measure->id;
    const std::string mangled = as_libreoffice_reads(id);
    if (mangled == id || t.values.count(id) || !t.values.count(mangled)) continue;
    for (auto* m : {&t.values, &t.cells, &t.notes, &t.rows}) {
      if (auto node = m->extract(mangled)) {
        node.key() = id;
        m->insert(std::move(node));
      }
    }
  }
  std::vector<std::string> errors;
  std::set<std::string> of_form;
  for (const EntryField& f : form.fields) {
    of_form.insert(f.measure->id);
    if (!t.values.count(f.measure->id)) {
      errors.push_back(name + ": thiếu dòng của chỉ số \"" + f.measure->id + "\" (" +
                       f.measure->name_vi + "); hãy tải biểu mẫu mới");
    }
  }
  for (const auto& [measure, cell] : t.rows) {
    if (!of_form.count(measure)) {
      errors.push_back(name + ", ô " + cell + ": mã chỉ số \"" + measure +
                       "\" không có trong biểu của kỳ này (mã bị sửa?)");
    }
  }
  return errors;
}

}  // namespace ntm
