#include "rules/engine.h"

#include <gtest/gtest.h>

namespace ntm {
namespace {

Date d(const char* s) { return *Date::parse(s); }

CriteriaSet two_criteria() {
  CriteriaSet s;
  Criterion c1{.code = "1", .name_vi = "A"};
  c1.indicators.push_back(
      {.code = "1.1",
       .measure = "a",
       .op = Op::kGe,
       .thresholds = {{"default", {{0, 50}}}, {"BTB", {{2020, 60}, {2022, 70}}}}});
  Criterion c2{.code = "2", .name_vi = "B"};
  c2.indicators.push_back(
      {.code = "2.1", .measure = "b", .op = Op::kLe, .thresholds = {{"default", {{0, 5}}}}});
  s.criteria = {c1, c2};
  s.titles = {{.code = "NTM", .name_vi = "NTM"}};
  s.bands = default_bands(2);
  return s;
}

ValueMap values(double a, double b) {
  return {{"a", {a, d("2021-01-01")}}, {"b", {b, d("2021-01-01")}}};
}

TEST(Engine, VariantYearAndDefault) {
  const CriteriaSet s = two_criteria();
  UnitVersion u;
  // BTB in 2021 uses the 2020 threshold (60); in 2023 the 2022 one (70).
  EXPECT_EQ(evaluate(s, u, "BTB", d("2021-06-01"), values(65, 1)).criteria[0].status,
            Outcome::kMet);
  EXPECT_EQ(evaluate(s, u, "BTB", d("2023-06-01"), values(65, 1)).criteria[0].status,
            Outcome::kNotMet);
  // Before 2020 BTB has no threshold at all: unknown, not a silent fallback.
  auto early = evaluate(s, u, "BTB", d("2019-06-01"), values(65, 1));
  EXPECT_EQ(early.criteria[0].indicators[0].reason, kReasonThresholdNotSet);
  // An unknown variant falls back to default.
  EXPECT_EQ(
      *evaluate(s, u, "DBSH", d("2021-06-01"), values(50, 1)).criteria[0].indicators[0].threshold,
      50);
}

TEST(Engine, CriterionAndTitleCombine) {
  const CriteriaSet s = two_criteria();
  UnitVersion u;
  auto all_met = evaluate(s, u, "", d("2021-06-01"), values(50, 5));
  EXPECT_EQ(all_met.criteria_met, 2);
  EXPECT_EQ(all_met.titles[0].status, Outcome::kMet);

  auto one_fails = evaluate(s, u, "", d("2021-06-01"), values(50, 6));
  EXPECT_EQ(one_fails.criteria[1].status, Outcome::kNotMet);
  EXPECT_EQ(one_fails.titles[0].status, Outcome::kNotMet);

  ValueMap partial = {{"a", {50, d("2021-01-01")}}};
  auto unknown = evaluate(s, u, "", d("2021-06-01"), partial);
  EXPECT_EQ(unknown.criteria[1].status, Outcome::kUnknown);
  EXPECT_EQ(unknown.criteria[1].indicators[0].reason, kReasonNoData);
  EXPECT_EQ(unknown.titles[0].status, Outcome::kUnknown);
}

TEST(Engine, SummaryBandsAndAverage) {
  const CriteriaSet s = two_criteria();
  UnitVersion u;
  std::vector<Assessment> list = {evaluate(s, u, "", d("2021-06-01"), values(50, 5)),
                                  evaluate(s, u, "", d("2021-06-01"), values(40, 5)),
                                  evaluate(s, u, "", d("2021-06-01"), values(40, 9))};
  const Summary sum = summarize(list);
  EXPECT_EQ(sum.units, 3);
  EXPECT_EQ(sum.title_met, 1);
  EXPECT_DOUBLE_EQ(sum.average_criteria_met, 1.0);
  int counted = 0;
  for (const auto& b : sum.bands) counted += b.units;
  EXPECT_EQ(counted, 3);
  EXPECT_EQ(sum.bands[0].units, 1);
}

}  // namespace
}  // namespace ntm
