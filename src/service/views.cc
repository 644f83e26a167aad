#include "service/views.h"

#include <algorithm>

#include "base/search_text.h"
#include "base/strings.h"
#include "rules/engine.h"

namespace ntm {

std::vector<CriterionCount> count_criteria(const CriteriaSet& set,
                                           const std::vector<Assessment>& units) {
  std::vector<CriterionCount> out;
  for (const Criterion& c : set.criteria) out.push_back({&c, 0, 0, 0, {}});
  for (const Assessment& a : units) {
    for (size_t i = 0; i < a.criteria.size(); ++i) {
      CriterionCount& cc = out[i];
      const CriterionResult& cr = a.criteria[i];
      if (cr.status == Outcome::kMet) ++cc.met;
      if (cr.status == Outcome::kNotMet) ++cc.not_met;
      if (cr.status == Outcome::kUnknown) ++cc.unknown;
      for (const IndicatorResult& r : cr.indicators) {
        if (r.status == Outcome::kNotMet) ++cc.failing[r.indicator->code];
      }
    }
  }
  return out;
}

namespace {

std::vector<TrendPoint> trend(Store& store, const Catalog& catalog, const std::string& code,
                              const EvaluateOptions& opts, HistoryCache& cache) {
  std::vector<TrendPoint> out;
  std::vector<Date> dates;
  for (int y = 2016; y < opts.at.year(); ++y) dates.push_back(Date::from_ymd(y, 12, 31));
  dates.push_back(opts.at);
  for (Date d : dates) {
    EvaluateOptions o = opts;
    o.at = d;
    auto list = evaluate_all(store, catalog, code, Level::kCommune, o, &cache);
    if (!list.is_ok() || list->empty()) continue;  // no set or unit at that date
    const Summary s = summarize(*list);
    out.push_back({d, list->front().set->id, s.units, s.title_met, s.average_criteria_met});
  }
  return out;
}

}  // namespace

Result<std::vector<UnitVersion>> ancestors(Store& store, const UnitVersion& unit, Date at) {
  std::vector<UnitVersion> path;
  int64_t parent = unit.parent_id;
  while (parent) {
    const auto v = TRY(store.unit_version_at(parent, at));
    if (!v) break;
    path.insert(path.begin(), *v);
    parent = v->parent_id;
  }
  return path;
}

Result<Overview> build_overview(Store& store, const Catalog& catalog, const std::string& code,
                                const EvaluateOptions& opts) {
  Overview ov;
  const auto unit = TRY(store.unit_at(code, opts.at));
  if (!unit)
    return Status::not_found("không có đơn vị mã \"" + code + "\" vào ngày " + opts.at.iso());
  ov.unit = *unit;
  ov.opts = opts;
  ov.path = TRY(ancestors(store, ov.unit, opts.at));
  HistoryCache cache(store, opts.verified_only);  // shared by the date, a year ago, the trend
  ov.units = TRY(evaluate_all(store, catalog, code, Level::kCommune, opts, &cache));
  if (!ov.units.empty()) {
    ov.set = ov.units.front().set;
  } else if (!opts.set_id.empty()) {
    ov.set = catalog.find(opts.set_id);
  } else {
    ov.set = catalog.in_force(TRY(default_series(store)), opts.at, Level::kCommune,
                              TRY(store.province_of(ov.unit.unit_id)));
  }
  ov.summary = summarize(ov.units);
  if (ov.set) ov.criteria = count_criteria(*ov.set, ov.units);
  EvaluateOptions before = opts;
  before.at = opts.at.add_years(-1);
  if (auto list = evaluate_all(store, catalog, code, Level::kCommune, before, &cache);
      list.is_ok() && !list->empty()) {
    ov.year_ago = summarize(*list);
    ov.year_ago_set = list->front().set->id;
  }
  ov.trend = trend(store, catalog, code, opts, cache);
  if (ov.unit.level == Level::kProvince) {
    ov.districts = TRY(store.descendants_at(ov.unit.unit_id, Level::kDistrict, opts.at));
  }
  return ov;
}

Result<Scorecard> build_scorecard(Store& store, const Catalog& catalog, const std::string& code,
                                  const EvaluateOptions& opts) {
  Scorecard sc;
  sc.assessment = TRY(evaluate_unit(store, catalog, code, opts));
  const UnitVersion& u = sc.assessment.unit;
  sc.path = TRY(ancestors(store, u, opts.at));
  for (const Lineage& l : TRY(store.lineage_of(u.unit_id))) {
    const bool from = l.new_unit_id == u.unit_id;
    const int64_t other = from ? l.old_unit_id : l.new_unit_id;
    const auto v = TRY(store.unit_version_at(other, from ? l.date.add_days(-1) : l.date));
    if (!v) continue;
    (from ? sc.merged_from : sc.merged_into).push_back({*v, l.relation, l.date});
  }
  for (const CriterionResult& c : sc.assessment.criteria) {
    for (const IndicatorResult& r : c.indicators) {
      auto& series = sc.history[r.indicator->measure];
      if (!series.empty()) continue;
      for (const Observation& o : TRY(store.observation_history(u.unit_id, r.indicator->measure))) {
        const bool counts = o.status == ObservationStatus::kVerified ||
                            (!opts.verified_only && o.status == ObservationStatus::kSubmitted);
        if (o.current && counts && o.date <= opts.at) {
          series.push_back({o.measure_id, o.date, o.value, o.status});
        }
      }
    }
  }
  return sc;
}

Result<std::vector<UnitVersion>> search_units(Store& store, const std::string& query, int limit,
                                              int64_t province) {
  const std::string q = fold_diacritics(trim(query));
  const auto phrases = parse_search_query(query);
  std::string words;  // the query's words, one space apart
  for (const auto& p : phrases)
    for (const std::string& w : p) words += (words.empty() ? "" : " ") + w;
  std::vector<std::pair<int, UnitVersion>> found;
  if (words.empty()) return std::vector<UnitVersion>();
  for (UnitVersion& v : TRY(store.latest_versions())) {
    std::string name;  // the name's words, one space apart
    for (const auto& p : parse_search_query(v.name))
      for (const std::string& w : p) name += (name.empty() ? "" : " ") + w;
    const bool all = std::all_of(phrases.begin(), phrases.end(), [&](const auto& p) {
      std::string phrase;
      for (const std::string& w : p) phrase += (phrase.empty() ? "" : " ") + w;
      return (" " + name).find(" " + phrase) != std::string::npos;
    });
    if (v.code != q && !all) continue;
    if (province != 0 && TRY(store.province_of(v.unit_id)) != province) continue;
    // The exact name (with or without "Xã") first, then names that start with it.
    const std::string base = fold_diacritics(strip_unit_type_prefix(v.name));
    const int rank = v.code == q || base == words || name == words ? 0
                     : base.rfind(words, 0) == 0                   ? 1
                                                                   : 2;
    found.emplace_back(rank * 10 + static_cast<int>(v.level), std::move(v));
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<UnitVersion> out;
  for (auto& f : found) {
    if (out.size() == static_cast<size_t>(limit)) break;
    out.push_back(std::move(f.second));
  }
  return out;
}

}  // namespace ntm
