// Golden files: the progress report of a small fixed province, as HTML and
// as the XML parts of the XLSX (unzipped), compared byte for byte. A change
// in the output fails here; when intended, regenerate with
//   NTM_UPDATE_GOLDEN=1 build/src/reports/reports_test
// and review the diff of tests/golden/.
#include <gtest/gtest.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/csv.h"
#include "base/xlsx.h"
#include "reports/progress.h"
#include "service/importer.h"
#include "store/test_store.h"

namespace ntm {
namespace {

const std::string kGolden = std::string(NTM_SOURCE_DIR) + "/tests/golden/";

Date d(const char* iso) { return *Date::parse(iso); }

class ReportsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store = std::move(open_test_store()).value();
    ASSERT_TRUE(import_units(*store, "u",
                             "code,name,type,level,parent_code\n42,Tỉnh Hà Tĩnh,Tỉnh,1,\n"
                             "18580,Xã Thạch Kim,Xã,2,42\n18583,Xã Thạch Châu,Xã,2,42\n"
                             "18586,Xã Mai Phụ,Xã,2,42\n",
                             d("2016-01-01"), Date::max())
                    .is_ok());
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
    - {code: "1", name_vi: "Quy hoạch", department: SXD, indicators: [{code: "1.1", name_vi: "Quy hoạch", measure: quy_hoach, op: "=", thresholds: {default: true}}]}
    - {code: "2", name_vi: "Y tế", department: SYT, indicators: [{code: "2.1", name_vi: "BHYT", measure: bhyt, op: ">=", thresholds: {default: 85}}]}
)")
                    .is_ok());
    ASSERT_TRUE(import_observations(*store, "o",
                                    "unit_code,measure,date,value,status\n"
                                    "18580,quy_hoach,2020-12-31,1,verified\n"
                                    "18580,bhyt,2020-12-31,90,verified\n"
                                    "18583,quy_hoach,2020-12-31,1,verified\n"
                                    "18583,bhyt,2021-12-31,70,verified\n"
                                    "18586,quy_hoach,2021-12-31,0,verified\n",
                                    "t")
                    .is_ok());
    ASSERT_TRUE(
        store
            ->upsert_department((*store->unit_at("42", d("2020-01-01")))->unit_id, "SYT", "Sở Y tế")
            .is_ok());
    const int64_t chau = (*store->unit_at("18583", d("2021-01-01")))->unit_id;
    ASSERT_TRUE(
        store->upsert_plan({chau, "NTM", 2021, "", {{"thu", "2", 2021}}, {}, "t", "x"}).is_ok());
    ASSERT_TRUE(store
                    ->insert_work_item({.title = "Nâng BHYT <90%> & \"hơn\"",
                                        .unit_id = chau,
                                        .criterion = "2",
                                        .owner_kind = OwnerKind::kDepartment,
                                        .owner_code = "SYT",
                                        .start = d("2021-01-01"),
                                        .due = d("2021-09-30"),
                                        .progress = 40,
                                        .budget = 120000000,
                                        .updated_by = "t",
                                        .updated_at = "x"})
                    .is_ok());
    catalog = std::make_unique<Catalog>(std::move(Catalog::load(*store)).value());
  }
  ProgressReport report() {
    ReportOptions o{"42", d("2021-12-31"), d("2020-12-31"), "", true, d("2022-01-10")};
    auto r = build_progress_report(*store, *catalog, o);
    EXPECT_TRUE(r.is_ok()) << r.status().message();
    return std::move(r).value();
  }
  std::unique_ptr<Store> store;
  std::unique_ptr<Catalog> catalog;
};

// Compares `actual` with the golden file (or writes it when updating).
void golden(const std::string& name, const std::string& actual) {
  const std::string path = kGolden + name;
  if (std::getenv("NTM_UPDATE_GOLDEN")) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  auto expected = read_file(path);
  ASSERT_TRUE(expected.is_ok()) << path << " missing: run with NTM_UPDATE_GOLDEN=1";
  EXPECT_EQ(actual, *expected) << "differs from " << path;
}

// The XML parts of an XLSX, by name, as stored.
std::map<std::string, std::string> parts(const std::string& xlsx) {
  std::map<std::string, std::string> out;
  zip_error_t err;
  zip_source_t* src = zip_source_buffer_create(xlsx.data(), xlsx.size(), 0, &err);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!z) return out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(z, i, 0, &st);
    std::string data(st.size, '\0');
    zip_file_t* f = zip_fopen_index(z, i, 0);
    zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    out[st.name] = data;
  }
  zip_discard(z);
  return out;
}

TEST_F(ReportsTest, ProgressHtmlMatchesGolden) {
  const ProgressReport r = report();
  EXPECT_EQ(r.summary.units, 3);
  EXPECT_EQ(r.summary.title_met, 1);
  ASSERT_TRUE(r.compare_summary.has_value());
  EXPECT_EQ(r.compare_summary->title_met, 1);
  ASSERT_EQ(r.overdue.size(), 1u);
  const std::string html = progress_html(r, "");
  EXPECT_NE(html.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos);
  // Nghị định 30/2020: the body in capitals, month 1 with its leading zero,
  // the province lower case inside the title.
  EXPECT_NE(html.find("UBND TỈNH HÀ TĨNH"), std::string::npos);
  EXPECT_NE(html.find("Hà Tĩnh, ngày 10 tháng 01 năm 2022"), std::string::npos);
  EXPECT_NE(html.find("nông thôn mới tỉnh Hà Tĩnh"), std::string::npos);
  EXPECT_NE(html.find("Nâng BHYT &lt;90%&gt; &amp; &quot;hơn&quot;"), std::string::npos);
  EXPECT_EQ(html.find("<90%>"), std::string::npos);
  golden("progress.html", html);
}

TEST_F(ReportsTest, ProgressXlsxMatchesGoldenParts) {
  auto xlsx = progress_xlsx(report());
  ASSERT_TRUE(xlsx.is_ok()) << xlsx.status().message();
  const auto p = parts(*xlsx);
  ASSERT_TRUE(p.count("xl/workbook.xml"));
  ASSERT_TRUE(p.count("xl/worksheets/sheet2.xml"));
  // Formulas are stored with their computed values: every reader shows them.
  EXPECT_NE(p.at("xl/worksheets/sheet2.xml").find("<f>COUNTIF(D4:E4,\"Đạt\")</f><v>2</v>"),
            std::string::npos);
  EXPECT_NE(p.at("xl/worksheets/sheet2.xml").find("<pane xSplit=\"3\" ySplit=\"3\""),
            std::string::npos);
  for (const auto& [name, xml] : p) golden("progress_xlsx/" + name, xml);
  // Read back as an import would: formulas give their stored values, merged
  // headers their text.
  auto csv = xlsx_to_csv(*xlsx, "bao-cao.xlsx");
  ASSERT_TRUE(csv.is_ok()) << csv.status().message();
  EXPECT_NE(csv->find("Tỷ lệ,0.3333333333333333,0.3333333333333333"), std::string::npos) << *csv;
  EXPECT_NE(csv->find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos);
}

TEST_F(ReportsTest, CsvAndJsonCarryTheSameFigures) {
  const ProgressReport r = report();
  const std::string csv = progress_csv(r);
  EXPECT_NE(csv.find("18580,Xã Thạch Kim,met,met,2,2,met,no_plan,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("18583,Xã Thạch Châu,met,not_met,1,2,not_met,at_risk,2021"),
            std::string::npos);
  const auto j = nlohmann::json::parse(progress_json(r));
  EXPECT_EQ(j["summary"]["title_met"], 1);
  EXPECT_EQ(j["overdue_work_items"][0]["owner"], "department:SYT");
  EXPECT_NE(progress_html(r, "").find("<td>Sở Y tế</td>"), std::string::npos);
  EXPECT_EQ(j["criteria"][1]["department"], "SYT");
}

}  // namespace
}  // namespace ntm
