#include "base/csv.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/strings.h"

namespace ntm {

Result<std::vector<CsvRow>> parse_csv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  int line = 1;
  row.line = 1;
  bool in_quotes = false, field_was_quoted = false, row_has_content = false;
  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    field_was_quoted = false;
  };
  auto end_row = [&] {
    end_field();
    const bool blank = !row_has_content && row.fields.size() == 1 && row.fields[0].empty();
    if (!blank) rows.push_back(std::move(row));
    row = CsvRow{};
    row_has_content = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    switch (c) {
      case '"':
        if (!field.empty() || field_was_quoted) {
          return Status::invalid("dòng " + std::to_string(line) +
                                 ": dấu ngoặc kép nằm giữa trường không được bao ngoặc");
        }
        in_quotes = field_was_quoted = row_has_content = true;
        break;
      case ',':
        end_field();
        row_has_content = true;
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF: handled at \n
        [[fallthrough]];
      case '\n':
        end_row();
        ++line;
        row.line = line;
        break;
      default:
        if (field_was_quoted) {
          return Status::invalid("dòng " + std::to_string(line) + ": ký tự sau dấu ngoặc kép đóng");
        }
        field += c;
        row_has_content = true;
    }
  }
  if (in_quotes) {
    return Status::invalid("dòng " + std::to_string(row.line) + ": thiếu dấu ngoặc kép đóng");
  }
  if (row_has_content || !field.empty()) end_row();
  // Text only: invalid UTF-8, NUL or control characters would be stored and
  // break JSON answers and XLSX exports later.
  for (const CsvRow& r : rows) {
    for (size_t c = 0; c < r.fields.size(); ++c) {
      if (!valid_text(r.fields[c])) {
        return Status::invalid("dòng " + std::to_string(r.line) + ", cột " + std::to_string(c + 1) +
                               ": không phải văn bản UTF-8 hợp lệ (ký tự điều khiển hoặc mã "
                               "hóa khác, hãy lưu tệp dạng CSV UTF-8)");
      }
    }
  }
  return rows;
}

Result<CsvTable> CsvTable::parse(std::string_view text, const std::string& name,
                                 const std::vector<std::string>& required,
                                 const std::vector<std::string>& optional) {
  auto parsed = parse_csv(text);
  if (!parsed.is_ok()) return Status::invalid(name + ": " + parsed.status().message());
  std::vector<CsvRow> rows = std::move(parsed).value();
  if (rows.empty()) return Status::invalid(name + ": tệp rỗng, không có dòng tiêu đề");
  CsvTable t;
  for (const auto& h : rows.front().fields) t.header_.push_back(std::string(trim(h)));
  for (const auto& col : t.header_) {
    const bool known = std::find(required.begin(), required.end(), col) != required.end() ||
                       std::find(optional.begin(), optional.end(), col) != optional.end();
    if (!known) return Status::invalid(name + ": dòng 1: cột không được hỗ trợ \"" + col + "\"");
    if (std::count(t.header_.begin(), t.header_.end(), col) > 1) {
      return Status::invalid(name + ": dòng 1: cột \"" + col + "\" bị lặp");
    }
  }
  for (const auto& col : required) {
    if (!t.has(col)) return Status::invalid(name + ": dòng 1: thiếu cột \"" + col + "\"");
  }
  rows.erase(rows.begin());
  if (rows.empty()) return Status::invalid(name + ": tệp không có dòng dữ liệu nào");
  for (const auto& r : rows) {
    if (r.fields.size() != t.header_.size()) {
      return Status::invalid(name + ": dòng " + std::to_string(r.line) + ": có " +
                             std::to_string(r.fields.size()) + " trường, cần " +
                             std::to_string(t.header_.size()));
    }
  }
  t.rows_ = std::move(rows);
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
