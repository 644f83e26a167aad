#include "base/csv.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/strings.h"

namespace ntm {

CsvStream::CsvStream(Source source) : source_(std::move(source)) { buffer_.resize(1 << 20); }

CsvStream::Source CsvStream::of(std::istream& in) {
  return [&in](char* b, size_t n) -> size_t {
    in.read(b, static_cast<std::streamsize>(n));
    return static_cast<size_t>(in.gcount());
  };
}

CsvStream::Source CsvStream::of(std::string_view text) {
  return [text, at = size_t{0}](char* b, size_t n) mutable -> size_t {
    const size_t k = std::min(n, text.size() - at);
    std::copy_n(text.data() + at, k, b);
    at += k;
    return k;
  };
}

bool CsvStream::fill() {
  if (done_) return false;
  size_ = source_(buffer_.data(), buffer_.size());
  pos_ = 0;
  if (size_ == 0) done_ = true;
  return size_ > 0;
}

Result<bool> CsvStream::next(CsvRow& row) {
  if (!started_) {
    started_ = true;
    // A UTF-8 BOM: the first three bytes, however few a read gives.
    fill();
    while (size_ > 0 && size_ < 3) {
      const size_t k = source_(buffer_.data() + size_, buffer_.size() - size_);
      if (k == 0) break;
      size_ += k;
    }
    if (size_ >= 3 && buffer_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
      pos_ = 3;
      consumed_ = 3;
    }
  }
  size_t fields = 0;  // fields of `row` in use (their strings are reused)
  auto field = [&]() -> std::string& {
    if (fields == row.fields.size()) row.fields.emplace_back();
    return row.fields[fields];
  };
  auto begin_row = [&] {
    fields = 0;
    field().clear();
    row.line = line_;
  };
  begin_row();
  bool in_quotes = false, field_was_quoted = false, row_has_content = false;
  // The row ends: true when it is not blank (then `row` holds it).
  auto end_row = [&]() -> Result<bool> {
    ++fields;
    row.fields.resize(fields);
    const bool blank = !row_has_content && fields == 1 && row.fields[0].empty();
    if (blank) return false;
    // Text only: invalid UTF-8, NUL or control characters would be stored and
    // break JSON answers and XLSX exports later.
    for (size_t c = 0; c < row.fields.size(); ++c) {
      if (!valid_text(row.fields[c])) {
        return Status::invalid("dòng " + std::to_string(row.line) + ", cột " +
                               std::to_string(c + 1) +
                               ": không phải văn bản UTF-8 hợp lệ (ký tự điều khiển hoặc mã "
                               "hóa khác, hãy lưu tệp dạng CSV UTF-8)");
      }
    }
    return true;
  };
  bool pending_cr = false;     // a \r outside quotes ended the row; a \n after it is skipped
  bool pending_quote = false;  // a " inside quotes: an escape or the closing one
  for (;;) {
    if (pos_ == size_ && !fill()) break;
    const char c = buffer_[pos_++];
    ++consumed_;
    if (pending_quote) {
      pending_quote = false;
      if (c == '"') {
        field() += '"';
        continue;
      }
      in_quotes = false;  // the closing quote; `c` is read outside quotes
    }
    if (in_quotes) {
      if (c == '"') {
        pending_quote = true;
      } else {
        if (c == '\n') ++line_;
        field() += c;
      }
      continue;
    }
    switch (c) {
      case '"':
        if (!field().empty() || field_was_quoted) {
          return Status::invalid("dòng " + std::to_string(line_) +
                                 ": dấu ngoặc kép nằm giữa trường không được bao ngoặc");
        }
        in_quotes = field_was_quoted = row_has_content = true;
        break;
      case ',':
        ++fields;
        field().clear();
        field_was_quoted = false;
        row_has_content = true;
        break;
      case '\r':
      case '\n': {
        if (c == '\r')
          pending_cr = true;
        else
          ++line_;
        if (pending_cr) {  // CRLF or a lone CR: one line break
          if (pos_ == size_) fill();
          if (pos_ < size_ && buffer_[pos_] == '\n') {
            ++pos_;
            ++consumed_;
          }
          pending_cr = false;
          ++line_;
        }
        if (TRY(end_row())) return true;
        begin_row();
        field_was_quoted = false;
        row_has_content = false;
        break;
      }
      default:
        if (field_was_quoted) {
          return Status::invalid("dòng " + std::to_string(line_) +
                                 ": ký tự sau dấu ngoặc kép đóng");
        }
        field() += c;
        row_has_content = true;
    }
  }
  if (pending_quote) in_quotes = false;
  if (in_quotes) {
    return Status::invalid("dòng " + std::to_string(row.line) + ": thiếu dấu ngoặc kép đóng");
  }
  if (row_has_content || !field().empty()) return end_row();
  return false;
}

Result<std::vector<CsvRow>> parse_csv(std::string_view text) {
  CsvStream stream(CsvStream::of(text));
  std::vector<CsvRow> rows;
  CsvRow row;
  while (TRY(stream.next(row))) rows.push_back(row);
  return rows;
}

Result<CsvTableStream> CsvTableStream::open(CsvStream::Source source, const std::string& name,
                                            const std::vector<std::string>& required,
                                            const std::vector<std::string>& optional) {
  CsvTableStream t;
  t.name_ = name;
  t.stream_ = std::make_unique<CsvStream>(std::move(source));
  CsvRow head;
  auto first = t.stream_->next(head);
  if (!first.is_ok()) return Status::invalid(name + ": " + first.status().message());
  if (!*first) return Status::invalid(name + ": tệp rỗng, không có dòng tiêu đề");
  for (const auto& h : head.fields) t.header_.push_back(std::string(trim(h)));
  for (const auto& col : t.header_) {
    const bool known = std::find(required.begin(), required.end(), col) != required.end() ||
                       std::find(optional.begin(), optional.end(), col) != optional.end();
    if (!known) return Status::invalid(name + ": dòng 1: cột không được hỗ trợ \"" + col + "\"");
    if (std::count(t.header_.begin(), t.header_.end(), col) > 1) {
      return Status::invalid(name + ": dòng 1: cột \"" + col + "\" bị lặp");
    }
  }
  for (const auto& col : required) {
    if (t.column(col) < 0) return Status::invalid(name + ": dòng 1: thiếu cột \"" + col + "\"");
  }
  return t;
}

Result<bool> CsvTableStream::next(CsvRow& row) {
  auto got = stream_->next(row);
  if (!got.is_ok()) return Status::invalid(name_ + ": " + got.status().message());
  if (!*got) {
    if (rows_ == 0) return Status::invalid(name_ + ": tệp không có dòng dữ liệu nào");
    return false;
  }
  ++rows_;
  if (row.fields.size() != header_.size()) {
    return Status::invalid(name_ + ": dòng " + std::to_string(row.line) + ": có " +
                           std::to_string(row.fields.size()) + " trường, cần " +
                           std::to_string(header_.size()));
  }
  return true;
}

int CsvTableStream::column(const std::string& column) const {
  const auto it = std::find(header_.begin(), header_.end(), column);
  return it == header_.end() ? -1 : static_cast<int>(it - header_.begin());
}

std::string_view CsvTableStream::field(const CsvRow& row, int index) {
  return index < 0 ? std::string_view() : trim(row.fields[static_cast<size_t>(index)]);
}

Result<CsvTable> CsvTable::parse(std::string_view text, const std::string& name,
                                 const std::vector<std::string>& required,
                                 const std::vector<std::string>& optional) {
  CsvTableStream in = TRY(CsvTableStream::open(CsvStream::of(text), name, required, optional));
  CsvTable t;
  t.header_ = in.header();
  CsvRow row;
  while (TRY(in.next(row))) t.rows_.push_back(row);
  return t;
}

bool CsvTable::has(const std::string& column) const {
  return std::find(header_.begin(), header_.end(), column) != header_.end();
}

std::string_view CsvTable::get(const CsvRow& row, const std::string& column) const {
  const auto it = std::find(header_.begin(), header_.end(), column);
  if (it == header_.end()) return {};
  return trim(row.fields[static_cast<size_t>(it - header_.begin())]);
}

std::string csv_field(const std::string& s) {
  // A spreadsheet runs a cell that begins with = + - @ (or a tab or CR
  // before one) as a formula: such text gets a leading ' (shown as text),
  // numbers such as "-3.5" stay as they are.
  if (!s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos &&
      !parse_number(s)) {
    return csv_quote("'" + s);
  }
  return csv_quote(s);
}

std::string csv_quote(const std::string& s) {
  // A field that starts with the byte-order mark is quoted: unquoted, a
  // reader would take the mark for the file's and drop it.
  if (s.find_first_of(",\"\n\r") == std::string::npos && s.rfind("\xEF\xBB\xBF", 0) != 0) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io("không mở được tệp " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace ntm
