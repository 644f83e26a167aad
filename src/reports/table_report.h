// The other reports in one shape: a titled document of sections, each a
// table, written as print HTML (with the administrative header), XLSX (one
// sheet per section), CSV (every section, with its name in the first column)
// or JSON. Builders: the commune scorecard (biểu tự đánh giá), the
// department report, the sponsor report, the directive follow-up.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "reports/progress.h"

namespace ntm {

using ReportCell = std::variant<std::string, double>;

struct ReportSection {
  std::string heading;  // "I. ..." ; also the XLSX sheet name (shortened)
  std::string sheet;    // XLSX sheet name (≤ 31 characters)
  std::vector<std::pair<std::string, double>> columns;  // header, XLSX width
  std::vector<std::vector<ReportCell>> rows;
  std::string note;
};

struct TableReport {
  std::string kind;       // "commune", "department", "sponsor", "directives"
  std::string file_name;  // without extension
  std::string issuer;     // "UBND Tỉnh Hà Tĩnh"
  std::string office;     // the body under it ("" the coordination office)
  std::string place;      // "Hà Tĩnh"
  std::string title;      // "BIỂU TỰ ĐÁNH GIÁ …"
  std::string subtitle;   // the unit, date, set
  Date issued_on;
  bool demo = false;
  std::vector<ReportSection> sections;
};

std::string table_report_html(const TableReport& r, const std::string& css_href);
Result<std::string> table_report_xlsx(const TableReport& r);
std::string table_report_csv(const TableReport& r);
std::string table_report_json(const TableReport& r);

struct TableReportOptions {
  std::string code;  // the unit (commune), department, or sponsor code; "" for directives
  Date at;
  bool verified_only = false;
  Date issued_on;
  std::string set_id;  // transition: the current set (default: the series' version in force)
  // Whose departments, sponsorships and directives: a province; 0 for every
  // province (the central office, or a sponsor's own account).
  int64_t province_id = 0;
  std::optional<Date> compare;  // national: the comparison date (default a year earlier)
};
Result<TableReport> commune_report(Store& store, const Catalog& catalog,
                                   const TableReportOptions& o);
// The same from an assessment already made (o.at and o.verified_only its own).
Result<TableReport> commune_report_of(Store& store, const Assessment& a,
                                      const TableReportOptions& o);
Result<TableReport> department_report(Store& store, const Catalog& catalog,
                                      const TableReportOptions& o);
Result<TableReport> sponsor_report(Store& store, const TableReportOptions& o);
Result<TableReport> directives_report(Store& store, const TableReportOptions& o);
// Communes under `o.code` on `o.at`: their standing under the current set
// beside the one under the version that ended the day before it began
// (transition_report.cc).
// The national progress report (national_report.cc): the whole country at a
// date with provinces as rows, compared with another date; its figures are
// the sums of the provinces' progress reports.
Result<TableReport> national_report(Store& store, const Catalog& catalog,
                                    const TableReportOptions& o);
Result<TableReport> transition_report(Store& store, const Catalog& catalog,
                                      const TableReportOptions& o);

// The report's frame: issuer and place from the province of `unit` (else the
// top unit), issue date, the synthetic-data flag.
Result<TableReport> report_frame(Store& store, const std::string& kind, const UnitVersion* unit,
                                 Date at, const TableReportOptions& o);

// By kind: "commune", "department", "sponsor", "directives", "transition".
Result<TableReport> build_table_report(Store& store, const Catalog& catalog,
                                       const std::string& kind, const TableReportOptions& o);

}  // namespace ntm
