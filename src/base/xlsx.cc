#include "base/xlsx.h"

#include <zip.h>

#include <map>
#include <memory>
#include <pugixml.hpp>
#include <set>
#include <vector>

#include "base/csv.h"
#include "base/date.h"

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

// Column index (0-based) of a cell reference such as "AB12".
int column_of(std::string_view ref) {
  int col = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + (c - 'A' + 1);
  }
  return col - 1;
}

std::string text_of(const pugi::xml_node& n) {
  std::string s;
  for (const auto& t : n.select_nodes(".//*[local-name()='t']")) s += t.node().text().get();
  return s;
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
  for (const auto& row : sheet.child("worksheet").child("sheetData").children("row")) {
    const int r = row.attribute("r").as_int(expected_row);
    for (; expected_row < r; ++expected_row) csv += "\n";  // skipped empty rows
    std::vector<std::string> cells;
    for (const auto& c : row.children("c")) {
      const int col =
          c.attribute("r") ? column_of(c.attribute("r").value()) : static_cast<int>(cells.size());
      if (col < 0) continue;
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
      } else if (!v.empty() && dates.count(c.attribute("s").as_int(-1))) {
        // Days since 1899-12-30 (Excel's epoch, leap-year bug included).
        out = Date::from_days(static_cast<int32_t>(std::stod(v)) - 25569).iso();
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
    for (size_t i = 0; i < cells.size(); ++i) csv += (i ? "," : "") + csv_field(cells[i]);
    csv += "\n";
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
