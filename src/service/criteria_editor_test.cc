// The criteria-set editor: a new version of a QĐ 51-like set, a threshold
// entered per commune group and year, the diff, publishing from a date and
// evaluation before and after it.
#include "service/criteria_editor.h"

#include <gtest/gtest.h>

#include "service/importer.h"
#include "store/test_store.h"

namespace ntm {
namespace {

Date d(const char* s) { return *Date::parse(s); }

class CriteriaEditorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store = std::move(open_test_store()).value();
    ASSERT_TRUE(import_units(*store, "u",
                             "code,name,type,level,parent_code\n42,Tỉnh A,Tỉnh,1,\n"
                             "1,Xã Một,Xã,2,42\n2,Xã Hai,Xã,2,42\n",
                             d("2016-01-01"), Date::max())
                    .is_ok());
    ASSERT_TRUE(import_attributes(*store, "a",
                                  "unit_code,attribute,value,valid_from\n"
                                  "1,commune_group,1,2026-02-15\n2,commune_group,2,2026-02-15\n")
                    .is_ok());
    ASSERT_TRUE(import_criteria(*store, "q51.yaml", R"(
measures:
  - {id: bhyt, name_vi: "Tỷ lệ BHYT", type: percent, unit: "%"}
set:
  id: q51
  series: ntm-xa
  name_vi: "Bộ 2026-2030"
  legal_basis: "QĐ 51/2025/QĐ-TTg"
  effective_from: 2026-02-15
  applies_to: {level: commune, unit_types: ["Xã"]}
  variant_key: commune_group
  titles: [{code: NTM, name_vi: "Đạt chuẩn", rule: all}]
  criteria:
    - {code: "1", name_vi: "Quy hoạch", indicators: []}
    - {code: "5", name_vi: "Y tế", indicators: []}
)")
                    .is_ok());
    ASSERT_TRUE(
        import_observations(*store, "o",
                            "unit_code,measure,date,value,status\n"
                            "1,bhyt,2026-06-30,96,verified\n2,bhyt,2026-06-30,91,verified\n",
                            "t")
            .is_ok());
    admin.username = "vanphong";
    admin.role = Role::kAdmin;
    admin.province_id = (*store->unit_at("42", d("2020-01-01")))->unit_id;
    commune.username = "xa.mot";
    commune.role = Role::kCommune;
  }

  Catalog catalog() { return std::move(Catalog::load(*store)).value(); }

  // Status of criterion 5 for unit `code` at `at`, and the set used.
  std::string criterion5(const char* code, const char* at) {
    const Catalog c = catalog();
    const auto a = evaluate_unit(*store, c, code, {.at = d(at)});
    EXPECT_TRUE(a.is_ok()) << a.status().message();
    return a->set->id + ":" + outcome_name(a->criteria[1].status);
  }

  IndicatorInput bhyt() {
    IndicatorInput in;
    in.criterion = "5";
    in.code = "5.1";
    in.name_vi = "Tỷ lệ người dân tham gia BHYT";
    in.measure = "bhyt";
    in.op = ">=";
    in.thresholds = {{"1", "95"}, {"2", "2026: 90; 2028: 95"}, {"3", ""}, {"default", ""}};
    in.source = "QĐ 51/2025/QĐ-TTg, Phụ lục I";
    in.confirmed = "true";
    return in;
  }

  std::unique_ptr<Store> store;
  User admin, commune;
};

TEST_F(CriteriaEditorTest, OnlyTheOfficeEditsAndIdsAreChecked) {
  const Catalog c = catalog();
  EXPECT_EQ(start_criteria_draft(*store, c, "q51", "q51-v2", commune).code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(start_criteria_draft(*store, c, "nope", "q51-v2", admin).code(), ErrorCode::kNotFound);
  EXPECT_EQ(start_criteria_draft(*store, c, "q51", "Q51 v2", admin).code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(start_criteria_draft(*store, c, "q51", "q51", admin).code(), ErrorCode::kConflict);
  ASSERT_TRUE(start_criteria_draft(*store, c, "q51", "q51-v2", admin).is_ok());
  EXPECT_EQ(start_criteria_draft(*store, c, "q51", "q51-v2", admin).code(), ErrorCode::kConflict);
  EXPECT_EQ(save_indicator(*store, c, "q51-v2", bhyt(), commune).code(),
            ErrorCode::kPermissionDenied);
}

TEST_F(CriteriaEditorTest, WrongFieldsAreAllNamedAndNothingChanges) {
  const Catalog c = catalog();
  ASSERT_TRUE(start_criteria_draft(*store, c, "q51", "q51-v2", admin).is_ok());
  IndicatorInput in = bhyt();
  in.thresholds["2"] = "chín mươi";
  in.thresholds["1"] = "105";
  in.source = "";
  in.measure = "khong_co";
  auto st = save_indicator(*store, c, "q51-v2", in, admin);
  EXPECT_EQ(st.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(st.message().find("Số liệu đo: chưa có \"khong_co\""), std::string::npos);
  EXPECT_NE(st.message().find("Nguồn: bắt buộc"), std::string::npos) << st.message();
  in = bhyt();  // a threshold without a source, even unconfirmed
  in.source = "";
  in.confirmed = "false";
  st = save_indicator(*store, c, "q51-v2", in, admin);
  EXPECT_NE(st.message().find("Nguồn: bắt buộc khi nhập ngưỡng"), std::string::npos)
      << st.message();
  in = bhyt();
  in.thresholds["2"] = "chín mươi";
  in.thresholds["1"] = "105";
  st = save_indicator(*store, c, "q51-v2", in, admin);
  EXPECT_NE(st.message().find("Ngưỡng nhóm 1: \"105\": Nhập tỷ lệ từ 0 đến 100"), std::string::npos)
      << st.message();
  EXPECT_NE(st.message().find("Ngưỡng nhóm 2: \"chín mươi\": Nhập một số"), std::string::npos);
  const Draft draft = std::move(load_criteria_draft(*store, c, "q51-v2")).value();
  EXPECT_TRUE(draft.set.criteria[1].indicators.empty());
  EXPECT_TRUE(draft_changes(c, draft).empty());
}

TEST_F(CriteriaEditorTest, PublishedFromADateTheEngineSwitchesThere) {
  Catalog c = catalog();
  ASSERT_TRUE(start_criteria_draft(*store, c, "q51", "q51-v2", admin).is_ok());
  ASSERT_TRUE(save_indicator(*store, c, "q51-v2", bhyt(), admin).is_ok());

  // The diff names the new indicator with its thresholds by group.
  const Draft draft = std::move(load_criteria_draft(*store, c, "q51-v2")).value();
  const auto changes = draft_changes(c, draft);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, SetChange::Kind::kAdded);
  EXPECT_EQ(changes[0].indicator, "5.1");
  EXPECT_EQ(changes[0].after, "Tỷ lệ người dân tham gia BHYT >= 1 → 95 | 2 → 2026: 90; 2028: 95");

  // A draft is never evaluated.
  EXPECT_EQ(criterion5("1", "2026-10-01"), "q51:unknown");

  // Publishing before the version in force began is refused.
  auto early = publish_criteria_draft(*store, c, "q51-v2", d("2026-02-15"), admin);
  EXPECT_EQ(early.status().code(), ErrorCode::kConflict);
  EXPECT_NE(early.status().message().find("15/02/2026"), std::string::npos);

  const auto p = publish_criteria_draft(*store, c, "q51-v2", d("2026-09-01"), admin);
  ASSERT_TRUE(p.is_ok()) << p.status().message();
  EXPECT_EQ(p->closed_id, "q51");
  EXPECT_EQ(p->closed_to, d("2026-08-31"));
  EXPECT_FALSE(*store->criteria_draft("q51-v2"));

  // Before the date: the old version, no indicators -> unknown.
  EXPECT_EQ(criterion5("1", "2026-08-31"), "q51:unknown");
  EXPECT_EQ(criterion5("2", "2026-08-31"), "q51:unknown");
  // From the date: group 1 needs 95 (96 met), group 2 needs 90 until 2027.
  EXPECT_EQ(criterion5("1", "2026-09-01"), "q51-v2:met");
  EXPECT_EQ(criterion5("2", "2026-09-01"), "q51-v2:met");
  // From 2028 group 2 needs 95: 91 is not enough.
  EXPECT_EQ(criterion5("2", "2028-01-01"), "q51-v2:not_met");

  // The versions no longer overlap; a later draft must start after 01/09/2026.
  c = catalog();
  EXPECT_EQ(c.find("q51")->effective_to, d("2026-08-31"));
  ASSERT_TRUE(start_criteria_draft(*store, c, "q51-v2", "q51-v3", admin).is_ok());
  EXPECT_EQ(publish_criteria_draft(*store, c, "q51-v3", d("2026-09-01"), admin).status().code(),
            ErrorCode::kConflict);
  ASSERT_TRUE(discard_criteria_draft(*store, "q51-v3", admin).is_ok());

  std::vector<std::string> actions;
  const auto audit = store->audit(0, "vanphong", "", 50);
  ASSERT_TRUE(audit.is_ok());
  for (const AuditEntry& e : *audit) actions.push_back(e.action);
  for (const char* a :
       {"criteria.draft", "criteria.indicator", "criteria.publish", "criteria.discard"}) {
    EXPECT_NE(std::find(actions.begin(), actions.end(), a), actions.end()) << a;
  }
}

TEST_F(CriteriaEditorTest, AProvinceAddsItsOwnCriterionAndMeasure) {
  const Catalog c = catalog();
  ASSERT_TRUE(start_criteria_draft(*store, c, "q51", "q51-ha-tinh", admin).is_ok());
  ASSERT_TRUE(save_criterion(*store, c, "q51-ha-tinh",
                             {"", "HT1", "Khu dân cư kiểu mẫu", "", "SNNMT"}, admin)
                  .is_ok());
  EXPECT_EQ(save_criterion(*store, c, "q51-ha-tinh", {"", "HT1", "Lặp", "", ""}, admin).code(),
            ErrorCode::kInvalidArgument);
  ASSERT_TRUE(add_draft_measure(
                  *store, c, "q51-ha-tinh",
                  {"khu_dan_cu_kieu_mau", "Số khu dân cư kiểu mẫu", "khu", "number", "sum"}, admin)
                  .is_ok());
  IndicatorInput in;
  in.criterion = "HT1";
  in.code = "HT1.1";
  in.name_vi = "Có ít nhất 1 khu dân cư kiểu mẫu";
  in.measure = "khu_dan_cu_kieu_mau";
  in.op = ">=";
  in.thresholds = {{"default", "1"}};
  in.source = "Quyết định của UBND tỉnh (thử)";
  ASSERT_TRUE(save_indicator(*store, c, "q51-ha-tinh", in, admin).is_ok());
  ASSERT_TRUE(remove_indicator(*store, c, "q51-ha-tinh", "HT1", "HT1.1", admin).is_ok());
  ASSERT_TRUE(save_indicator(*store, c, "q51-ha-tinh", in, admin).is_ok());
  ASSERT_TRUE(publish_criteria_draft(*store, c, "q51-ha-tinh", d("2026-12-01"), admin).is_ok());
  const Catalog after = catalog();
  EXPECT_TRUE(after.measures().count("khu_dan_cu_kieu_mau"));
  const CriteriaSet* s = after.in_force("ntm-xa", d("2026-12-01"), Level::kCommune);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->id, "q51-ha-tinh");
  ASSERT_EQ(s->criteria.size(), 3u);
  EXPECT_EQ(s->criteria[2].indicators[0].thresholds.at("default").at(0), 1);
  EXPECT_EQ(s->criteria[2].indicators[0].confirmed, "false");
}

// With a second province in the database, an office's version is its
// province's own: its communes switch to it, the other province's keep the
// national version (which stays open), and nobody else may edit the draft.
TEST_F(CriteriaEditorTest, WithSeveralProvincesAnOfficesVersionIsItsProvincesOwn) {
  ASSERT_TRUE(import_units(*store, "u2",
                           "code,name,type,level,parent_code\n40,Tỉnh B,Tỉnh,1,\n3,Xã Ba,Xã,2,40\n",
                           d("2016-01-01"), Date::max())
                  .is_ok());
  ASSERT_TRUE(
      import_observations(
          *store, "o2", "unit_code,measure,date,value,status\n3,bhyt,2026-06-30,96,verified\n", "t")
          .is_ok());
  const Catalog c = catalog();
  ASSERT_TRUE(start_criteria_draft(*store, c, "q51", "q51-tinh-a", admin).is_ok());
  User other{.username = "vanphong.b", .role = Role::kAdmin};
  other.province_id = (*store->unit_at("40", d("2020-01-01")))->unit_id;
  EXPECT_EQ(discard_criteria_draft(*store, "q51-tinh-a", other).code(), ErrorCode::kNotFound);
  ASSERT_TRUE(save_indicator(*store, c, "q51-tinh-a", bhyt(), admin).is_ok());
  const auto p = publish_criteria_draft(*store, c, "q51-tinh-a", d("2026-09-01"), admin);
  ASSERT_TRUE(p.is_ok()) << p.status().message();
  EXPECT_EQ(p->closed_id, "");  // the national version stays in force elsewhere
  EXPECT_EQ(criterion5("1", "2026-10-01"), "q51-tinh-a:met");
  EXPECT_EQ(criterion5("3", "2026-10-01"), "q51:unknown");
  const Catalog after = catalog();
  EXPECT_EQ(after.in_force("ntm-xa", d("2026-10-01"), Level::kCommune)->id, "q51");
  EXPECT_EQ(after.in_force("ntm-xa", d("2026-10-01"), Level::kCommune, admin.province_id)->id,
            "q51-tinh-a");
}

}  // namespace
}  // namespace ntm
