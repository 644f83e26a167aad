// The national progress report: the country at a date, provinces as rows.
#include <cmath>

#include "base/strings.h"
#include "reports/table_report.h"
#include "service/national.h"

namespace ntm {
namespace {

// Shares to one decimal, averages to two: as printed.
double share(int part, int whole) { return whole ? std::round(1000.0 * part / whole) / 10 : 0; }
double average(double v) { return std::round(v * 100) / 100; }

}  // namespace

Result<TableReport> national_report(Store& store, const Catalog& catalog,
                                    const TableReportOptions& o) {
  const Date compare = o.compare ? *o.compare : o.at.add_years(-1);
  // The provinces on two threads (a second connection for the report; one
  // thread for a database in memory).
  auto twin = store.open_twin();
  const NationalOverview n = TRY(build_national(store, catalog, {o.at, o.set_id, o.verified_only},
                                                compare, twin.is_ok() ? twin->get() : nullptr));
  if (n.provinces.empty())
    return Status::not_found("không có tỉnh, thành phố nào vào ngày " + o.at.vi());
  TableReport r = TRY(report_frame(store, "national", nullptr, o.at, o));
  r.issuer = "VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI TRUNG ƯƠNG";
  r.place = "Hà Nội";
  r.file_name = "bao-cao-tien-do-toan-quoc-" + o.at.iso();
  r.title = "BÁO CÁO TIẾN ĐỘ XÂY DỰNG NÔNG THÔN MỚI TOÀN QUỐC";
  r.subtitle = "Đến ngày " + o.at.vi() + " — " + std::to_string(n.provinces.size()) +
               " tỉnh, thành phố" +
               (o.at < Date::from_ymd(2025, 7, 1) ? " (cơ cấu trước 01/07/2025)" : "") +
               (n.set ? " — " + n.set->name_vi : "") +
               (o.verified_only ? "; số liệu đã thẩm định" : "; số liệu tự đánh giá") +
               "; so sánh với ngày " + compare.vi();
  const std::string title = "đạt chuẩn";  // the set's first title, named in the note
  const std::string title_note =
      n.set && !n.set->titles.empty() ? "Đạt chuẩn: " + n.set->titles[0].name_vi + ". " : "";

  ReportSection whole{
      "I. Toàn quốc",
      "Toàn quốc",
      {{"Chỉ tiêu", 40}, {"Ngày " + o.at.vi(), 16}, {"Ngày " + compare.vi(), 16}, {"Thay đổi", 12}},
      {},
      title_note + "Số liệu toàn quốc là tổng của các tỉnh, thành phố trong bảng II."};
  const Summary& t = n.total;
  auto row = [&](const std::string& what, double now, std::optional<double> then) {
    whole.rows.push_back(
        {what, now, then ? ReportCell(*then) : ReportCell(std::string("–")),
         then ? ReportCell(std::round((now - *then) * 100) / 100) : ReportCell(std::string("–"))});
  };
  const auto& c = n.total_compare;
  row("Số tỉnh, thành phố", double(n.provinces.size()), std::nullopt);
  row("Số xã được đánh giá", t.units, c ? std::optional<double>(c->units) : std::nullopt);
  row("Số xã " + title, t.title_met, c ? std::optional<double>(c->title_met) : std::nullopt);
  row("Tỷ lệ xã " + title + " (%)", share(t.title_met, t.units),
      c ? std::optional<double>(share(c->title_met, c->units)) : std::nullopt);
  row("Số tiêu chí đạt bình quân mỗi xã", average(t.average_criteria_met),
      c ? std::optional<double>(average(c->average_criteria_met)) : std::nullopt);

  ReportSection provinces{"II. Theo tỉnh, thành phố",
                          "Theo tỉnh",
                          {{"Mã", 6},
                           {"Tỉnh, thành phố", 30},
                           {"Số xã", 10},
                           {"Số xã " + title, 14},
                           {"Tỷ lệ (%)", 10},
                           {"Tiêu chí bình quân", 12},
                           {"Số xã " + title + " ngày " + compare.vi(), 18},
                           {"Thay đổi", 10}},
                          {},
                          "Tỉnh chưa có ở ngày so sánh (sau sắp xếp 01/07/2025): ghi \"–\"."};
  for (const ProvinceFigures& p : n.provinces) {
    const Summary& s = p.summary;
    provinces.rows.push_back(
        {p.province.code, p.province.name, double(s.units), double(s.title_met),
         share(s.title_met, s.units), average(s.average_criteria_met),
         p.compare ? ReportCell(double(p.compare->title_met)) : ReportCell(std::string("–")),
         p.compare ? ReportCell(double(s.title_met - p.compare->title_met))
                   : ReportCell(std::string("–"))});
  }
  provinces.rows.push_back(
      {std::string(), std::string("Cả nước"), double(t.units), double(t.title_met),
       share(t.title_met, t.units), t.average_criteria_met,
       c ? ReportCell(double(c->title_met)) : ReportCell(std::string("–")),
       c ? ReportCell(double(t.title_met - c->title_met)) : ReportCell(std::string("–"))});

  ReportSection criteria{"III. Theo tiêu chí",
                         "Theo tiêu chí",
                         {{"Tiêu chí", 44},
                          {"Số xã đạt", 12},
                          {"Tỷ lệ (%)", 10},
                          {"Chưa đạt", 12},
                          {"Chưa xác định", 14}},
                         {},
                         ""};
  for (const CriterionCount& cc : n.criteria) {
    criteria.rows.push_back({cc.criterion->code + ". " + cc.criterion->name_vi, double(cc.met),
                             share(cc.met, t.units), double(cc.not_met), double(cc.unknown)});
  }
  ReportSection bands{"IV. Theo số tiêu chí đạt",
                      "Theo số tiêu chí",
                      {{"Số tiêu chí đạt", 20}, {"Số xã", 12}, {"Tỷ lệ (%)", 10}},
                      {},
                      ""};
  for (const BandCount& b : t.bands)
    bands.rows.push_back({b.label + " tiêu chí", double(b.units), share(b.units, t.units)});
  r.sections = {whole, provinces, criteria, bands};
  return r;
}

}  // namespace ntm
