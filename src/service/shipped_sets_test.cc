// What the official criteria files claim is what their sources say: every
// threshold names its source, reconstructed indicators carry none, the
// 2021-2025 set says it lacks indicators, the corrections made from the
// research files hold (docs/criteria-format.md "The shipped sets").
#include <gtest/gtest.h>

#include "base/csv.h"
#include "rules/engine.h"
#include "service/demo.h"
#include "service/importer.h"
#include "service/recognition.h"
#include "store/test_store.h"

namespace ntm {
namespace {

class ShippedSets : public ::testing::Test {
 protected:
  void SetUp() override {
    store = std::move(open_test_store()).value();
    for (const char* f : {"measures.yaml", "ntm-xa-2016-2020.yaml", "ntm-xa-2021-2025.yaml",
                          "ntm-xa-2026-2030.yaml"}) {
      auto text = read_file(default_data_dir() + "/criteria/" + f);
      ASSERT_TRUE(text.is_ok()) << f;
      ASSERT_TRUE(import_criteria(*store, f, *text).is_ok()) << f;
    }
    catalog = std::move(Catalog::load(*store)).value();
  }
  const Indicator& indicator(const char* set, const char* code) {
    for (const Criterion& c : catalog.find(set)->criteria)
      for (const Indicator& i : c.indicators)
        if (i.code == code) return i;
    throw std::runtime_error(code);
  }
  std::unique_ptr<Store> store;
  Catalog catalog;
};

TEST_F(ShippedSets, EveryThresholdNamesItsSource) {
  for (const char* id : {"ntm-xa-2016-2020", "ntm-xa-2021-2025", "ntm-xa-2026-2030"}) {
    const CriteriaSet* set = catalog.find(id);
    ASSERT_TRUE(set) << id;
    EXPECT_FALSE(set->illustrative);
    for (const Criterion& c : set->criteria)
      for (const Indicator& i : c.indicators) {
        bool any = false;
        for (const auto& [variant, years] : i.thresholds) any |= !years.empty();
        EXPECT_TRUE(!any || !i.source.empty())
            << id << " " << i.code << ": threshold without source";
      }
  }
  for (const char* code :
       {"1.1", "1.2", "4.1", "6.1", "6.2", "13.1", "13.2", "17.6", "18.1", "18.2", "18.4", "19.1"})
    EXPECT_TRUE(indicator("ntm-xa-2021-2025", code).thresholds.empty()) << code;
}

TEST_F(ShippedSets, TheIncompleteSetSaysSo) {
  const CriteriaSet& s = *catalog.find("ntm-xa-2021-2025");
  EXPECT_EQ(s.indicator_count, 57);
  EXPECT_FALSE(s.indicator_count_source.empty());
  EXPECT_TRUE(s.incomplete());
  for (const Criterion& c : s.criteria) EXPECT_EQ(c.indicators_complete, c.code == "15") << c.code;
  EXPECT_FALSE(catalog.find("ntm-xa-2016-2020")->incomplete());
}

TEST_F(ShippedSets, CorrectionsFromTheResearchFiles) {
  const CriteriaSet& s = *catalog.find("ntm-xa-2016-2020");
  auto at = [&](const char* code, const char* region) {
    const auto all = resolve_thresholds(s, region, 2019);
    size_t k = 0;
    for (const Criterion& c : s.criteria)
      for (const Indicator& i : c.indicators) {
        if (i.code == code) return all[k];
        ++k;
      }
    return std::optional<double>();
  };
  EXPECT_EQ(at("4.2", "TDMNPB"), 95);  // S46, not the national 98
  EXPECT_EQ(at("4.2", "BTB"), 98);
  EXPECT_FALSE(at("17.1a", "DHNTB"));  // misprinted in the source: unknown
  EXPECT_EQ(at("17.1a", "DBSCL"), 95);
  EXPECT_EQ(at("17.1b", "DBSCL"), 65);  // readable in S33
}

// The shipped recognition rules: what the law's text confirms carries its
// source; the key criteria of revocation are the sets' own (by code and
// name); the 2026-2030 rules leave blank what is not issued.
TEST_F(ShippedSets, RecognitionRulesCarryTheirSourcesAndLeaveUnknownsBlank) {
  for (const char* f : {"cong-nhan-xa-2021-2025.yaml", "cong-nhan-xa-2026-2030.yaml"}) {
    auto text = read_file(default_data_dir() + "/recognition/" + f);
    ASSERT_TRUE(text.is_ok()) << f;
    ASSERT_TRUE(import_recognition_rules(*store, f, *text).is_ok()) << f;
  }
  const RecognitionBook book = std::move(RecognitionBook::load(*store)).value();
  const RecognitionRules& old = *book.in_force(Date::from_ymd(2024, 12, 31));
  const RecognitionRules& now = *book.in_force(Date::from_ymd(2026, 6, 30));
  EXPECT_EQ(old.id, "cong-nhan-xa-2021-2025");
  EXPECT_EQ(now.id, "cong-nhan-xa-2026-2030");
  for (const RecognitionRules* r : {&old, &now}) {
    for (const auto& c : r->conditions)
      EXPECT_TRUE(c.confirmed == "false" || !c.source.empty()) << c.code;
    for (const auto& s : r->steps)
      EXPECT_TRUE(s.confirmed == "false" || !s.source.empty()) << s.code;
    for (const auto& d : r->documents)
      EXPECT_TRUE(d.confirmed == "false" || !d.source.empty()) << d.code;
  }
  EXPECT_EQ(old.postings.min_count, 5);  // Điều 5 k.1 QĐ 18/2022
  EXPECT_EQ(old.postings.within_days, 15);
  EXPECT_FALSE(old.survey.question_min_pct);  // not in any public source read
  ASSERT_EQ(old.triggers.size(), 2u);
  const CriteriaSet& set = *catalog.find("ntm-xa-2021-2025");
  for (const KeyCriterion& k : old.key_criteria) {
    const auto c = std::find_if(set.criteria.begin(), set.criteria.end(),
                                [&](const Criterion& c) { return c.code == k.code; });
    ASSERT_NE(c, set.criteria.end()) << k.code;
    EXPECT_EQ(c->name_vi.substr(0, k.name_vi.size()), k.name_vi);
  }
  // 2026-2030: no replacement of QĐ 18/2022 found — blanks, not guesses.
  EXPECT_TRUE(now.triggers.empty());
  EXPECT_FALSE(now.postings.min_count);
  EXPECT_FALSE(now.merged_acknowledgement);
  for (const auto& s : now.steps) EXPECT_FALSE(s.time_limit_days) << s.code;
}

}  // namespace
}  // namespace ntm
