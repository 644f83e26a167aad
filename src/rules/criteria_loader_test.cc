#include "rules/criteria_loader.h"

#include <gtest/gtest.h>

#include "rules/engine.h"

namespace ntm {
namespace {

const char* kDoc = R"(
measures:
  - {id: bhyt, name_vi: "Tỷ lệ BHYT", type: percent, unit: "%", aggregation: weighted_mean, weight: dan_so}
  - {id: dan_so, name_vi: "Dân số", type: number, aggregation: sum}
  - {id: quy_hoach, name_vi: "Có quy hoạch", type: boolean, aggregation: all}
set:
  id: test-2022
  series: test
  name_vi: "Bộ thử"
  legal_basis: "QĐ thử"
  effective_from: 2022-03-08
  effective_to: 2026-02-14
  applies_to: {level: commune, unit_types: ["Xã"]}
  variant_key: region
  titles: [{code: NTM, name_vi: "Đạt chuẩn NTM", rule: all}, {code: G15, name_vi: "15+", rule: {at_least: 2}}]
  criteria:
    - code: "1"
      name_vi: "Quy hoạch"
      department: SXD
      indicators:
        - {code: "1.1", name_vi: "Quy hoạch", measure: quy_hoach, op: "=", thresholds: {default: true}, confirmed: true}
    - code: "15"
      name_vi: "Y tế"
      indicators:
        - code: "15.1"
          name_vi: "BHYT"
          measure: bhyt
          op: ">="
          thresholds: {default: 85, BTB: {2022: 80, 2024: 90}, DBSH: null}
)";

TEST(CriteriaLoader, ReadsACompleteDocument) {
  auto doc = load_criteria_document(kDoc, "t.yaml", {});
  ASSERT_TRUE(doc.is_ok()) << doc.status().to_string();
  ASSERT_EQ(doc->measures.size(), 3u);
  ASSERT_TRUE(doc->set);
  const CriteriaSet& s = *doc->set;
  EXPECT_EQ(s.id, "test-2022");
  EXPECT_EQ(s.effective_from.iso(), "2022-03-08");
  EXPECT_EQ(s.unit_types, std::vector<std::string>{"Xã"});
  ASSERT_EQ(s.criteria.size(), 2u);
  const Indicator& bhyt = s.criteria[1].indicators[0];
  EXPECT_EQ(bhyt.unit, "%");  // taken from the measure
  EXPECT_EQ(bhyt.thresholds.at("default").at(0), 85);
  EXPECT_EQ(bhyt.thresholds.at("BTB").at(2024), 90);
  // null = not known for this region: no threshold, never the default's.
  ASSERT_TRUE(bhyt.thresholds.count("DBSH"));
  EXPECT_TRUE(bhyt.thresholds.at("DBSH").empty());
  EXPECT_FALSE(resolve_thresholds(s, "DBSH", 2024)[1]);
  EXPECT_EQ(resolve_thresholds(s, "TN", 2024)[1], 85);
  EXPECT_EQ(s.criteria[0].indicators[0].thresholds.at("default").at(0), 1);
  EXPECT_EQ(s.titles[1].min_criteria, 2);
  // Two criteria: bands 2, 1, 0 (no empty "2-1" band scaled from the 19).
  ASSERT_EQ(s.bands.size(), 3u);
  EXPECT_EQ(s.bands[1].label, "1");
  EXPECT_EQ(s.bands[2].label, "0");
  std::vector<std::string> labels;
  for (const Band& b : default_bands(19)) labels.push_back(b.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"19", "15-18", "10-14", "5-9", "<5"}));
  labels.clear();
  for (const Band& b : default_bands(10)) labels.push_back(b.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"10", "8-9", "6-7", "3-5", "<3"}));
}

std::string error_of(const std::string& find, const std::string& replace) {
  std::string text = kDoc;
  const size_t at = text.find(find);
  EXPECT_NE(at, std::string::npos) << find;
  text.replace(at, find.size(), replace);
  auto doc = load_criteria_document(text, "t.yaml", {});
  EXPECT_FALSE(doc.is_ok());
  return doc.status().message();
}

TEST(CriteriaLoader, NamesFileLinePathAndReason) {
  EXPECT_EQ(error_of("op: \">=\"", "op: \"=>\""),
            "t.yaml, dòng 28: criteria[1].indicators[0].op: toán tử \"=>\" không hợp lệ "
            "(cần >=, >, <=, < hoặc =)");
  EXPECT_EQ(error_of("measure: bhyt", "measure: bhyt_x"),
            "t.yaml, dòng 27: criteria[1].indicators[0].measure: chỉ số (measure) \"bhyt_x\" "
            "chưa được khai báo");
  EXPECT_NE(error_of("effective_to: 2026-02-14", "effective_to: 2026-02-30").find("không tồn tại"),
            std::string::npos);
  EXPECT_NE(error_of("op: \"=\"", "op: \">=\"").find("chỉ so sánh bằng"), std::string::npos);
  EXPECT_NE(error_of("variant_key: region", "variant_key: tinh").find("variant_key"),
            std::string::npos);
  EXPECT_NE(error_of("{2022: 80, 2024: 90}", "{2022: abc}").find("không phải là số"),
            std::string::npos);
  EXPECT_NE(error_of("code: \"15\"", "code: \"1\"").find("bị lặp"), std::string::npos);
}

TEST(CriteriaLoader, RejectsBrokenYamlAndEmptyFiles) {
  EXPECT_NE(load_criteria_document("a: [1, 2", "x.yaml", {}).status().message().find("x.yaml"),
            std::string::npos);
  EXPECT_FALSE(load_criteria_document("", "x.yaml", {}).is_ok());
  EXPECT_FALSE(load_criteria_document("foo: 1", "x.yaml", {}).is_ok());
}

TEST(CriteriaLoader, UsesKnownMeasures) {
  std::map<std::string, Measure> known;
  known["m"] = Measure{.id = "m", .name_vi = "M", .type = MeasureType::kNumber};
  const char* doc = R"(
set:
  id: s
  series: s
  name_vi: S
  legal_basis: L
  effective_from: 2020-01-01
  applies_to: {level: commune}
  variant_key: none
  titles: [{code: T, name_vi: T}]
  criteria: [{code: "1", name_vi: C, indicators: [{code: "1.1", name_vi: I, measure: m, op: "<", thresholds: {default: 5}}]}]
)";
  auto parsed = load_criteria_document(doc, "s.yaml", known);
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().to_string();
  EXPECT_EQ(parsed->set->effective_to, Date::max());
  EXPECT_FALSE(load_criteria_document(doc, "s.yaml", {}).is_ok());
}

}  // namespace
}  // namespace ntm
