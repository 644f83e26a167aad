// RFC 4180 CSV reading: quoted fields, "" escapes, CRLF or LF, a UTF-8 BOM,
// and fields spanning lines. Rows keep the line they started on so errors can
// name it. Thread safety: none needed, all functions are pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace ntm {

struct CsvRow {
  int line = 0;  // 1-based line in the file where the row starts
  std::vector<std::string> fields;
};

// Parses the whole text. Fails on an unterminated quoted field or a quote in
// the middle of an unquoted field. Blank lines are skipped.
Result<std::vector<CsvRow>> parse_csv(std::string_view text);

// A parsed CSV with a header row, columns looked up by name.
class CsvTable {
 public:
  // Parses text; `name` (the file name) is used in error messages. Requires
  // every column in `required`; columns in `optional` may be missing. Any other
  // column is an error, as is a row with the wrong field count.
  static Result<CsvTable> parse(std::string_view text, const std::string& name,
                                const std::vector<std::string>& required,
                                const std::vector<std::string>& optional = {});

  const std::vector<CsvRow>& rows() const { return rows_; }
  bool has(const std::string& column) const;
  // The field of `column` in `row`, or "" where the column is absent.
  std::string_view get(const CsvRow& row, const std::string& column) const;

 private:
  std::vector<std::string> header_;
  std::vector<CsvRow> rows_;
};

// A field for writing CSV that people open in a spreadsheet: quoted (with ""
// escapes) when it holds a comma, quote or line break; a text that a
// spreadsheet would run as a formula (=, +, -, @ first; not a number) gets a
// leading ' so that it is shown, never run.
std::string csv_field(const std::string& s);
// Quoting only, the text unchanged: for CSV text that only our own importers
// read (a spreadsheet converted by xlsx_to_csv).
std::string csv_quote(const std::string& s);

// Reads a whole file; Status::io naming the path on failure.
Result<std::string> read_file(const std::string& path);

}  // namespace ntm
