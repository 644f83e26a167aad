// Reporting periods: the period in progress and the one before across the
// year, the office's own period ends, each period's state from its values,
// and the period the entry opens on.
#include "service/periods.h"

#include <gtest/gtest.h>

#include "service/importer.h"
#include "store/test_store.h"

namespace ntm {
namespace {

Date d(const char* s) { return *Date::parse(s); }

class PeriodsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store = std::move(open_test_store()).value();
    ASSERT_TRUE(import_units(*store, "u",
                             "code,name,type,level,parent_code\n42,Tỉnh A,Tỉnh,1,\n"
                             "1,Xã Một,Xã,2,42\n",
                             d("2016-01-01"), Date::max())
                    .is_ok());
    ASSERT_TRUE(import_criteria(*store, "s.yaml", R"(
measures:
  - {id: bhyt, name_vi: "Tỷ lệ BHYT", type: percent, unit: "%"}
  - {id: nuoc, name_vi: "Nước sạch", type: percent, unit: "%"}
set:
  id: s
  series: ntm-xa
  name_vi: "Bộ thử"
  legal_basis: "Thử"
  effective_from: 2016-01-01
  applies_to: {level: commune, unit_types: ["Xã"]}
  variant_key: none
  titles: [{code: NTM, name_vi: "Đạt chuẩn", rule: all}]
  criteria:
    - {code: "1", name_vi: "Y tế", indicators: [{code: "1.1", name_vi: "BHYT", measure: bhyt, op: ">=", thresholds: {default: 85}}, {code: "1.2", name_vi: "Nước", measure: nuoc, op: ">=", thresholds: {default: 85}}]}
)")
                    .is_ok());
    catalog = std::move(Catalog::load(*store)).value();
  }
  void observe(const std::string& rows) {
    ASSERT_TRUE(
        import_observations(*store, "o", "unit_code,measure,date,value,status\n" + rows, "t")
            .is_ok());
  }
  PeriodState state(const char* end, const char* today) {
    return period_status(*entry_form(*store, catalog, "1", d(end)), d(today)).state;
  }
  std::unique_ptr<Store> store;
  Catalog catalog;
};

// Across the year with the default 30/06 and 31/12: December is in the
// 31/12 period (not the 30/06 one already past), January in 30/06.
TEST_F(PeriodsTest, PeriodInProgressAndTheOneBeforeAcrossTheYear) {
  const std::pair<const char*, const char*> cases[] = {{"2026-01-01", "2026-06-30"},
                                                       {"2026-06-30", "2026-06-30"},
                                                       {"2026-07-01", "2026-12-31"},
                                                       {"2026-12-03", "2026-12-31"},
                                                       {"2026-12-31", "2026-12-31"}};
  for (const auto& [today, expected] : cases)
    EXPECT_EQ(period_in_progress(*store, d(today))->iso(), expected) << today;
  EXPECT_EQ(period_before(*store, d("2026-12-31"))->iso(), "2026-06-30");
  EXPECT_EQ(period_before(*store, d("2026-06-30"))->iso(), "2025-12-31");
  const auto recent = *recent_periods(*store, d("2026-12-03"), 4);
  ASSERT_EQ(recent.size(), 4u);
  EXPECT_EQ(recent[0].iso(), "2026-12-31");
  EXPECT_EQ(recent[3].iso(), "2025-06-30");
}

// The office sets quarterly periods; bad settings are refused whole.
TEST_F(PeriodsTest, OfficeSetsItsOwnPeriodEnds) {
  EXPECT_FALSE(set_reporting_periods(*store, "vp", "12-31,06-30").is_ok());  // not ascending
  EXPECT_FALSE(set_reporting_periods(*store, "vp", "02-30").is_ok());        // no such day
  EXPECT_FALSE(set_reporting_periods(*store, "vp", "02-29").is_ok());        // not every year
  EXPECT_FALSE(set_reporting_periods(*store, "vp", "").is_ok());
  EXPECT_EQ(period_in_progress(*store, d("2026-08-01"))->iso(), "2026-12-31");  // unchanged
  EXPECT_FALSE(set_reporting_periods(*store, "vp", "3-31,06-30").is_ok());      // mm-dd
  ASSERT_TRUE(set_reporting_periods(*store, "vp", "03-31, 06-30,09-30,12-31").is_ok());
  EXPECT_EQ(period_in_progress(*store, d("2026-08-01"))->iso(), "2026-09-30");
  EXPECT_EQ(period_before(*store, d("2026-03-31"))->iso(), "2025-12-31");
  const auto audit = *store->audit(0, "vp", "settings.reporting_periods", 10);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].old_value, "06-30,12-31");
  EXPECT_EQ(audit[0].new_value, "03-31,06-30,09-30,12-31");
}

// A period's state follows its values; the entry opens on the previous
// period while it has work left, else on the period in progress.
TEST_F(PeriodsTest, StatesAndTheEntryDefault) {
  EXPECT_EQ(state("2026-06-30", "2026-12-03"), PeriodState::kEmpty);
  EXPECT_EQ(entry_default_period(*store, catalog, "1", d("2026-12-03"))->iso(), "2026-12-31");
  observe("1,bhyt,2026-06-30,90,draft\n");
  EXPECT_EQ(state("2026-06-30", "2026-12-03"), PeriodState::kEntering);
  EXPECT_EQ(entry_default_period(*store, catalog, "1", d("2026-12-03"))->iso(), "2026-06-30");
  observe("1,bhyt,2026-06-30,90,submitted\n1,nuoc,2026-06-30,70,submitted\n");
  EXPECT_EQ(state("2026-06-30", "2026-12-03"), PeriodState::kSubmitted);
  EXPECT_EQ(entry_default_period(*store, catalog, "1", d("2026-12-03"))->iso(), "2026-12-31");
  observe("1,nuoc,2026-06-30,70,returned\n");
  EXPECT_EQ(state("2026-06-30", "2026-12-03"), PeriodState::kReturned);
  EXPECT_EQ(entry_default_period(*store, catalog, "1", d("2026-12-03"))->iso(), "2026-06-30");
  observe("1,bhyt,2026-06-30,90,verified\n1,nuoc,2026-06-30,72,verified\n");
  const PeriodStatus s =
      period_status(*entry_form(*store, catalog, "1", d("2026-06-30")), d("2026-12-03"));
  EXPECT_EQ(s.state, PeriodState::kVerified);
  EXPECT_FALSE(s.in_progress);
  EXPECT_EQ(s.verified, 2);
  EXPECT_EQ(entry_default_period(*store, catalog, "1", d("2026-12-03"))->iso(), "2026-12-31");
  EXPECT_TRUE(period_status(*entry_form(*store, catalog, "1", d("2026-12-31")), d("2026-12-03"))
                  .in_progress);
}

}  // namespace
}  // namespace ntm
