// The editor's building blocks: typed thresholds, writing a set back as YAML
// (round trip of every shipped set) and the diff between two versions.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "base/csv.h"
#include "rules/criteria_diff.h"
#include "rules/criteria_loader.h"
#include "rules/criteria_text.h"
#include "rules/criteria_writer.h"

namespace ntm {
namespace {

std::string slurp(const std::filesystem::path& p) { return read_file(p.string()).value(); }

Measure percent() { return {"bhyt", "Tỷ lệ BHYT", "", "%", MeasureType::kPercent}; }
Measure yes_no() { return {"qh", "Có quy hoạch", "", "", MeasureType::kBoolean}; }

TEST(CriteriaText, ThresholdsAsTypedAndShown) {
  EXPECT_EQ(*parse_thresholds(percent(), "95"), (YearValues{{0, 95}}));
  EXPECT_EQ(*parse_thresholds(percent(), "  "), YearValues{});
  EXPECT_EQ(*parse_thresholds(percent(), "2026: 90; 2028: 92,5"),
            (YearValues{{2026, 90}, {2028, 92.5}}));
  // A value without a year beside dated ones holds from the start.
  const YearValues mixed = *parse_thresholds(percent(), "90; 2028: 95");
  EXPECT_EQ(mixed, (YearValues{{1990, 90}, {2028, 95}}));
  EXPECT_EQ(format_thresholds(percent(), mixed), "90; 2028: 95");
  EXPECT_EQ(format_thresholds(percent(), {{0, 1.5}}), "1,5");
  EXPECT_EQ(*parse_thresholds(yes_no(), "có"), (YearValues{{0, 1}}));
  EXPECT_EQ(format_thresholds(yes_no(), {{0, 0}}), "không");

  auto bad = parse_thresholds(percent(), "120");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("từ 0 đến 100"), std::string::npos);
  bad = parse_thresholds(percent(), "20x6: 90");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("năm \"20x6\""), std::string::npos);
  EXPECT_FALSE(parse_thresholds(percent(), "2026: 90; 2026: 95").is_ok());
  EXPECT_FALSE(parse_thresholds(yes_no(), "có lẽ").is_ok());
}

// Every shipped set written back reads as the same set: no change at all.
TEST(CriteriaWriter, EveryShippedSetRoundTrips) {
  const char* root = std::getenv("NTM_SOURCE_DIR");
  ASSERT_NE(root, nullptr);
  const std::filesystem::path data = std::filesystem::path(root) / "data";
  const auto base = load_criteria_document(slurp(data / "criteria/measures.yaml"), "m.yaml", {});
  ASSERT_TRUE(base.is_ok());
  std::map<std::string, Measure> measures;
  for (const Measure& m : base->measures) measures[m.id] = m;
  int sets = 0;
  for (const char* dir : {"criteria", "demo"}) {
    for (const auto& e : std::filesystem::directory_iterator(data / dir)) {
      if (e.path().extension() != ".yaml" || e.path().filename() == "measures.yaml") continue;
      const auto doc = load_criteria_document(slurp(e.path()), e.path().string(), measures);
      ASSERT_TRUE(doc.is_ok()) << doc.status().message();
      ASSERT_TRUE(doc->set);
      const std::string written = write_criteria_document(*doc->set, measures);
      const auto again = load_criteria_document(written, "written", measures);
      ASSERT_TRUE(again.is_ok()) << again.status().message() << "\n" << written;
      EXPECT_TRUE(diff_sets(*doc->set, *again->set, measures).empty()) << e.path();
      EXPECT_EQ(write_criteria_document(*again->set, measures), written);
      ++sets;
    }
  }
  EXPECT_GE(sets, 5);
}

TEST(CriteriaWriter, NewMeasuresTravelWithTheSet) {
  CriteriaSet s;
  s.id = "ha-tinh-2026";
  s.series = "ha-tinh";
  s.name_vi = "Tiêu chí riêng của tỉnh";
  s.legal_basis = "QĐ của UBND tỉnh";
  s.effective_from = *Date::parse("2026-03-01");
  s.variant_key = "none";
  s.titles.push_back({"NTM", "Đạt", "", -1});
  Measure vuon{"vuon_mau", "Số vườn mẫu", "", "vườn", MeasureType::kNumber, Aggregation::kSum};
  Indicator ind{"1.1", "Vườn mẫu: nhóm 1/2", "", "vuon_mau", Op::kGe, {{"default", {{0, 10}}}}};
  ind.confirmed = "true";
  s.criteria.push_back({"1", "Vườn mẫu", "", "SNNMT", {ind}});
  const std::string text = write_criteria_document(s, {{vuon.id, vuon}}, {vuon}, "tạo bởi thử");
  EXPECT_EQ(text.rfind("# tạo bởi thử", 0), 0u);
  const auto doc = load_criteria_document(text, "written", {});  // the measure comes along
  ASSERT_TRUE(doc.is_ok()) << doc.status().message() << "\n" << text;
  ASSERT_EQ(doc->measures.size(), 1u);
  EXPECT_EQ(doc->measures[0].aggregation, Aggregation::kSum);
  EXPECT_EQ(doc->set->criteria[0].indicators[0].name_vi, "Vườn mẫu: nhóm 1/2");
  EXPECT_EQ(doc->set->criteria[0].indicators[0].thresholds.at("default").at(0), 10);
}

TEST(CriteriaDiff, NamesEveryChangedField) {
  const std::map<std::string, Measure> measures{{"bhyt", percent()}, {"qh", yes_no()}};
  CriteriaSet a;
  a.id = "v1";
  a.legal_basis = "QĐ 51";
  a.effective_from = *Date::parse("2026-02-15");
  Indicator bhyt{"5.1", "BHYT", "", "bhyt", Op::kGe, {{"1", {{0, 95}}}}};
  Indicator qh{"1.1", "Quy hoạch", "", "qh", Op::kEq, {{"default", {{0, 1}}}}};
  a.criteria = {{"1", "Quy hoạch", "", "", {qh}}, {"5", "Y tế", "", "", {bhyt}}};
  CriteriaSet b = a;
  b.id = "v2";
  b.effective_from = *Date::parse("2026-12-01");
  b.criteria[1].indicators[0].thresholds["1"] = {{0, 90}, {2028, 95}};
  b.criteria[1].indicators[0].thresholds["2"] = {{0, 85}};
  b.criteria[1].indicators[0].source = "QĐ 51/2025, Phụ lục I";
  b.criteria[1].indicators[0].confirmed = "true";
  b.criteria[0].indicators.clear();
  b.criteria.push_back({"11", "Khu dân cư kiểu mẫu", "", "", {}});

  std::vector<std::string> got;
  for (const SetChange& c : diff_sets(a, b, measures)) {
    got.push_back(std::string(change_kind_name(c.kind)) + " " + c.criterion + "/" + c.indicator +
                  " " + c.field + ": " + c.before + " -> " + c.after);
  }
  const std::vector<std::string> want = {
      "changed / id: v1 -> v2",
      "changed / effective_from: 2026-02-15 -> 2026-12-01",
      "removed 1/1.1 : Quy hoạch = default → có -> ",
      "changed 5/5.1 thresholds.1: 95 -> 90; 2028: 95",
      "changed 5/5.1 thresholds.2:  -> 85",
      "changed 5/5.1 source:  -> QĐ 51/2025, Phụ lục I",
      "changed 5/5.1 confirmed:  -> true",
      "added 11/ :  -> Khu dân cư kiểu mẫu",
  };
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace ntm
