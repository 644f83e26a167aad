// A thin owner of a libxlsxwriter workbook: written to a private temporary
// file (the library writes files), returned as bytes, with a fixed creation
// time so the same report gives the same file (golden tests).
#pragma once

#include <xlsxwriter.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "base/date.h"
#include "base/status.h"
#include "model/measure.h"

namespace ntm {

// The column letters of a 0-based index: 0 -> "A", 27 -> "AB".
std::string xlsx_column(int index);

// worksheet_write_string with the text escaped for OOXML ("_x" survives a
// LibreOffice round trip: see escape_xstring).
lxw_error write_text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text,
                     lxw_format* format);

// Sets `row`'s height so that every wrapped text shows whole (LibreOffice
// keeps the default height of rows written without one): each cell is its
// text and its column's width in characters; `points` per line of 12 pt.
void fit_row(lxw_worksheet* ws, lxw_row_t row,
             std::initializer_list<std::pair<std::string_view, double>> cells, double points = 16);

// The rule a template's value cell carries: Có/Không from a list for a
// yes/no measure, 0..100 for a percentage, a number otherwise. Points to
// static text only.
lxw_data_validation value_validation(const Measure& m);

class XlsxBook {
 public:
  // `created` goes into the document properties (and so into the file).
  XlsxBook(const std::string& title, Date created);
  ~XlsxBook();
  XlsxBook(const XlsxBook&) = delete;
  XlsxBook& operator=(const XlsxBook&) = delete;

  lxw_workbook* wb() { return wb_; }
  lxw_worksheet* sheet(const std::string& name);
  // The sheet's title across columns first..last of `row` (merged, centred,
  // tall enough for two lines): a title in one narrow cell is cut off.
  void heading(lxw_worksheet* ws, lxw_row_t row, lxw_col_t first, lxw_col_t last,
               const std::string& text);
  // Formats shared by our sheets.
  lxw_format* title() { return title_; }
  lxw_format* header() { return header_; }
  lxw_format* cell() { return cell_; }
  lxw_format* number() { return number_; }
  lxw_format* decimal() { return decimal_; }
  lxw_format* percent() { return percent_; }
  lxw_format* center() { return center_; }
  lxw_format* note() { return note_; }
  lxw_format* plain_center() { return plain_center_; }  // no border, centred
  lxw_format* bold_center() { return bold_center_; }    // no border, centred, bold, 12 pt
  lxw_format* bold() { return bold_; }                  // no border, bold, 12 pt: headings
  lxw_format* input() { return input_; }                // unlocked, for templates

  // Closes the workbook and returns the file's bytes.
  Result<std::string> finish();

 private:
  std::string path_;
  std::string title_text_;
  lxw_workbook* wb_ = nullptr;
  lxw_format *title_, *header_, *cell_, *number_, *decimal_, *percent_, *center_, *note_, *input_,
      *plain_center_, *bold_center_, *bold_;
};

}  // namespace ntm
