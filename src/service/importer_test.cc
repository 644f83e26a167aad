#include "service/importer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/test_store.h"

namespace ntm {
namespace {

Date d(const char* s) { return *Date::parse(s); }

class ImporterTest : public ::testing::Test {
 protected:
  void SetUp() override { store = std::move(open_test_store()).value(); }
  std::unique_ptr<Store> store;
};

constexpr const char* kOld =
    "code,name,type,level,parent_code\n"
    "42,Tỉnh Hà Tĩnh,Tỉnh,1,\n"
    "448,Huyện Lộc Hà,Huyện,2,42\n"
    "449,Huyện Thạch Hà,Huyện,2,42\n"
    "18580,Xã Thạch Kim,Xã,3,448\n"
    "18073,Phường Nam Hà,Phường,3,449\n";

TEST_F(ImporterTest, MovedUnitsKeepIdentityMergedCodesDoNot) {
  auto first = import_units(*store, "a.csv", kOld, d("2016-01-01"), d("2025-02-28"));
  ASSERT_TRUE(first.is_ok()) << first.status().to_string();
  // 2025-03: Lộc Hà district abolished, Thạch Kim moves to Thạch Hà.
  const char* moved =
      "code,name,type,level,parent_code\n42,Tỉnh Hà Tĩnh,Tỉnh,1,\n449,Huyện Thạch Hà,Huyện,2,42\n"
      "18580,Xã Thạch Kim,Xã,3,449\n18073,Phường Nam Hà,Phường,3,449\n";
  ASSERT_TRUE(import_units(*store, "b.csv", moved, d("2025-03-01"), d("2025-06-30")).is_ok());
  const char* merged =
      "code,name,type,level,parent_code\n42,Tỉnh Hà Tĩnh,Tỉnh,1,\n"
      "18073,Phường Thành Sen,Phường,2,42\n";
  auto r = import_units(*store, "c.csv", merged, d("2025-07-01"), Date::max());
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();

  const auto kim_2020 = **store->unit_at("18580", d("2020-01-01"));
  const auto kim_2025 = **store->unit_at("18580", d("2025-04-01"));
  EXPECT_EQ(kim_2020.unit_id, kim_2025.unit_id);  // same commune, new parent
  EXPECT_NE(kim_2020.parent_id, kim_2025.parent_id);
  const auto nam_ha = **store->unit_at("18073", d("2025-06-30"));
  const auto thanh_sen = **store->unit_at("18073", d("2025-07-01"));
  EXPECT_NE(nam_ha.unit_id, thanh_sen.unit_id);  // same code, different unit
  EXPECT_EQ(thanh_sen.name, "Phường Thành Sen");
  // The province is one entity throughout; its history is two touching periods merged.
  EXPECT_EQ((**store->unit_at("42", d("2016-01-01"))).unit_id,
            (**store->unit_at("42", d("2026-01-01"))).unit_id);
  // Re-importing the same file changes nothing.
  ASSERT_TRUE(import_units(*store, "c.csv", merged, d("2025-07-01"), Date::max()).is_ok());
  EXPECT_EQ(store->unit_versions(thanh_sen.unit_id)->size(), 1u);
}

TEST_F(ImporterTest, OpenOldStructureBlocksANewOneWithTheSameCode) {
  ASSERT_TRUE(import_units(*store, "a.csv", kOld, d("2016-01-01"), Date::max()).is_ok());
  const char* merged =
      "code,name,type,level,parent_code\n42,Tỉnh Hà Tĩnh,Tỉnh,1,\n18073,Phường Thành "
      "Sen,Phường,2,42\n";
  auto r = import_units(*store, "c.csv", merged, d("2025-07-01"), Date::max());
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("c.csv: dòng 3: mã 18073 đang thuộc \"Phường Nam Hà\""),
            std::string::npos)
      << r.status().message();
  EXPECT_EQ(*store->count_units(), 5);  // nothing from c.csv was written
}

TEST_F(ImporterTest, ReportsEveryBadRowAndWritesNothing) {
  const char* bad =
      "code,name,type,level,parent_code\n42,Tỉnh Hà Tĩnh,Tỉnh,1,\n4x8,Huyện X,Huyện,2,42\n"
      "18580,,Xã,3,999\n18580,Xã Y,Xã,9,42\n";
  auto r = import_units(*store, "u.csv", bad, d("2016-01-01"), Date::max());
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().message(),
            "u.csv: 5 lỗi, không có dòng nào được nhập:\n"
            "  dòng 3, cột \"code\": mã \"4x8\" phải gồm chữ số\n"
            "  dòng 4, cột \"name\": thiếu tên\n"
            "  dòng 5, cột \"code\": mã 18580 bị lặp\n"
            "  dòng 5, cột \"level\": cấp \"9\" không hợp lệ\n"
            "  dòng 4, cột \"parent_code\": không có đơn vị cấp trên mã 999");
  EXPECT_EQ(*store->count_units(), 0);
}

TEST_F(ImporterTest, ShowsTheFirstTwentyErrorsAndTheCount) {
  std::string text = "unit_code,measure,date,value\n";
  for (int i = 0; i < 25; ++i) text += "1,m,2020-01-0x,1\n";
  auto r = import_observations(*store, "many.csv", text, "t");
  ASSERT_FALSE(r.is_ok());
  const std::string& m = r.status().message();
  EXPECT_EQ(m.rfind("many.csv: 50 lỗi, không có dòng nào được nhập:", 0), 0u) << m;
  EXPECT_NE(m.find("... và 30 lỗi khác"), std::string::npos) << m;
  EXPECT_EQ(*store->count_observations(), 0);
}

constexpr const char* kMeasures = R"(
measures:
  - {id: bhyt, name_vi: "Tỷ lệ BHYT", type: percent, unit: "%", aggregation: mean}
  - {id: quy_hoach, name_vi: "Có quy hoạch", type: boolean, aggregation: all}
set:
  id: thu
  series: ntm-xa
  name_vi: "Bộ thử"
  legal_basis: "Thử"
  effective_from: 2016-01-01
  applies_to: {level: commune, unit_types: ["Xã"]}
  variant_key: region
  titles: [{code: NTM, name_vi: "Đạt chuẩn"}]
  criteria:
    - {code: "15", name_vi: "Y tế", indicators: [{code: "15.1", name_vi: "BHYT", measure: bhyt, op: ">=", thresholds: {default: 85}}]}
)";

// A file streamed from disk: every row checked before anything is written
// (a duplicate far down the file is found and named, nothing is written),
// progress told as it goes, and the same counts as the in-memory import.
TEST_F(ImporterTest, StreamsAFileInTwoPassesAllOrNothing) {
  ASSERT_TRUE(import_units(*store, "u.csv", kOld, d("2016-01-01"), Date::max()).is_ok());
  auto set = import_criteria(*store, "s.yaml", kMeasures);
  ASSERT_TRUE(set.is_ok()) << set.status().message();
  const std::string path = ::testing::TempDir() + "stream_" + std::to_string(getpid()) + ".csv";
  std::string text = "unit_code,measure,date,value,note\n";
  Date day = d("2016-01-01");
  const int rows = 70000;  // more than one progress step
  for (int i = 0; i < rows; ++i) {
    text += std::string(i % 2 ? "18580" : "18073") + ",bhyt," + day.iso() + "," +
            std::to_string(50 + i % 40) + (i == 7 ? ",\"ghi chú, có dấu phẩy\"\n" : ",\n");
    if (i % 2) day = day.add_days(1);
  }
  {
    std::ofstream(path) << text << "18073,bhyt,2016-01-01,60,\n";  // repeats row 2
  }
  std::vector<ImportProgress> told;
  auto bad = import_observations_file(*store, path, "t", "submitted",
                                      [&](const ImportProgress& p) { told.push_back(p); });
  ASSERT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("dòng " + std::to_string(rows + 2) +
                                        ": dòng lặp: 18073, bhyt, 2016-01-01"),
            std::string::npos)
      << bad.status().message();
  EXPECT_EQ(*store->count_observations(), 0);
  ASSERT_FALSE(told.empty());
  EXPECT_EQ(told.front().pass, 1);
  EXPECT_EQ(told.front().rows, 65536);
  EXPECT_GT(told.front().total_bytes, told.front().bytes);

  std::ofstream(path) << text;
  told.clear();
  auto good = import_observations_file(*store, path, "t", "submitted",
                                       [&](const ImportProgress& p) { told.push_back(p); });
  ASSERT_TRUE(good.is_ok()) << good.status().message();
  EXPECT_EQ(good->rows, rows);
  EXPECT_EQ(good->written, rows);
  EXPECT_EQ(*store->count_observations(), rows);
  EXPECT_EQ(told.back().pass, 2);
  const int64_t kim = (**store->unit_at("18580", d("2016-01-01"))).unit_id;  // row 9
  EXPECT_EQ((*store->current_observation(kim, "bhyt", d("2016-01-04")))->note,
            "ghi chú, có dấu phẩy");
  // The same file again changes nothing.
  auto again = import_observations_file(*store, path, "t");
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(again->written, 0);
  std::filesystem::remove(path);
  EXPECT_FALSE(import_observations_file(*store, path, "t").is_ok());  // names the missing file
}

}  // namespace
}  // namespace ntm
