// RFC 4180 CSV reading: quoted fields, "" escapes, CRLF or LF, a UTF-8 BOM,
// and fields spanning lines. Rows keep the line they started on so errors can
// name it. Thread safety: none needed, all functions are pure.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
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

// The same rules, one row at a time from a source read in blocks: memory
// stays that of one row and one block whatever the file's size. The row
// given to next() is reused (its strings keep their capacity: no allocation
// per field once warm). Errors as parse_csv's ("dòng N: …").
class CsvStream {
 public:
  // Reads up to n bytes into the buffer; 0 at the end.
  using Source = std::function<size_t(char* buffer, size_t n)>;
  explicit CsvStream(Source source);
  static Source of(std::istream& in);
  static Source of(std::string_view text);  // the text must outlive the stream
  // The next non-blank row; false at the end.
  Result<bool> next(CsvRow& row);
  int64_t bytes_read() const { return consumed_; }

 private:
  bool fill();
  Source source_;
  std::string buffer_;
  size_t pos_ = 0, size_ = 0;
  int64_t consumed_ = 0;
  int line_ = 1;
  bool started_ = false, done_ = false;
};

// A CSV file with a header row, read a row at a time (CsvStream): the header
// is checked as CsvTable::parse checks it, and each row's field count.
class CsvTableStream {
 public:
  static Result<CsvTableStream> open(CsvStream::Source source, const std::string& name,
                                     const std::vector<std::string>& required,
                                     const std::vector<std::string>& optional = {});
  // The next row; false at the end ("tệp không có dòng dữ liệu nào" when
  // the file had none).
  Result<bool> next(CsvRow& row);
  // The index of `column`, or -1 where the file does not have it.
  int column(const std::string& column) const;
  const std::vector<std::string>& header() const { return header_; }
  int64_t bytes_read() const { return stream_->bytes_read(); }
  // The trimmed field at `index` (-1: "").
  static std::string_view field(const CsvRow& row, int index);

 private:
  std::string name_;
  std::vector<std::string> header_;
  std::unique_ptr<CsvStream> stream_;
  int64_t rows_ = 0;
};

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
