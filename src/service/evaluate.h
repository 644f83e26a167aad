// Use cases around evaluation: load the catalogue (measures and criteria
// sets), pick the set in force, resolve threshold variants through the unit
// tree, and evaluate one unit or every unit of a level under a parent.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/assessment.h"
#include "model/measure.h"
#include "rules/engine.h"
#include "store/store.h"

namespace ntm {

// Measures and parsed criteria sets, loaded once. Assessments point into it:
// keep the Catalog alive while they are used.
class Catalog {
 public:
  static Result<Catalog> load(Store& store);

  const std::map<std::string, Measure>& measures() const { return measures_; }
  const std::vector<std::unique_ptr<CriteriaSet>>& sets() const { return sets_; }
  const CriteriaSet* find(const std::string& id) const;
  // The version of `series` in force on `date` for units of `level`.
  // The version of `series` in force on `date` for `level`: the province's
  // own version when it has one, else the national one.
  const CriteriaSet* in_force(const std::string& series, Date date, Level level,
                              int64_t province = 0) const;

 private:
  std::map<std::string, Measure> measures_;
  std::vector<std::unique_ptr<CriteriaSet>> sets_;
};

// The series used when no set is named: setting "default_series", else "ntm-xa".
Result<std::string> default_series(Store& store);

struct EvaluateOptions {
  Date at;
  std::string set_id;  // empty: the default series' version in force at `at`
  bool verified_only = false;
};

// Reads each unit's whole history once and answers "values on date D" from
// memory: evaluating the same units at many dates (a trend) costs one read.
class HistoryCache {
 public:
  HistoryCache(Store& store, bool verified_only) : store_(store), verified_only_(verified_only) {}
  // The latest value of every measure on or before `at`; the keys view
  // strings held by the cache.
  Result<ValueMap> values_at(int64_t unit_id, Date at);
  bool verified_only() const { return verified_only_; }

 private:
  Store& store_;
  bool verified_only_;
  std::map<int64_t, std::vector<MeasureValue>> history_;  // by date, then measure
};

// The value of variant `key` ("region", "commune_group") for unit `u` on
// `at`: its own attribute, else the nearest ancestor's; "" when none.
Result<std::string> variant_of(Store& store, const std::string& key, const UnitVersion& u, Date at);

Result<Assessment> evaluate_unit(Store& store, const Catalog& catalog, const std::string& code,
                                 const EvaluateOptions& opts);

// Every unit of `level` below `parent_code` on opts.at to which the set
// applies (e.g. only "Xã" for the commune NTM sets), ordered by code.
// With `cache` (whose verified_only must match opts), values come from it.
Result<std::vector<Assessment>> evaluate_all(Store& store, const Catalog& catalog,
                                             const std::string& parent_code, Level level,
                                             const EvaluateOptions& opts,
                                             HistoryCache* cache = nullptr);

// evaluate_all for each of `parents` (codes), each parent's units handed to
// `each` with the parent's index as soon as they are evaluated (nothing of
// the whole country is held at once). With `twin` (Store::open_twin of
// `store`) the parents are shared between this thread and a second one
// reading through the twin, each taking the next parent when done with one:
// both cores for the whole country. `each` then runs on either thread and
// must touch only what belongs to its index. Each thread reads in one
// transaction of its own. The first failure ends both.
using EachParent = std::function<Status(size_t index, std::vector<Assessment> units)>;
Status evaluate_each(Store& store, Store* twin, const Catalog& catalog,
                     const std::vector<std::string>& parents, Level level,
                     const EvaluateOptions& opts, const EachParent& each);

}  // namespace ntm
