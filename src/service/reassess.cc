#include "service/reassess.h"

#include <set>

#include "base/strings.h"
#include "service/scope.h"

namespace ntm {

Result<Reassessment> reassess(Store& store, const Catalog& catalog, const std::string& code,
                              const EvaluateOptions& opts) {
  Reassessment r;
  const auto unit = TRY(store.unit_at(code, opts.at));
  if (!unit)
    return Status::not_found("không có đơn vị mã \"" + code + "\" vào ngày " + opts.at.iso());
  r.unit = *unit;
  std::vector<Lineage> links;
  for (const Lineage& l : TRY(store.lineage_of(unit->unit_id)))
    if (l.new_unit_id == unit->unit_id) links.push_back(l);
  if (links.empty()) {
    return Status::invalid(unit->name +
                           " không được hợp thành từ đơn vị nào: không có gì để đánh giá lại");
  }
  r.merged_on = links.front().date;
  const Date before = r.merged_on.add_days(-1);
  r.set = opts.set_id.empty() ? catalog.in_force(TRY(default_series(store)), before, unit->level,
                                                 TRY(store.province_of(unit->unit_id)))
                              : catalog.find(opts.set_id);
  if (!r.set) return Status::not_found("không có bộ tiêu chí cho ngày " + before.iso());

  // The constituents: their status the day before, their values on opts.at.
  struct Old {
    UnitVersion version;  // before the merger
    bool partial;
    std::optional<double> share;
    bool assessed;
    std::vector<MeasureValue> values;
  };
  std::vector<Old> olds;
  for (const Lineage& l : links) {
    const auto v = TRY(store.unit_version_at(l.old_unit_id, before));
    if (!v) continue;
    olds.push_back({*v, l.relation == "partial", l.share, r.set->applies_to(*v),
                    TRY(store.latest_values(v->unit_id, opts.at, opts.verified_only))});
    if (l.relation == "partial") r.partial.push_back({v->code, v->name, true, l.share});
    if (!olds.back().assessed) continue;
    Assessment a = TRY(evaluate_unit(store, catalog, v->code,
                                     EvaluateOptions{before, r.set->id, opts.verified_only}));
    if (!a.titles.empty() && a.titles[0].status == Outcome::kMet) ++r.constituents_titled;
    r.constituents.push_back(std::move(a));
  }
  const auto own = TRY(store.latest_values(unit->unit_id, opts.at, opts.verified_only));
  auto value_in = [](const std::vector<MeasureValue>& list, const std::string& id) {
    std::optional<ObservedValue> out;
    for (const MeasureValue& v : list)
      if (v.measure_id == id) out = ObservedValue{v.value, v.date};
    return out;
  };
  std::set<std::string> seen;
  for (const Criterion& c : r.set->criteria) {
    for (const Indicator& ind : c.indicators) {
      if (!seen.insert(ind.measure).second) continue;
      MeasureSource src{ind.measure, value_in(own, ind.measure), {}, {}};
      const auto m = catalog.measures().find(ind.measure);
      for (const Old& o : olds) {
        Part p{o.version.code, o.version.name, o.partial,
               o.share,        o.assessed,     value_in(o.values, ind.measure),
               std::nullopt};
        if (m != catalog.measures().end() && !m->second.weight_measure.empty()) {
          if (auto w = value_in(o.values, m->second.weight_measure)) p.weight = w->value;
        }
        src.parts.push_back(std::move(p));
      }
      if (!src.own) {
        src.aggregated = m == catalog.measures().end()
                             ? Aggregated{std::nullopt, kReasonMeasuredAnew}
                             : aggregate(m->second, src.parts);
      }
      r.sources.push_back(std::move(src));
    }
  }
  // The keys of `values` view r.sources' names, which outlive evaluate().
  ValueMap values;
  for (const MeasureSource& s : r.sources)
    if (s.used()) values[s.measure] = *s.used();
  r.computed = evaluate(*r.set, *unit, TRY(variant_of(store, r.set->variant_key, *unit, opts.at)),
                        opts.at, values);
  r.computed.verified_only = opts.verified_only;
  return r;
}

Status set_split_share(Store& store, const User& user, const std::string& new_code,
                       const std::string& old_code, std::optional<double> share) {
  TRY(require_office_of(user, user.province_id, "ghi tỷ lệ xã tách"));
  if (share && (*share <= 0 || *share > 1)) {
    return Status::invalid("Tỷ lệ: nhập phần trăm lớn hơn 0 và không quá 100");
  }
  // The merged commune whatever the date its page was opened at.
  const auto versions = TRY(store.versions_with_code(new_code));
  if (versions.empty()) return Status::not_found("không có đơn vị mã " + new_code);
  TRY(require_office_for_unit(store, user, versions.front().unit_id, "ghi tỷ lệ xã tách"));
  const UnitVersion* unit = &versions.back();
  for (Lineage l : TRY(store.lineage_of(unit->unit_id))) {
    if (l.new_unit_id != unit->unit_id || l.relation != "partial") continue;
    const auto old = TRY(store.unit_version_at(l.old_unit_id, l.date.add_days(-1)));
    if (!old || old->code != old_code) continue;
    const std::string before = l.share ? format_number(*l.share) : "";
    l.share = share;
    return store.transaction([&]() -> Status {
      TRY(store.upsert_lineage(l));
      return store.insert_audit({0, "", user.username, "lineage.share", unit->unit_id,
                                 old_code + " → " + new_code, before,
                                 share ? format_number(*share) : "", ""});
    });
  }
  return Status::not_found(old_code + " không phải xã tách một phần vào " + new_code);
}

}  // namespace ntm
