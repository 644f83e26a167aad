// The national report's figures are the sums of the provinces' own progress
// reports on the same date (two provinces, generated data, several dates).
#include <gtest/gtest.h>

#include "reports/progress.h"
#include "reports/table_report.h"
#include "service/importer.h"
#include "store/test_store.h"

namespace ntm {
namespace {

Date d(const char* iso) { return *Date::parse(iso); }

double number(const ReportCell& c) { return std::get<double>(c); }

TEST(NationalReport, FiguresAreTheSumsOfTheProvincesReports) {
  auto store = std::move(open_test_store()).value();
  std::string units =
      "code,name,type,level,parent_code\n42,Tỉnh Hà Tĩnh,Tỉnh,1,\n"
      "40,Tỉnh Nghệ An,Tỉnh,1,\n";
  std::string obs = "unit_code,measure,date,value,status\n";
  for (int i = 0; i < 30; ++i) {
    const std::string code = std::to_string(18000 + i), province = i % 3 ? "42" : "40";
    units += code + ",Xã " + code + ",Xã," + "2," + province + "\n";
    for (int year = 2018; year <= 2021; ++year) {
      const std::string at = std::to_string(year) + "-12-31";
      obs += code + ",quy_hoach," + at + "," + std::to_string((i + year) % 4 != 0) + ",verified\n";
      obs += code + ",bhyt," + at + "," + std::to_string(70 + (i * 7 + year) % 30) + ",verified\n";
    }
  }
  ASSERT_TRUE(import_units(*store, "u", units, d("2016-01-01"), Date::max()).is_ok());
  ASSERT_TRUE(import_criteria(*store, "s", R"(
measures:
  - {id: quy_hoach, name_vi: "Có quy hoạch", type: boolean, aggregation: all}
  - {id: bhyt, name_vi: "Tỷ lệ BHYT", type: percent, unit: "%", aggregation: mean}
set:
  id: thu
  series: ntm-xa
  name_vi: "Bộ thử"
  legal_basis: "Thử nghiệm"
  effective_from: 2016-01-01
  applies_to: {level: commune, unit_types: ["Xã"]}
  variant_key: region
  titles: [{code: NTM, name_vi: "Xã đạt chuẩn nông thôn mới"}]
  criteria:
    - {code: "1", name_vi: "Quy hoạch", indicators: [{code: "1.1", name_vi: "Quy hoạch", measure: quy_hoach, op: "=", thresholds: {default: true}}]}
    - {code: "15", name_vi: "Y tế", indicators: [{code: "15.1", name_vi: "BHYT", measure: bhyt, op: ">=", thresholds: {default: 85}}]}
)")
                  .is_ok());
  ASSERT_TRUE(import_observations(*store, "o", obs, "t").is_ok());
  const Catalog catalog = std::move(Catalog::load(*store)).value();
  for (const char* at : {"2019-06-30", "2020-12-31", "2021-12-31"}) {
    TableReportOptions o{.at = d(at), .issued_on = d("2022-01-01")};
    const auto national = national_report(*store, catalog, o);
    ASSERT_TRUE(national.is_ok()) << national.status().message();
    const ReportSection& provinces = national->sections.at(1);
    ASSERT_EQ(provinces.rows.size(), 3u);  // two provinces and the country
    double units = 0, met = 0, criteria = 0;
    for (size_t i = 0; i < 2; ++i) {
      const auto& row = provinces.rows[i];
      const auto own = build_progress_report(
          *store, catalog, {.parent_code = std::get<std::string>(row[0]), .at = d(at)});
      ASSERT_TRUE(own.is_ok()) << own.status().message();
      EXPECT_EQ(number(row[2]), own->summary.units) << at;
      EXPECT_EQ(number(row[3]), own->summary.title_met) << at;
      EXPECT_NEAR(number(row[5]), own->summary.average_criteria_met, 0.005) << at;
      units += own->summary.units;
      met += own->summary.title_met;
      criteria += own->summary.average_criteria_met * own->summary.units;
    }
    const auto& total = provinces.rows[2];
    EXPECT_EQ(number(total[2]), units);
    EXPECT_EQ(number(total[3]), met);
    EXPECT_NEAR(number(total[5]), criteria / units, 0.005);
    EXPECT_GT(met, 0) << at;  // the data is not all of one kind
    EXPECT_LT(met, units) << at;
    // The criteria section counts the same communes.
    for (const auto& row : national->sections.at(2).rows)
      EXPECT_EQ(number(row[1]) + number(row[3]) + number(row[4]), units);
    EXPECT_TRUE(table_report_xlsx(*national).is_ok());
  }
}

}  // namespace
}  // namespace ntm
