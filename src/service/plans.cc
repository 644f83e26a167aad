#include "service/plans.h"

#include <algorithm>
#include <map>

#include "base/csv.h"
#include "base/strings.h"
#include "service/import_errors.h"
#include "service/scope.h"

namespace ntm {
namespace {

// The unit a plan file means by a code: the one carrying it today, else the
// latest one that carried it.
Result<std::optional<UnitVersion>> unit_for_plan(Store& store, const std::string& code) {
  if (auto today = TRY(store.unit_at(code, today_local()))) return today;
  auto all = TRY(store.versions_with_code(code));
  if (all.empty()) return std::optional<UnitVersion>();
  return std::optional<UnitVersion>(*std::max_element(
      all.begin(), all.end(),
      [](const UnitVersion& a, const UnitVersion& b) { return a.valid_from < b.valid_from; }));
}

// The set whose criterion a plan row means: named, else the set in force for
// the unit at the end of the target year.
const CriteriaSet* set_for_year(Store& store, const Catalog& catalog, const UnitVersion& unit,
                                const std::string& named, int year) {
  if (!named.empty()) return catalog.find(named);
  auto series = default_series(store);
  return series.is_ok() ? catalog.in_force(*series, Date::from_ymd(year, 12, 31), unit.level,
                                           province_or_zero(store, unit.unit_id))
                        : nullptr;
}

bool has_criterion(const CriteriaSet& set, const std::string& code) {
  return std::any_of(set.criteria.begin(), set.criteria.end(),
                     [&](const Criterion& c) { return c.code == code; });
}

std::string plan_summary(const Plan& p) {
  return p.title + " " + std::to_string(p.target_year) + ", " + std::to_string(p.criteria.size()) +
         " tiêu chí, " + std::to_string(p.milestones.size()) + " mốc";
}

}  // namespace

namespace {

// Stored plans read on demand, once per unit: a province's dashboard reads
// its own units' plans, not the whole country's.
class PlanCache {
 public:
  explicit PlanCache(Store& store) : store_(store) {}
  Result<const Plan*> of(int64_t unit_id) {
    auto it = plans_.find(unit_id);
    if (it == plans_.end()) it = plans_.emplace(unit_id, TRY(store_.plan(unit_id))).first;
    return it->second ? &*it->second : nullptr;
  }

 private:
  Store& store_;
  std::map<int64_t, std::optional<Plan>> plans_;
};

}  // namespace

// The plan of `unit`: its own, else one carried from the units merged into it.
static Result<UnitPlan> plan_among(Store& store, PlanCache& plans, const UnitVersion& unit) {
  UnitPlan out;
  if (const Plan* own = TRY(plans.of(unit.unit_id))) {
    out.plan = *own;
    return out;
  }
  for (const Lineage& l : TRY(store.lineage_of(unit.unit_id))) {
    if (l.new_unit_id != unit.unit_id) continue;
    const Plan* old = TRY(plans.of(l.old_unit_id));
    if (!old) continue;
    const auto v = TRY(store.unit_version_at(l.old_unit_id, l.date.add_days(-1)));
    out.inherited_from.push_back(v ? v->name : std::to_string(l.old_unit_id));
    if (!out.plan) {
      out.plan = Plan{unit.unit_id, old->title, old->target_year, "", {}, {}, "", ""};
    } else {
      // The merged commune is done when its slowest part would have been.
      out.plan->target_year = std::max(out.plan->target_year, old->target_year);
    }
  }
  if (out.plan) {
    std::string names;
    for (const std::string& n : out.inherited_from) names += (names.empty() ? "" : ", ") + n;
    out.plan->note = "kế thừa từ kế hoạch của " + names;
  }
  return out;
}

Result<UnitPlan> plan_for(Store& store, const UnitVersion& unit) {
  PlanCache plans(store);
  return plan_among(store, plans, unit);
}

Result<std::vector<PlanRow>> plan_rows(Store& store, const std::vector<Assessment>& assessments) {
  PlanCache plans(store);
  std::vector<PlanRow> out;
  for (const Assessment& a : assessments) {
    PlanRow row{a, TRY(plan_among(store, plans, a.unit)), {}};
    row.status = plan_status(row.plan.plan ? &*row.plan.plan : nullptr, row.assessment);
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<PlanRow>> plan_statuses(Store& store, const Catalog& catalog,
                                           const std::string& parent_code,
                                           const EvaluateOptions& opts, HistoryCache* cache) {
  return plan_rows(store,
                   TRY(evaluate_all(store, catalog, parent_code, Level::kCommune, opts, cache)));
}

Result<PlanRow> unit_plan_status(Store& store, const Catalog& catalog, const std::string& code,
                                 const EvaluateOptions& opts) {
  PlanRow row{TRY(evaluate_unit(store, catalog, code, opts)), {}, {}};
  row.plan = TRY(plan_for(store, row.assessment.unit));
  row.status = plan_status(row.plan.plan ? &*row.plan.plan : nullptr, row.assessment);
  return row;
}

Result<ImportCounts> import_plans(Store& store, const Catalog& catalog, const std::string& file,
                                  const std::string& text, const std::string& actor,
                                  const User* by) {
  const CsvTable t =
      TRY(CsvTable::parse(text, file, {"unit_code", "kind"},
                          {"code", "set", "target_year", "date", "criteria_met", "note"}));
  ImportErrors errors(file);
  std::map<int64_t, Plan> plans;
  std::map<int64_t, int> first_line, title_line;
  for (const CsvRow& r : t.rows()) {
    const std::string code(trim(t.get(r, "unit_code"))), kind(trim(t.get(r, "kind")));
    const auto unit = TRY(unit_for_plan(store, code));
    if (!unit) {
      errors.add(r.line, "unit_code", "không có đơn vị mã \"" + code + "\"");
      continue;
    }
    if (by) {
      if (Status s = require_office_for_unit(store, *by, unit->unit_id, "lập kế hoạch");
          !s.is_ok()) {
        errors.add(r.line, "unit_code", unit->name + ": " + s.message());
        continue;
      }
    }
    Plan& p = plans[unit->unit_id];
    p.unit_id = unit->unit_id;
    p.updated_by = actor;
    first_line.emplace(unit->unit_id, r.line);
    const std::string what(trim(t.get(r, "code")));
    const auto year = parse_int(t.get(r, "target_year"), 2010, 2100);
    if (kind == "title" && !title_line.emplace(unit->unit_id, r.line).second) {
      errors.add(r.line, "kind", "đơn vị " + code + " có hai dòng title");
      continue;
    }
    if ((kind == "title" || kind == "criterion") && !year) {
      errors.add(r.line, "target_year", "cần năm mục tiêu (2010-2100)");
      continue;
    }
    if (kind == "title") {
      p.title = what.empty() ? "NTM" : what;
      p.target_year = *year;
      p.note = std::string(t.get(r, "note"));
    } else if (kind == "criterion") {
      const std::string named(trim(t.get(r, "set")));
      const CriteriaSet* set = set_for_year(store, catalog, *unit, named, *year);
      if (!set) {
        errors.add(r.line, "set",
                   named.empty() ? "không có bộ tiêu chí hiệu lực năm " + std::to_string(*year)
                                 : "không có bộ tiêu chí \"" + named + "\"");
      } else if (!has_criterion(*set, what)) {
        errors.add(r.line, "code", "bộ \"" + set->id + "\" không có tiêu chí \"" + what + "\"");
      } else {
        p.criteria.push_back({set->id, what, *year});
      }
    } else if (kind == "milestone") {
      auto date = Date::parse(trim(t.get(r, "date")));
      const auto n = parse_int(t.get(r, "criteria_met"), 0, 100);
      if (!date.is_ok()) errors.add(r.line, "date", date.status().message());
      if (!n) errors.add(r.line, "criteria_met", "cần số tiêu chí (số nguyên từ 0)");
      if (date.is_ok() && n) p.milestones.push_back({*date, *n, std::string(t.get(r, "note"))});
    } else {
      errors.add(r.line, "kind",
                 "cần title, criterion hoặc milestone, không phải \"" + kind + "\"");
    }
  }
  for (const auto& [unit, line] : first_line) {
    if (!title_line.count(unit)) {
      errors.add(line, "kind", "đơn vị thiếu dòng title (danh hiệu và năm mục tiêu)");
    }
  }
  if (!errors.empty()) return errors.status();
  TRY(store.transaction([&]() -> Status {
    for (auto& [unit, p] : plans) {
      std::sort(p.milestones.begin(), p.milestones.end(),
                [](const Milestone& a, const Milestone& b) { return a.date < b.date; });
      const auto before = TRY(store.plan(unit));
      TRY(store.upsert_plan(p));
      TRY(store.insert_audit({0, "", actor, "plan.import", unit, "plan",
                              before ? plan_summary(*before) : "", plan_summary(p), ""}));
    }
    return Status::ok();
  }));
  return ImportCounts{static_cast<int>(t.rows().size()), static_cast<int>(plans.size())};
}

Status save_plan(Store& store, const Catalog& catalog, Plan plan, const std::string& actor,
                 const User* by) {
  if (by) TRY(require_office_for_unit(store, *by, plan.unit_id, "lập kế hoạch"));
  if (plan.target_year < 2010 || plan.target_year > 2100) {
    return Status::invalid("năm mục tiêu cần trong khoảng 2010-2100");
  }
  if (trim(plan.title).empty()) return Status::invalid("cần danh hiệu mục tiêu (ví dụ NTM)");
  for (const PlanCriterion& c : plan.criteria) {
    const CriteriaSet* set = catalog.find(c.set_id);
    if (!set || !has_criterion(*set, c.criterion)) {
      return Status::invalid("không có tiêu chí " + c.criterion + " trong bộ " + c.set_id);
    }
    if (c.target_year < 2010 || c.target_year > 2100) {
      return Status::invalid("tiêu chí " + c.criterion + ": năm mục tiêu cần trong 2010-2100");
    }
  }
  plan.updated_by = actor;
  return store.transaction([&]() -> Status {
    const auto before = TRY(store.plan(plan.unit_id));
    TRY(store.upsert_plan(plan));
    return store.insert_audit({0, "", actor, "plan.save", plan.unit_id, "plan",
                               before ? plan_summary(*before) : "", plan_summary(plan), ""});
  });
}

}  // namespace ntm
