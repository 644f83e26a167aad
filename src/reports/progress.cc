#include "reports/progress.h"

#include <algorithm>

#include "base/strings.h"
#include "service/auth.h"
#include "service/scope.h"

namespace ntm {

const char* outcome_vi_short(Outcome o) {
  return o == Outcome::kMet ? "Đạt" : o == Outcome::kNotMet ? "Chưa đạt" : "Chưa xác định";
}

const char* plan_state_vi(PlanState s) {
  switch (s) {
    case PlanState::kNoPlan:
      return "Chưa có kế hoạch";
    case PlanState::kAchieved:
      return "Đã đạt";
    case PlanState::kOnTrack:
      return "Đúng tiến độ";
    case PlanState::kAtRisk:
      return "Có nguy cơ chậm";
    case PlanState::kBehind:
      return "Chậm tiến độ";
    case PlanState::kNoData:
      return "Chưa có số liệu";
  }
  return "?";
}

std::string department_label(const ProgressReport& r, const std::string& criterion) {
  const auto d = r.departments.find(criterion);
  if (d == r.departments.end() || d->second.empty()) return "";
  const auto n = r.department_names.find(d->second);
  return n != r.department_names.end() && n->second != d->second
             ? n->second + " (" + d->second + ")"
             : d->second;
}

std::string owner_label(const ProgressReport& r, const WorkItem& w) {
  if (w.owner_kind == OwnerKind::kCommune) return "UBND xã";
  const auto& names = w.owner_kind == OwnerKind::kDepartment ? r.department_names : r.sponsor_names;
  const auto n = names.find(w.owner_code);
  return n != names.end() ? n->second : w.owner_code;
}

namespace {

using ByUnit = std::map<int64_t, std::vector<Recognition>>;

// The recognitions of `province`'s units, by unit (one read).
Result<ByUnit> recognitions_by_unit(Store& store, int64_t province) {
  ByUnit out;
  for (Recognition& r : TRY(store.recognitions(0, province)))
    out[r.unit_id].push_back(std::move(r));
  return out;
}

// The recognitions of `unit` in force on `at`.
std::vector<Recognition> in_force(const ByUnit& all, int64_t unit, Date at) {
  const auto it = all.find(unit);
  return it == all.end() ? std::vector<Recognition>() : in_force_at(it->second, at);
}

// Communes of `units` with a recognition decision in force on `at`.
int count_recognised(const ByUnit& all, const std::vector<Assessment>& units, Date at) {
  int n = 0;
  for (const Assessment& a : units) n += !in_force(all, a.unit.unit_id, at).empty();
  return n;
}

}  // namespace

Result<ProgressReport> build_progress_report(Store& store, const Catalog& catalog,
                                             ReportOptions opts) {
  ProgressReport r;
  if (opts.issued_on == Date()) opts.issued_on = today_local();
  r.opts = opts;
  const auto parent = TRY(store.unit_at(opts.parent_code, opts.at));
  if (!parent) {
    return Status::not_found("không có đơn vị mã \"" + opts.parent_code + "\" vào ngày " +
                             opts.at.iso());
  }
  r.parent = *parent;
  r.province_full = parent->name;
  for (const UnitVersion& a : TRY(ancestors(store, *parent, opts.at)))
    if (a.level == Level::kProvince) r.province_full = a.name;
  r.province_name = strip_unit_type_prefix(r.province_full);
  EvaluateOptions eo{opts.at, opts.set_id, opts.verified_only};
  HistoryCache cache(store, opts.verified_only);
  const auto now = TRY(evaluate_all(store, catalog, opts.parent_code, Level::kCommune, eo, &cache));
  r.rows = TRY(plan_rows(store, now));
  r.summary = summarize(now);
  if (!now.empty()) r.set = now.front().set;
  if (!r.set) {
    auto series = default_series(store);
    r.set = opts.set_id.empty()
                ? (series.is_ok() ? catalog.in_force(*series, opts.at, Level::kCommune,
                                                     province_or_zero(store, r.parent.unit_id))
                                  : nullptr)
                : catalog.find(opts.set_id);
  }
  if (!r.set) return Status::not_found("không có bộ tiêu chí áp dụng vào ngày " + opts.at.iso());
  // The comparison: the same parent under the set in force then (it may differ).
  r.compare_at = opts.compare ? *opts.compare : opts.at.add_years(-1);
  if (TRY(store.unit_at(opts.parent_code, r.compare_at))) {
    EvaluateOptions then{r.compare_at, "", opts.verified_only};
    auto before = evaluate_all(store, catalog, opts.parent_code, Level::kCommune, then, &cache);
    if (before.is_ok() && !before->empty()) {
      r.compare_summary = summarize(*before);
      r.compare_recognised = count_recognised(
          TRY(recognitions_by_unit(store, province_or_zero(store, r.parent.unit_id))), *before,
          r.compare_at);
      r.compare_set_id = before->front().set->id;
      r.compare_set_name = before->front().set->name_vi;
    }
  }
  for (const Criterion& c : r.set->criteria) {
    CriterionCount cc{&c};
    for (const PlanRow& row : r.rows) {
      for (const CriterionResult& res : row.assessment.criteria) {
        if (res.criterion->code != c.code) continue;
        (res.status == Outcome::kMet      ? cc.met
         : res.status == Outcome::kNotMet ? cc.not_met
                                          : cc.unknown)++;
      }
    }
    r.criteria.push_back(cc);
    r.departments[c.code] = c.department;
  }
  const int64_t province = TRY(store.province_of(r.parent.unit_id));
  const ByUnit recognised = TRY(recognitions_by_unit(store, province));
  r.recognised = count_recognised(recognised, now, opts.at);
  const RecognitionBook book = TRY(RecognitionBook::load(store));
  const RecognitionRules* rules = book.in_force(opts.at, province);
  for (const PlanRow& row : r.rows) {
    for (const Recognition& rec : in_force(recognised, row.assessment.unit.unit_id, opts.at)) {
      UpkeepRow u = upkeep_of(rec, row.assessment,
                              rules ? rules->title(rec.title) : book.title(rec.title), rules);
      if (u.status == Upkeep::kRevocable || u.status == Upkeep::kAtRisk)
        r.upkeep.push_back(std::move(u));
    }
  }
  std::stable_sort(r.upkeep.begin(), r.upkeep.end(), [](const UpkeepRow& a, const UpkeepRow& b) {
    return (a.status == Upkeep::kRevocable) > (b.status == Upkeep::kRevocable);
  });
  for (const auto& [crit, dep] : TRY(store.criterion_departments(province, r.set->id)))
    r.departments[crit] = dep;
  for (const auto& [code, name] : TRY(store.departments(province))) r.department_names[code] = name;
  for (const Sponsor& s : TRY(store.sponsors())) r.sponsor_names[s.code] = s.name;
  for (const PlanRow& row : r.rows) {
    r.unit_names[row.assessment.unit.unit_id] = row.assessment.unit.name;
    if (row.assessment.titles.empty() || row.assessment.titles.front().status != Outcome::kMet)
      r.lagging.push_back(&row);
  }
  std::stable_sort(r.lagging.begin(), r.lagging.end(), [](const PlanRow* a, const PlanRow* b) {
    return a->assessment.criteria_met < b->assessment.criteria_met;
  });
  // Coordination within the parent's area.
  const User area{.units = {parent->unit_id}};
  for (WorkItem& w : TRY(store.work_items())) {
    if (!w.overdue(opts.at) || !TRY(assigned_to(store, area, w.unit_id, opts.at))) continue;
    if (!r.unit_names.count(w.unit_id)) {
      if (auto v = TRY(store.unit_version_at(w.unit_id, std::min(opts.at, w.due))))
        r.unit_names[w.unit_id] = v->name;
    }
    r.overdue.push_back(std::move(w));
  }
  for (SponsorshipView& s : TRY(sponsorship_views(store, nullptr, "", 0, opts.at))) {
    if (s.sponsorship.since > opts.at ||
        !TRY(assigned_to(store, area, s.sponsorship.unit_id, opts.at)))
      continue;
    r.sponsors.push_back(std::move(s));
  }
  std::map<int64_t, Meeting> meetings;
  for (const Meeting& m : TRY(store.meetings())) meetings[m.id] = m;
  for (Conclusion& c : TRY(store.conclusions(0)))
    if (meetings[c.meeting_id].date <= opts.at)
      r.conclusions.push_back({meetings[c.meeting_id], std::move(c)});
  std::stable_sort(r.conclusions.begin(), r.conclusions.end(), [](const auto& a, const auto& b) {
    return (a.second.status != ConclusionStatus::kDone) >
           (b.second.status != ConclusionStatus::kDone);
  });
  const auto demo = TRY(store.setting("demo_data"));
  r.demo = demo && *demo == "synthetic";
  return r;
}

bool same_set_compared(const ProgressReport& r) {
  return r.compare_summary && r.compare_set_id == r.set->id &&
         r.compare_summary->bands.size() == r.summary.bands.size();
}

std::string other_set_note(const ProgressReport& r) {
  if (!r.compare_summary || r.compare_set_id == r.set->id) return "";
  return "Ghi chú: ngày " + r.compare_at.vi() + " áp dụng bộ tiêu chí " + r.compare_set_name +
         ", khác bộ tiêu chí hiện hành; số xã theo số tiêu chí đạt không so sánh được.";
}

}  // namespace ntm
