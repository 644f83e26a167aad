#include "base/strings.h"
#include "reports/progress.h"

namespace ntm {

// Print first: A4 landscape, Times-like serif as administrative documents
// use, thin table rules; readable on screen too.
const std::string& report_css() {
  static const std::string css = R"(@page { size: A4 landscape; margin: 15mm 15mm 15mm 20mm; }
body.report { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 12.5pt; color: #000; max-width: 270mm; margin: 0 auto; padding: 8mm; line-height: 1.3; }
.report .demo { border: 2px solid #8a5a00; color: #8a5a00; padding: 4px 8px; font-family: sans-serif; font-size: 10pt; }
.report table.head, .report table.sign { width: 100%; border: 0; margin-bottom: 10pt; }
.report table.head td, .report table.sign td { width: 50%; text-align: center; vertical-align: top; border: 0; }
.report .motto { text-decoration: underline; }
.report h1 { text-align: center; font-size: 14pt; margin: 14pt 0 6pt; }
.report h2 { font-size: 13pt; margin: 14pt 0 4pt; break-after: avoid; }
.report .basis, .report .note { font-style: italic; font-size: 11pt; }
.report table.grid { border-collapse: collapse; width: 100%; font-size: 10.5pt; margin: 4pt 0; }
.report table.grid th, .report table.grid td { border: 0.6pt solid #000; padding: 2pt 4pt; vertical-align: top; }
.report table.grid th { background: #eee; text-align: center; }
.report table.grid td.n { text-align: right; white-space: nowrap; }
.report table.matrix td.c { text-align: center; font-size: 9pt; }
.report table.matrix td.met { font-weight: bold; }
.report table.grid tr { break-inside: avoid; }
.report thead { display: table-header-group; }
@media print { .report .noprint { display: none; } body.report { padding: 0; } }
)";
  return css;
}

std::string place_and_date(const std::string& place, Date d) {
  auto two = [](unsigned v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return place + ", ngày " + two(d.day()) + " tháng " +
         (d.month() <= 2 ? two(d.month()) : std::to_string(d.month())) + " năm " +
         std::to_string(d.year());
}

std::string report_issuer(const std::string& province_full) {
  return "UBND " + upper_vi(province_full);
}

std::string report_document_start(const std::string& title, const std::string& css_href, bool demo,
                                  const std::string& issuer, const std::string& place, Date d,
                                  bool numbered, const std::string& office) {
  std::string h = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" +
                  html_escape(title) + "</title>";
  // A file on its own carries its style; served, the site's (and its icon,
  // which browsers would otherwise ask for as /favicon.ico).
  h += css_href.empty() ? "<style>" + report_css() + "</style>"
                        : "<link rel=\"stylesheet\" href=\"" + html_escape(css_href) +
                              "\"><link rel=\"icon\" href=\"/static/favicon.svg\" "
                              "type=\"image/svg+xml\">";
  h += "</head><body class=\"report\"><main>";
  if (demo) {
    h += "<p class=\"demo\">DỮ LIỆU MINH HỌA — số liệu tổng hợp (giả lập) và ngưỡng theo bộ tiêu "
         "chí minh họa, không phải số liệu chính thức.</p>";
  }
  const std::string date_line = place_and_date(place, d);
  return h + "<table class=\"head\"><tr><td>" + html_escape(issuer) + "<br><strong>" +
         (office.empty() ? "VĂN PHÒNG ĐIỀU PHỐI<br>NÔNG THÔN MỚI" : html_escape(office)) +
         "</strong>" + (numbered ? "<br>Số: &nbsp;&nbsp;&nbsp;&nbsp;/BC-VPĐP" : "") +
         "</td><td><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br><strong "
         "class=\"motto\">Độc lập - Tự do - Hạnh phúc</strong><br><em>" +
         html_escape(date_line) + "</em></td></tr></table>";
}

}  // namespace ntm
