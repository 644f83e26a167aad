#include "service/evaluate.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_map>

#include "rules/criteria_loader.h"
#include "rules/engine.h"

namespace ntm {

Result<Catalog> Catalog::load(Store& store) {
  Catalog c;
  c.measures_ = TRY(store.measures());
  for (const StoredCriteriaSet& s : TRY(store.criteria_sets())) {
    auto doc = load_criteria_document(s.document, "criteria_set:" + s.id, c.measures_);
    if (!doc.is_ok()) return doc.status();
    if (!doc->set) continue;
    // The row's dates rule: publishing a later version closes this one there.
    doc->set->effective_from = s.effective_from;
    doc->set->effective_to = s.effective_to;
    doc->set->province_id = s.province_id;
    c.sets_.push_back(std::make_unique<CriteriaSet>(std::move(*doc->set)));
  }
  return c;
}

const CriteriaSet* Catalog::find(const std::string& id) const {
  for (const auto& s : sets_)
    if (s->id == id) return s.get();
  return nullptr;
}

const CriteriaSet* Catalog::in_force(const std::string& series, Date date, Level level,
                                     int64_t province) const {
  const CriteriaSet* national = nullptr;
  for (const auto& s : sets_) {
    if (s->series != series || s->level != level || !s->in_force(date)) continue;
    if (province && s->province_id == province) return s.get();  // the province's own first
    if (!s->province_id && !national) national = s.get();
  }
  return national;
}

Result<std::string> default_series(Store& store) {
  const auto s = TRY(store.setting("default_series"));
  return s ? *s : std::string("ntm-xa");
}

namespace {

Result<const CriteriaSet*> choose_set(Store& store, const Catalog& catalog, Level level,
                                      const EvaluateOptions& opts, int64_t province) {
  if (!opts.set_id.empty()) {
    const CriteriaSet* s = catalog.find(opts.set_id);
    if (!s) return Status::not_found("không có bộ tiêu chí \"" + opts.set_id + "\"");
    if (s->province_id && s->province_id != province)
      return Status::invalid("bộ tiêu chí \"" + s->id +
                             "\" là của một tỉnh khác, chỉ áp dụng ở tỉnh đó");
    return s;
  }
  const std::string series = TRY(default_series(store));
  const CriteriaSet* s = catalog.in_force(series, opts.at, level, province);
  if (!s) {
    return Status::not_found("không có bộ tiêu chí nào của dãy \"" + series +
                             "\" có hiệu lực ngày " + opts.at.iso() + " cho cấp " +
                             level_name(level));
  }
  return s;
}

// Resolves inherited attributes (region is set on provinces) with a cache per
// ancestor, since siblings share them. For many units (`all_at_once`), every
// row of the attribute is read once instead of one query per unit.
class VariantResolver {
 public:
  VariantResolver(Store& store, std::string key, Date at)
      : store_(store), key_(std::move(key)), at_(at) {}

  static Result<VariantResolver> all_at_once(Store& store, std::string key, Date at) {
    VariantResolver r(store, std::move(key), at);
    if (!r.none()) {
      r.own_.emplace();
      for (UnitAttribute& a : TRY(store.attribute_rows(r.key_))) {  // by unit, then date
        if (a.valid_from <= at) (*r.own_)[a.unit_id] = std::move(a.value);
      }
    }
    return r;
  }

  // The ancestors of these units read a level at a time (on PostgreSQL a
  // few statements) rather than one by one as they are met.
  Status preload_ancestors(Store& store, const std::vector<UnitVersion>& units) {
    if (none()) return Status::ok();
    std::vector<int64_t> wanted;
    for (const UnitVersion& u : units)
      if (u.parent_id && !parent_of_.count(u.parent_id)) wanted.push_back(u.parent_id);
    for (int depth = 0; depth < 8 && !wanted.empty(); ++depth) {
      std::sort(wanted.begin(), wanted.end());
      wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
      std::vector<int64_t> next;
      for (const UnitVersion& v : TRY(store.unit_versions_at(wanted, at_))) {
        parent_of_[v.unit_id] = v.parent_id;
        if (v.parent_id && !parent_of_.count(v.parent_id)) next.push_back(v.parent_id);
      }
      wanted = std::move(next);
    }
    return Status::ok();
  }

  // The value for a unit whose version on the date is `u`.
  Result<std::string> of(const UnitVersion& u) {
    if (none()) return std::string();
    if (auto own = TRY(own_value(u.unit_id))) return *own;
    return u.parent_id ? ancestor(u.parent_id) : Result<std::string>(std::string());
  }

 private:
  bool none() const { return key_ == "none" || key_.empty(); }

  Result<std::optional<std::string>> own_value(int64_t unit_id) {
    if (!own_) return store_.attribute_at(unit_id, key_, at_);
    const auto it = own_->find(unit_id);
    return it == own_->end() ? std::nullopt : std::optional<std::string>(it->second);
  }

  Result<std::string> ancestor(int64_t unit_id) {
    if (auto it = cache_.find(unit_id); it != cache_.end()) return it->second;
    std::string value;
    if (auto own = TRY(own_value(unit_id))) {
      value = *own;
    } else if (auto p = parent_of_.find(unit_id); p != parent_of_.end()) {
      if (p->second) value = TRY(ancestor(p->second));
    } else if (auto v = TRY(store_.unit_version_at(unit_id, at_)); v && v->parent_id) {
      value = TRY(ancestor(v->parent_id));
    }
    cache_[unit_id] = value;
    return value;
  }

  Store& store_;
  std::string key_;
  Date at_;
  std::unordered_map<int64_t, std::string> cache_;
  std::unordered_map<int64_t, int64_t> parent_of_;               // preloaded: 0 when none
  std::optional<std::unordered_map<int64_t, std::string>> own_;  // all_at_once
};

// Thresholds resolved once per variant for the units of one evaluation.
using ThresholdsByVariant = std::unordered_map<std::string, Thresholds>;

// `preloaded`: the unit's latest values, read with its siblings'.
Result<Assessment> assess(Store& store, const CriteriaSet& set, const UnitVersion& unit,
                          VariantResolver& variants, const EvaluateOptions& opts,
                          HistoryCache* cache, ThresholdsByVariant& thresholds,
                          std::vector<MeasureValue>* preloaded = nullptr) {
  ValueMap values;
  std::vector<MeasureValue> latest;  // owns the keys of `values` when there is no cache
  if (cache) {
    values = TRY(cache->values_at(unit.unit_id, opts.at));
  } else {
    latest = preloaded ? std::move(*preloaded)
                       : TRY(store.latest_values(unit.unit_id, opts.at, opts.verified_only));
    values.reserve(latest.size());
    for (const MeasureValue& v : latest) values[v.measure_id] = {v.value, v.date};
  }
  const std::string variant = TRY(variants.of(unit));
  auto t = thresholds.find(variant);
  if (t == thresholds.end())
    t = thresholds.emplace(variant, resolve_thresholds(set, variant, opts.at.year())).first;
  Assessment a = evaluate(set, unit, variant, opts.at, values, &t->second);
  a.verified_only = opts.verified_only;
  return a;
}

}  // namespace

Result<ValueMap> HistoryCache::values_at(int64_t unit_id, Date at) {
  auto it = history_.find(unit_id);
  if (it == history_.end()) {
    it = history_.emplace(unit_id, TRY(store_.value_history(unit_id, verified_only_))).first;
  }
  ValueMap out;
  for (const MeasureValue& v : it->second) {  // by date: the last one of a measure wins
    if (v.date <= at) out[v.measure_id] = {v.value, v.date};
  }
  return out;
}

Result<std::string> variant_of(Store& store, const std::string& key, const UnitVersion& u,
                               Date at) {
  VariantResolver variants(store, key, at);
  return variants.of(u);
}

Result<Assessment> evaluate_unit(Store& store, const Catalog& catalog, const std::string& code,
                                 const EvaluateOptions& opts) {
  const auto unit = TRY(store.unit_at(code, opts.at));
  if (!unit) {
    return Status::not_found("không có đơn vị mã \"" + code + "\" vào ngày " + opts.at.iso());
  }
  const CriteriaSet* set =
      TRY(choose_set(store, catalog, unit->level, opts, TRY(store.province_of(unit->unit_id))));
  if (unit->level != set->level) {
    return Status::invalid("bộ tiêu chí \"" + set->id + "\" dành cho cấp " +
                           level_name(set->level) + ", không áp dụng cho " + unit->name);
  }
  VariantResolver variants(store, set->variant_key, opts.at);
  ThresholdsByVariant thresholds;
  return assess(store, *set, *unit, variants, opts, nullptr, thresholds);
}

Result<std::vector<Assessment>> evaluate_all(Store& store, const Catalog& catalog,
                                             const std::string& parent_code, Level level,
                                             const EvaluateOptions& opts, HistoryCache* cache) {
  if (cache && cache->verified_only() != opts.verified_only) {
    return Status::internal("HistoryCache view differs from the options");
  }
  const auto parent = TRY(store.unit_at(parent_code, opts.at));
  if (!parent) {
    return Status::not_found("không có đơn vị mã \"" + parent_code + "\" vào ngày " +
                             opts.at.iso());
  }
  const CriteriaSet* set =
      TRY(choose_set(store, catalog, level, opts, TRY(store.province_of(parent->unit_id))));
  VariantResolver variants = TRY(VariantResolver::all_at_once(store, set->variant_key, opts.at));
  std::vector<Assessment> out;
  ThresholdsByVariant thresholds;
  TRY(store.read([&]() -> Status {
    std::vector<UnitVersion> units;
    for (UnitVersion& u : TRY(store.descendants_at(parent->unit_id, level, opts.at)))
      if (set->applies_to(u)) units.push_back(std::move(u));
    // Every unit's values and ancestors at once (on PostgreSQL a few
    // statements, not one or two per unit).
    TRY(variants.preload_ancestors(store, units));
    std::unordered_map<int64_t, std::vector<MeasureValue>> latest;
    if (!cache) {
      std::vector<int64_t> ids;
      for (const UnitVersion& u : units) ids.push_back(u.unit_id);
      latest = TRY(store.latest_values_many(ids, opts.at, opts.verified_only));
    }
    for (const UnitVersion& u : units) {
      auto it = latest.find(u.unit_id);
      out.push_back(TRY(assess(store, *set, u, variants, opts, cache, thresholds,
                               it == latest.end() ? nullptr : &it->second)));
    }
    return Status::ok();
  }));
  return out;
}

Status evaluate_each(Store& store, Store* twin, const Catalog& catalog,
                     const std::vector<std::string>& parents, Level level,
                     const EvaluateOptions& opts, const EachParent& each) {
  std::atomic<size_t> next{0};
  // Takes the next parent until none is left or one fails.
  auto work = [&](Store& s) -> Status {
    return s.read([&]() -> Status {
      for (size_t i; (i = next++) < parents.size();) {
        auto units = evaluate_all(s, catalog, parents[i], level, opts);
        Status done = units.is_ok() ? each(i, std::move(*units)) : units.status();
        if (!done.is_ok()) {
          next = parents.size();
          return done;
        }
      }
      return Status::ok();
    });
  };
  if (!twin || parents.size() < 2) return work(store);
  Status other = Status::ok();
  std::thread helper([&] { other = work(*twin); });
  const Status mine = work(store);
  helper.join();
  return mine.is_ok() ? other : mine;
}

}  // namespace ntm
