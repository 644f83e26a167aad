#include "service/national.h"

#include <map>

#include "rules/engine.h"

namespace ntm {

Summary add_summaries(const std::vector<const Summary*>& parts) {
  Summary out;
  double criteria = 0;
  for (const Summary* s : parts) {
    out.units += s->units;
    out.title_met += s->title_met;
    criteria += s->average_criteria_met * s->units;
    for (size_t i = 0; i < s->bands.size(); ++i) {
      if (out.bands.size() <= i) out.bands.push_back({s->bands[i].label, 0});
      out.bands[i].units += s->bands[i].units;
    }
  }
  out.average_criteria_met = out.units ? criteria / out.units : 0;
  return out;
}

namespace {

// Every province in force on `at` with its communes evaluated (from the kept
// values, one batch per province: no history is read), on two threads with
// `twin`.
Result<std::vector<ProvinceFigures>> provinces_at(Store& store, Store* twin, const Catalog& catalog,
                                                  const EvaluateOptions& opts) {
  std::vector<ProvinceFigures> out;
  std::vector<std::string> codes;
  for (const UnitVersion& p : TRY(store.top_level_units(opts.at))) {
    if (p.level != Level::kProvince) continue;
    out.push_back({p, nullptr, {}, {}, std::nullopt});
    codes.push_back(p.code);
  }
  TRY(evaluate_each(store, twin, catalog, codes, Level::kCommune, opts,
                    [&](size_t i, std::vector<Assessment> units) {
                      ProvinceFigures& f = out[i];
                      f.summary = summarize(units);
                      if (!units.empty()) {
                        f.set = units.front().set;
                        f.criteria = count_criteria(*f.set, units);
                      }
                      return Status::ok();
                    }));
  return out;
}

// The set most communes were assessed under.
const CriteriaSet* main_set(const std::vector<ProvinceFigures>& provinces) {
  std::map<const CriteriaSet*, int> units;
  const CriteriaSet* best = nullptr;
  for (const ProvinceFigures& p : provinces)
    if (p.set && (units[p.set] += p.summary.units) > (best ? units[best] : 0)) best = p.set;
  return best;
}

Summary total_of(const std::vector<ProvinceFigures>& provinces) {
  std::vector<const Summary*> parts;
  for (const ProvinceFigures& p : provinces) parts.push_back(&p.summary);
  return add_summaries(parts);
}

}  // namespace

Result<NationalOverview> build_national(Store& store, const Catalog& catalog,
                                        const EvaluateOptions& opts, std::optional<Date> compare_at,
                                        Store* twin) {
  NationalOverview n;
  n.opts = opts;
  n.compare_at = compare_at;
  TRY(store.read([&]() -> Status {
    n.provinces = TRY(provinces_at(store, twin, catalog, opts));
    n.total = total_of(n.provinces);
    if (compare_at) {
      EvaluateOptions before = opts;
      before.at = *compare_at;
      const auto then = TRY(provinces_at(store, twin, catalog, before));
      if (!then.empty()) n.total_compare = total_of(then);
      n.compare_set = main_set(then);
      std::map<int64_t, const ProvinceFigures*> by_id;
      for (const ProvinceFigures& p : then) by_id[p.province.unit_id] = &p;
      for (ProvinceFigures& p : n.provinces)
        if (auto it = by_id.find(p.province.unit_id); it != by_id.end() && it->second->set)
          p.compare = it->second->summary;
    }
    return Status::ok();
  }));
  // The criteria, by code, over the provinces assessed under a set with them.
  n.set = main_set(n.provinces);
  if (n.set) {
    for (const Criterion& c : n.set->criteria) n.criteria.push_back({&c, 0, 0, 0, {}});
    for (const ProvinceFigures& p : n.provinces) {
      for (const CriterionCount& cc : p.criteria) {
        for (CriterionCount& total : n.criteria) {
          if (total.criterion->code != cc.criterion->code) continue;
          total.met += cc.met;
          total.not_met += cc.not_met;
          total.unknown += cc.unknown;
          for (const auto& [indicator, k] : cc.failing) total.failing[indicator] += k;
        }
      }
    }
  }
  return n;
}

}  // namespace ntm
