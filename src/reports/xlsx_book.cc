#include "reports/xlsx_book.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "base/csv.h"
#include "base/strings.h"
#include "base/xlsx.h"

namespace ntm {
namespace {

lxw_format* bordered(lxw_workbook* wb) {
  lxw_format* f = workbook_add_format(wb);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_font_name(f, "Times New Roman");
  format_set_font_size(f, 12);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap(f);
  return f;
}

}  // namespace

lxw_error write_text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text,
                     lxw_format* format) {
  if (text.find("_x") == std::string::npos)
    return worksheet_write_string(ws, row, col, text.c_str(), format);
  return worksheet_write_string(ws, row, col, escape_xstring(text).c_str(), format);
}

std::string xlsx_column(int c) {
  std::string s;
  for (++c; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

XlsxBook::XlsxBook(const std::string& title, Date created) : title_text_(title) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "ntm-xlsx-XXXXXX").string();
  const int fd = mkstemp(tmpl.data());
  if (fd >= 0) close(fd);
  path_ = tmpl;
  wb_ = workbook_new(path_.c_str());
  lxw_doc_properties props{};
  props.title = title_text_.data();
  props.author = const_cast<char*>("NTM Monitor");
  std::tm tm{};
  tm.tm_year = created.year() - 1900;
  tm.tm_mon = static_cast<int>(created.month()) - 1;
  tm.tm_mday = static_cast<int>(created.day());
  props.created = timegm(&tm);
  workbook_set_properties(wb_, &props);
  title_ = workbook_add_format(wb_);
  format_set_bold(title_);
  format_set_font_name(title_, "Times New Roman");
  format_set_font_size(title_, 14);
  format_set_align(title_, LXW_ALIGN_CENTER);
  format_set_align(title_, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(title_);
  header_ = bordered(wb_);
  format_set_bold(header_);
  format_set_bg_color(header_, 0xEEEEEE);
  format_set_align(header_, LXW_ALIGN_CENTER);
  format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
  cell_ = bordered(wb_);
  number_ = bordered(wb_);
  format_set_num_format(number_, "#,##0");
  decimal_ = bordered(wb_);
  format_set_num_format(decimal_, "0.0");
  percent_ = bordered(wb_);
  format_set_num_format(percent_, "0.0%");
  center_ = bordered(wb_);
  format_set_align(center_, LXW_ALIGN_CENTER);
  note_ = workbook_add_format(wb_);
  format_set_italic(note_);
  format_set_font_name(note_, "Times New Roman");
  plain_center_ = workbook_add_format(wb_);
  format_set_font_name(plain_center_, "Times New Roman");
  format_set_font_size(plain_center_, 12);
  format_set_align(plain_center_, LXW_ALIGN_CENTER);
  bold_center_ = workbook_add_format(wb_);
  format_set_font_name(bold_center_, "Times New Roman");
  format_set_font_size(bold_center_, 12);
  format_set_bold(bold_center_);
  format_set_align(bold_center_, LXW_ALIGN_CENTER);
  bold_ = workbook_add_format(wb_);
  format_set_font_name(bold_, "Times New Roman");
  format_set_font_size(bold_, 12);
  format_set_bold(bold_);
  input_ = bordered(wb_);
  format_set_unlocked(input_);
  format_set_bg_color(input_, 0xFFF8E1);
}

void fit_row(lxw_worksheet* ws, lxw_row_t row,
             std::initializer_list<std::pair<std::string_view, double>> cells, double points) {
  int lines = 1;
  for (const auto& [text, width] : cells) {
    int chars = 0;
    for (unsigned char ch : text) chars += (ch & 0xC0) != 0x80;  // code points
    // A column of width w holds about w characters of 12 pt Times, less a
    // margin; words do not break, so count a little generously.
    const int per_line = std::max(1, static_cast<int>(width * 0.8));
    lines = std::max(lines, (chars + per_line - 1) / per_line);
  }
  worksheet_set_row(ws, row, points * lines + 2, nullptr);
}

lxw_data_validation value_validation(const Measure& m) {
  static const char* yes_no[] = {yes_no_vi(true), yes_no_vi(false), nullptr};
  lxw_data_validation dv{};
  dv.error_title = const_cast<char*>("Giá trị không hợp lệ");
  if (m.type == MeasureType::kBoolean) {
    dv.validate = LXW_VALIDATION_TYPE_LIST;
    dv.value_list = const_cast<char**>(yes_no);
    dv.error_message = const_cast<char*>("Chọn Có hoặc Không trong danh sách");
    return dv;
  }
  dv.validate = LXW_VALIDATION_TYPE_DECIMAL;
  dv.criteria = m.type == MeasureType::kPercent ? LXW_VALIDATION_CRITERIA_BETWEEN
                                                : LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
  dv.minimum_number = 0;
  dv.maximum_number = 100;
  dv.value_number =
      m.type == MeasureType::kNumber && m.aggregation != Aggregation::kSum ? -1e12 : 0;
  dv.error_message = const_cast<char*>(m.type == MeasureType::kPercent ? "Nhập tỷ lệ từ 0 đến 100"
                                                                       : "Nhập một số");
  return dv;
}

void XlsxBook::heading(lxw_worksheet* ws, lxw_row_t row, lxw_col_t first, lxw_col_t last,
                       const std::string& text) {
  worksheet_merge_range(ws, row, first, row, last, "", title_);
  write_text(ws, row, first, text, title_);
  worksheet_set_row(ws, row, 40, nullptr);
}

XlsxBook::~XlsxBook() {
  if (wb_) workbook_close(wb_);
  std::remove(path_.c_str());
}

lxw_worksheet* XlsxBook::sheet(const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  return ws;
}

Result<std::string> XlsxBook::finish() {
  const lxw_error err = workbook_close(wb_);
  wb_ = nullptr;
  if (err != LXW_NO_ERROR)
    return Status::io(std::string("không ghi được tệp XLSX: ") + lxw_strerror(err));
  return read_file(path_);
}

}  // namespace ntm
