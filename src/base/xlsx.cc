#include "base/xlsx.h"

#include <zip.h>

#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <set>
#include <vector>

#include "base/csv.h"
#include "base/date.h"
#include "base/strings.h"

namespace ntm {
namespace {

using Zip = std::unique_ptr<zip_t, decltype(&zip_discard)>;

// What one part of a workbook may unpack to: far above any real sheet of
// ours (50,000 rows is ~10 MB), far below what a zip bomb asks for.
constexpr zip_uint64_t kMaxPartBytes = 64 * 1024 * 1024;

// A member of the archive, or "" when it is missing or larger than allowed
// (`too_big` tells which).
std::string member(zip_t* z, const std::string& path, bool* too_big = nullptr) {
  zip_stat_t st;
  if (zip_stat(z, path.c_str(), 0, &st) != 0) return "";
  if (st.size > kMaxPartBytes) {
    if (too_big) *too_big = true;
    return "";
  }
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen(z, path.c_str(), 0), zip_fclose);
  if (!f) return "";
  std::string out(st.size, '\0');
  if (zip_fread(f.get(), out.data(), st.size) != static_cast<zip_int64_t>(st.size)) return "";
  return out;
}

// The sheet limits of Excel and LibreOffice: nothing real lies beyond them.
constexpr int kMaxColumns = 16384;  // XFD
constexpr int kMaxRows = 1048576;
// What the CSV text of one sheet may grow to (padding of sparse cells included).
constexpr size_t kMaxCsvBytes = 64 * 1024 * 1024;

// Column index (0-based) of a cell reference such as "AB12"; -1 when the
// reference has no letters or names a column past XFD.
int column_of(std::string_view ref) {
  int col = 0;
  size_t letters = 0;
  for (char c : ref) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    if (++letters > 3) return -1;
    col = col * 26 + (c - 'A' + 1);
  }
  return col >= 1 && col <= kMaxColumns ? col - 1 : -1;
}

}  // namespace

std::string decode_xstring(std::string s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 3])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 4])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 5]))) {
      const unsigned cp = static_cast<unsigned>(std::stoul(s.substr(i + 2, 4), nullptr, 16));
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        out += "\xEF\xBF\xBD";  // a lone surrogate: the replacement character
      } else {
        append_utf8(out, cp);
      }
      i += 6;
      continue;
    }
    out += s[i];
  }
  return out;
}

std::string escape_xstring(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 1 < s.size() && s[i + 1] == 'x') {
      out += "_x005F_";
      continue;
    }
    out += s[i];
  }
  return out;
}

std::string as_libreoffice_reads(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 3 < s.size() && s[i + 1] == 'x') {
      size_t k = i + 2;
      unsigned cp = 0;
      while (k < s.size() && k < i + 6 && std::isxdigit(static_cast<unsigned char>(s[k]))) {
        cp = cp * 16 + static_cast<unsigned>(std::stoul(std::string(1, s[k]), nullptr, 16));
        ++k;
      }
      if (k > i + 2 && k < s.size() && s[k] == '_' && cp < 0x80) {
        const char ch = static_cast<char>(cp);
        out += ch == '\n' || ch == '\r' ? ' ' : ch;
        i = k;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

namespace {

std::string text_of(const pugi::xml_node& n) {
  std::string s;
  for (const auto& t : n.select_nodes(".//*[local-name()='t']")) s += t.node().text().get();
  return decode_xstring(std::move(s));
}

// An Excel date serial as an ISO date, or "" when the cell holds no date we
// can read (a text, NaN, a serial outside 1900-9999): the raw value is kept
// then and the import names the cell.
std::string date_of_serial(const std::string& v) {
  const auto d = parse_number(v);
  if (!d || !std::isfinite(*d) || *d < 1 || *d > 2958465) return "";
  // Days since 1899-12-30 (Excel's epoch, leap-year bug included).
  return Date::from_days(static_cast<int32_t>(*d) - 25569).iso();
}

// Style indexes whose number format shows a date.
std::set<int> date_styles(const std::string& styles_xml) {
  std::set<int> out;
  pugi::xml_document doc;
  if (styles_xml.empty() || !doc.load_string(styles_xml.c_str())) return out;
  std::set<int> date_formats = {14, 15, 16, 17, 22, 45, 46, 47};
  for (const auto& f : doc.child("styleSheet").child("numFmts").children("numFmt")) {
    std::string code = f.attribute("formatCode").value();
    bool in_quotes = false, dated = false;
    for (char c : code) {
      if (c == '"') in_quotes = !in_quotes;
      if (!in_quotes && (c == 'y' || c == 'd' || c == 'Y' || c == 'D')) dated = true;
    }
    if (dated) date_formats.insert(f.attribute("numFmtId").as_int());
  }
  int i = 0;
  for (const auto& xf : doc.child("styleSheet").child("cellXfs").children("xf")) {
    if (date_formats.count(xf.attribute("numFmtId").as_int())) out.insert(i);
    ++i;
  }
  return out;
}

}  // namespace

Result<std::string> xlsx_to_csv(std::string_view bytes, const std::string& name) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) return Status::invalid(name + ": không đọc được tệp XLSX");
  Zip z(zip_open_from_source(src, ZIP_RDONLY, &err), zip_discard);
  if (!z) {
    zip_source_free(src);
    return Status::invalid(name + ": không phải tệp XLSX hợp lệ (không mở được dạng nén)");
  }
  // The first sheet: workbook.xml names it, its relationship gives the path.
  pugi::xml_document wb, rels, sheet, shared;
  if (!wb.load_string(member(z.get(), "xl/workbook.xml").c_str()) ||
      !rels.load_string(member(z.get(), "xl/_rels/workbook.xml.rels").c_str())) {
    return Status::invalid(name + ": tệp XLSX thiếu xl/workbook.xml");
  }
  const auto first = wb.child("workbook").child("sheets").child("sheet");
  const std::string rid = first.attribute("r:id").value();
  std::string target;
  for (const auto& r : rels.child("Relationships").children("Relationship"))
    if (rid == r.attribute("Id").value()) target = r.attribute("Target").value();
  if (target.empty()) return Status::invalid(name + ": tệp XLSX không có trang tính nào");
  const std::string path = target.front() == '/' ? target.substr(1) : "xl/" + target;
  bool too_big = false;
  if (!sheet.load_string(member(z.get(), path, &too_big).c_str())) {
    return Status::invalid(name + (too_big ? ": trang tính quá lớn khi giải nén (giới hạn 64 MB)"
                                           : ": không đọc được trang tính " + path));
  }
  std::vector<std::string> strings;
  const std::string strings_xml = member(z.get(), "xl/sharedStrings.xml", &too_big);
  if (too_big) return Status::invalid(name + ": tệp quá lớn khi giải nén (giới hạn 64 MB)");
  if (shared.load_string(strings_xml.c_str())) {
    for (const auto& si : shared.child("sst").children("si")) strings.push_back(text_of(si));
  }
  const std::set<int> dates = date_styles(member(z.get(), "xl/styles.xml"));
  std::string csv;
  int expected_row = 1;
  const auto too_large = [&] {
    return Status::invalid(name + ": trang tính quá lớn (giới hạn 64 MB văn bản)");
  };
  for (const auto& row : sheet.child("worksheet").child("sheetData").children("row")) {
    const long long r = row.attribute("r").as_llong(expected_row);
    if (r < expected_row || r > kMaxRows) {
      return Status::invalid(name + ": dòng " + std::string(row.attribute("r").value()) +
                             " không hợp lệ (các dòng phải tăng dần, tối đa 1.048.576)");
    }
    for (; expected_row < r; ++expected_row) csv += "\n";  // skipped empty rows
    std::vector<std::string> cells;
    for (const auto& c : row.children("c")) {
      const int col =
          c.attribute("r") ? column_of(c.attribute("r").value()) : static_cast<int>(cells.size());
      if (col < 0 || col >= kMaxColumns) {
        return Status::invalid(name + ": dòng " + std::to_string(r) + ": ô \"" +
                               std::string(c.attribute("r").value()).substr(0, 20) +
                               "\" không hợp lệ (tối đa 16.384 cột, đến XFD)");
      }
      if (static_cast<int>(cells.size()) <= col) cells.resize(col + 1);
      const std::string type = c.attribute("t").value();
      const std::string v = c.child("v").text().get();
      std::string& out = cells[col];
      if (type == "s") {
        const size_t i = c.child("v").text().as_uint();
        out = i < strings.size() ? strings[i] : "";
      } else if (type == "inlineStr") {
        out = text_of(c.child("is"));
      } else if (type == "b") {
        out = v == "1" ? "true" : "false";
      } else if (type == "str") {
        out = decode_xstring(v);
      } else if (!v.empty() && dates.count(c.attribute("s").as_int(-1))) {
        out = date_of_serial(v);
        if (out.empty()) out = v;
      } else {
        out = v;
      }
    }
    while (!cells.empty() && cells.back().empty()) cells.pop_back();
    // A line break typed in a cell (Alt+Enter) becomes a space, so that CSV
    // line N is sheet row N and errors name the row people see.
    for (std::string& c : cells)
      for (char& ch : c)
        if (ch == '\n' || ch == '\r') ch = ' ';
    for (size_t i = 0; i < cells.size(); ++i) csv += (i ? "," : "") + csv_quote(cells[i]);
    csv += "\n";
    if (csv.size() > kMaxCsvBytes) return too_large();
    ++expected_row;
  }
  return csv;
}

Result<std::string> table_text(std::string_view bytes, const std::string& name) {
  if (bytes.rfind("PK\x03\x04", 0) == 0) return xlsx_to_csv(bytes, name);
  return std::string(bytes);
}

Result<std::string> read_table_file(const std::string& path) {
  return table_text(TRY(read_file(path)), path);
}

}  // namespace ntm
