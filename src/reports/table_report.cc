#include "reports/table_report.h"

#include <nlohmann/json.hpp>

#include "base/csv.h"
#include "base/strings.h"
#include "reports/xlsx_book.h"

namespace ntm {
namespace {

std::string text_of(const ReportCell& c) {
  if (const auto* s = std::get_if<std::string>(&c)) return *s;
  return format_number_vi(std::get<double>(c),
                          std::get<double>(c) == static_cast<int64_t>(std::get<double>(c)) ? 0 : 1);
}

}  // namespace

std::string table_report_html(const TableReport& r, const std::string& css_href) {
  auto e = [](const std::string& s) { return html_escape(s); };
  std::string h = report_document_start(r.title, css_href, r.demo, r.issuer, r.place, r.issued_on,
                                        false, r.office);
  h += "<h1>" + e(r.title) + "</h1><p class=\"basis\">" + e(r.subtitle) + "</p>";
  for (const ReportSection& s : r.sections) {
    h += "<h2>" + e(s.heading) + "</h2>";
    if (s.rows.empty()) {
      h += "<p>Không có nội dung.</p>";
      continue;
    }
    h += "<table class=\"grid\"><thead><tr>";
    for (const auto& [name, width] : s.columns) h += "<th>" + e(name) + "</th>";
    h += "</tr></thead><tbody>";
    for (const auto& row : s.rows) {
      h += "<tr>";
      for (const ReportCell& c : row)
        h += std::holds_alternative<double>(c) ? "<td class=\"n\">" + text_of(c) + "</td>"
                                               : "<td>" + e(text_of(c)) + "</td>";
      h += "</tr>";
    }
    h += "</tbody></table>";
    if (!s.note.empty()) h += "<p class=\"note\">" + e(s.note) + "</p>";
  }
  return h + "</main></body></html>\n";
}

Result<std::string> table_report_xlsx(const TableReport& r) {
  XlsxBook b(r.title, r.issued_on);
  for (const ReportSection& s : r.sections) {
    lxw_worksheet* ws = b.sheet(s.sheet);
    const auto last = static_cast<lxw_col_t>(std::max<size_t>(s.columns.size(), 1) - 1);
    int row = 0;
    if (r.demo) {
      write_text(ws, row, 0, "DỮ LIỆU MINH HỌA — không phải số liệu chính thức", b.note());
      ++row;
    }
    if (last > 0) {
      worksheet_merge_range(ws, row, 0, row, last, (r.title + " — " + s.heading).c_str(),
                            b.title());
      worksheet_merge_range(ws, row + 1, 0, row + 1, last, r.subtitle.c_str(), b.note());
    } else {
      write_text(ws, row, 0, (r.title + " — " + s.heading).c_str(), b.title());
      write_text(ws, row + 1, 0, r.subtitle.c_str(), b.note());
    }
    row += 3;
    for (size_t c = 0; c < s.columns.size(); ++c) {
      write_text(ws, row, static_cast<lxw_col_t>(c), s.columns[c].first.c_str(), b.header());
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           s.columns[c].second, nullptr);
    }
    worksheet_freeze_panes(ws, row + 1, 0);
    worksheet_repeat_rows(ws, row, row);
    ++row;
    for (const auto& cells : s.rows) {
      for (size_t c = 0; c < cells.size(); ++c) {
        if (const auto* d = std::get_if<double>(&cells[c])) {
          worksheet_write_number(ws, row, static_cast<lxw_col_t>(c), *d,
                                 *d == static_cast<int64_t>(*d) ? b.number() : b.decimal());
        } else {
          write_text(ws, row, static_cast<lxw_col_t>(c), std::get<std::string>(cells[c]).c_str(),
                     b.cell());
        }
      }
      ++row;
    }
    if (!s.note.empty()) write_text(ws, row + 1, 0, s.note.c_str(), b.note());
  }
  return b.finish();
}

std::string table_report_csv(const TableReport& r) {
  std::string out = "\xEF\xBB\xBF";
  for (const ReportSection& s : r.sections) {
    out += "section";
    for (const auto& [name, width] : s.columns) out += "," + csv_field(name);
    out += "\r\n";
    for (const auto& row : s.rows) {
      out += csv_field(s.sheet);
      for (const ReportCell& c : row) {
        out += ",";
        if (const auto* d = std::get_if<double>(&c)) {
          // Whole numbers (money) in full, never "8e+08".
          out += *d == static_cast<double>(static_cast<int64_t>(*d))
                     ? std::to_string(static_cast<int64_t>(*d))
                     : format_number(*d);
        } else {
          out += csv_field(std::get<std::string>(c));
        }
      }
      out += "\r\n";
    }
  }
  return out;
}

std::string table_report_json(const TableReport& r) {
  nlohmann::json sections = nlohmann::json::array();
  for (const ReportSection& s : r.sections) {
    nlohmann::json cols = nlohmann::json::array(), rows = nlohmann::json::array();
    for (const auto& [name, width] : s.columns) cols.push_back(name);
    for (const auto& row : s.rows) {
      nlohmann::json cells = nlohmann::json::array();
      for (const ReportCell& c : row) {
        if (const auto* d = std::get_if<double>(&c)) {
          cells.push_back(*d);
        } else {
          cells.push_back(std::get<std::string>(c));
        }
      }
      rows.push_back(cells);
    }
    sections.push_back(
        {{"heading", s.heading}, {"columns", cols}, {"rows", rows}, {"note", s.note}});
  }
  return nlohmann::json{{"report", r.kind},         {"title", r.title},
                        {"subtitle", r.subtitle},   {"issued_on", r.issued_on.iso()},
                        {"synthetic_data", r.demo}, {"sections", sections}}
             .dump(2) +
         "\n";
}

}  // namespace ntm
