#include "service/evaluate.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "service/importer.h"
#include "store/test_store.h"

namespace ntm {
namespace {

Date d(const char* s) { return *Date::parse(s); }

// Evaluating through the history cache gives exactly what evaluating through
// the per-date query gives, at every date and in both views.
constexpr const char* kCriteria = R"(
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
)";

TEST(HistoryCache, SameResultsAsDirectQueries) {
  auto store = std::move(open_test_store()).value();
  ASSERT_TRUE(import_units(*store, "u",
                           "code,name,type,level,parent_code\n42,Tỉnh A,Tỉnh,1,\n"
                           "1,Xã B,Xã,2,42\n2,Xã C,Xã,2,42\n",
                           d("2016-01-01"), Date::max())
                  .is_ok());
  ASSERT_TRUE(import_criteria(*store, "c", kCriteria).is_ok());
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

// The provinces shared between two threads (a second connection to the same
// database) give what one thread gives, in the provinces' order; a failure
// on either thread is the answer.
TEST(EvaluateEach, TwoThreadsGiveWhatOneGives) {
  const auto dir = std::filesystem::temp_directory_path() / "ntm_evaluate_each";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto store =
      std::move(Store::open(std::move(test_database_or((dir / "t.db").string())).value())).value();
  std::string units = "code,name,type,level,parent_code\n",
              obs = "unit_code,measure,date,value,status\n";
  std::vector<std::string> provinces;
  for (int p = 0; p < 9; ++p) {
    const std::string code = std::to_string(40 + p);
    provinces.push_back(code);
    units += code + ",Tỉnh " + code + ",Tỉnh,1,\n";
    for (int c = 0; c < 5; ++c) {
      const std::string commune = code + std::to_string(c);
      units += commune + ",Xã " + commune + ",Xã,2," + code + "\n";
      obs += commune + ",m,2020-06-30," + std::to_string(p * 5 + c) + ",verified\n";
      if (c % 2) obs += commune + ",b,2021-01-01,1,verified\n";
    }
  }
  ASSERT_TRUE(import_units(*store, "u", units, d("2016-01-01"), Date::max()).is_ok());
  ASSERT_TRUE(import_criteria(*store, "c", kCriteria).is_ok());
  ASSERT_TRUE(import_observations(*store, "o", obs, "t").is_ok());
  const Catalog catalog = std::move(Catalog::load(*store)).value();
  auto twin = std::move(store->open_twin()).value();
  const EvaluateOptions o{.at = d("2022-12-31")};
  // Every province's units, by its index (each index filled once).
  auto run = [&](Store* with, const std::vector<std::string>& codes,
                 std::vector<std::vector<Assessment>>& out) {
    out.assign(codes.size(), {});
    std::vector<int> calls(codes.size());
    Status s = evaluate_each(*store, with, catalog, codes, Level::kCommune, o,
                             [&](size_t i, std::vector<Assessment> units) {
                               ++calls[i];
                               out[i] = std::move(units);
                               return Status::ok();
                             });
    for (size_t i = 0; s.is_ok() && i < calls.size(); ++i) EXPECT_EQ(calls[i], 1) << i;
    return s;
  };
  std::vector<std::vector<Assessment>> one, two;
  ASSERT_TRUE(run(nullptr, provinces, one).is_ok());
  ASSERT_TRUE(run(twin.get(), provinces, two).is_ok());
  ASSERT_EQ(one.size(), provinces.size());
  ASSERT_EQ(two.size(), provinces.size());
  int met = 0;
  for (size_t p = 0; p < provinces.size(); ++p) {
    ASSERT_EQ(one[p].size(), 5u);
    ASSERT_EQ(two[p].size(), 5u);
    for (size_t c = 0; c < 5; ++c) {
      EXPECT_EQ(two[p][c].unit.code, one[p][c].unit.code);
      EXPECT_EQ(two[p][c].unit.code.substr(0, 2), provinces[p]);
      EXPECT_EQ(two[p][c].criteria_met, one[p][c].criteria_met) << two[p][c].unit.code;
      met += two[p][c].criteria_met;
    }
  }
  // 45 communes: m >= 20 (the threshold from 2020) for 25 of them, b for
  // two of each province's five.
  EXPECT_EQ(met, 25 + 9 * 2);
  auto bad = provinces;
  bad.insert(bad.begin() + 5, "99");
  std::vector<std::vector<Assessment>> ignored;
  const Status failed = run(twin.get(), bad, ignored);
  ASSERT_FALSE(failed.is_ok());
  EXPECT_NE(failed.message().find("99"), std::string::npos);
  twin.reset();
  store.reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ntm
