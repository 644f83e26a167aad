#include "service/evaluate.h"

#include <gtest/gtest.h>

#include "service/importer.h"
#include "store/test_store.h"

namespace ntm {
namespace {

Date d(const char* s) { return *Date::parse(s); }

// Evaluating through the history cache gives exactly what evaluating through
// the per-date query gives, at every date and in both views.
TEST(HistoryCache, SameResultsAsDirectQueries) {
  auto store = std::move(open_test_store()).value();
  ASSERT_TRUE(import_units(*store, "u",
                           "code,name,type,level,parent_code\n42,Tỉnh A,Tỉnh,1,\n"
                           "1,Xã B,Xã,2,42\n2,Xã C,Xã,2,42\n",
                           d("2016-01-01"), Date::max())
                  .is_ok());
  ASSERT_TRUE(import_criteria(*store, "c", R"(
measures:
  - {id: m, name_vi: M, type: number}
  - {id: b, name_vi: B, type: boolean}
set:
  id: s
  series: ntm-xa
  name_vi: S
  legal_basis: L
  effective_from: 2016-01-01
  applies_to: {level: commune}
  variant_key: none
  titles: [{code: T, name_vi: T}]
  criteria:
    - {code: "1", name_vi: A, indicators: [{code: "1", name_vi: A, measure: m, op: ">=", thresholds: {default: {2016: 10, 2020: 20}}}]}
    - {code: "2", name_vi: B, indicators: [{code: "2", name_vi: B, measure: b, op: "=", thresholds: {default: true}}]}
)")
                  .is_ok());
  ASSERT_TRUE(import_observations(*store, "o",
                                  "unit_code,measure,date,value,status\n"
                                  "1,m,2017-06-30,12,verified\n1,m,2019-06-30,25,submitted\n"
                                  "1,b,2018-01-01,1,verified\n2,m,2021-01-01,30,verified\n"
                                  "2,b,2020-01-01,0,submitted\n2,b,2022-01-01,1,draft\n",
                                  "t")
                  .is_ok());
  const Catalog catalog = std::move(Catalog::load(*store)).value();
  for (bool verified : {false, true}) {
    HistoryCache cache(*store, verified);
    for (const char* at : {"2016-12-31", "2017-12-31", "2019-06-30", "2020-12-31", "2023-01-01"}) {
      EvaluateOptions o{.at = d(at), .verified_only = verified};
      const auto direct =
          std::move(evaluate_all(*store, catalog, "42", Level::kCommune, o)).value();
      const auto cached =
          std::move(evaluate_all(*store, catalog, "42", Level::kCommune, o, &cache)).value();
      ASSERT_EQ(direct.size(), cached.size());
      for (size_t i = 0; i < direct.size(); ++i) {
        ASSERT_EQ(direct[i].criteria_met, cached[i].criteria_met) << at;
        for (size_t c = 0; c < direct[i].criteria.size(); ++c) {
          const auto& x = direct[i].criteria[c].indicators[0];
          const auto& y = cached[i].criteria[c].indicators[0];
          EXPECT_EQ(x.status, y.status) << at << " unit " << i << " criterion " << c;
          EXPECT_EQ(x.value, y.value) << at;
          EXPECT_EQ(x.value_date, y.value_date) << at;
        }
      }
    }
  }
}

}  // namespace
}  // namespace ntm
