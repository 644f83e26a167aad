// Imports of criteria documents and observations.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "base/csv.h"
#include "base/strings.h"
#include "rules/criteria_loader.h"
#include "service/import_errors.h"
#include "service/importer.h"
#include "service/scope.h"

namespace ntm {

Result<ImportCounts> import_criteria(Store& store, const std::string& file, const std::string& text,
                                     const std::string& province_code) {
  const int64_t province = province_code.empty() ? 0 : TRY(province_named(store, province_code));
  const auto known = TRY(store.measures());
  const CriteriaDocument doc = TRY(load_criteria_document(text, file, known));
  if (doc.set) {
    const CriteriaSet& s = *doc.set;
    for (const StoredCriteriaSet& other : TRY(store.criteria_sets())) {
      // A province's own version may overlap the national one (it wins there).
      if (other.id == s.id || other.series != s.series || other.province_id != province) continue;
      if (other.effective_to >= s.effective_from && other.effective_from <= s.effective_to) {
        return Status::conflict(file + ": bộ tiêu chí \"" + s.id + "\" (" + s.effective_from.iso() +
                                " .. " + s.effective_to.iso() +
                                ") trùng thời gian hiệu lực với \"" + other.id + "\" (" +
                                other.effective_from.iso() + " .. " + other.effective_to.iso() +
                                ") cùng dãy \"" + s.series + "\"");
      }
    }
  }
  TRY(store.transaction([&]() -> Status {
    for (const Measure& m : doc.measures) TRY(store.upsert_measure(m));
    if (doc.set) {
      const CriteriaSet& s = *doc.set;
      TRY(store.upsert_criteria_set(
          {s.id, s.series, s.effective_from, s.effective_to, text, province}));
    }
    return Status::ok();
  }));
  const int n = static_cast<int>(doc.measures.size()) + (doc.set ? 1 : 0);
  return ImportCounts{n, n};
}

Result<ImportCounts> import_departments(Store& store, const std::string& file,
                                        const std::string& text, const std::string& actor,
                                        const std::string& province_code) {
  const int64_t province = TRY(province_named(store, province_code));
  const CsvTable t =
      TRY(CsvTable::parse(text, file, {"set_id", "criterion", "department"}, {"department_name"}));
  std::map<std::string, std::set<std::string>> criteria;  // set -> criterion codes
  for (const StoredCriteriaSet& s : TRY(store.criteria_sets())) {
    const auto doc = TRY(load_criteria_document(s.document, s.id, TRY(store.measures())));
    if (doc.set)
      for (const Criterion& c : doc.set->criteria) criteria[s.id].insert(c.code);
  }
  ImportErrors errors(file);
  std::set<std::string> seen;
  for (const CsvRow& r : t.rows()) {
    const std::string set(t.get(r, "set_id")), crit(t.get(r, "criterion")),
        dep(t.get(r, "department"));
    if (!criteria.count(set)) {
      errors.add(r.line, "set_id", "không có bộ tiêu chí \"" + set + "\"");
    } else if (!criteria[set].count(crit)) {
      errors.add(r.line, "criterion", "bộ \"" + set + "\" không có tiêu chí \"" + crit + "\"");
    }
    if (dep.empty()) errors.add(r.line, "department", "thiếu mã cơ quan");
    if (!seen.insert(set + "|" + crit).second) {
      errors.add(r.line, "", "tiêu chí " + crit + " của bộ " + set + " bị lặp");
    }
  }
  if (!errors.empty()) return errors.status();
  TRY(store.transaction([&]() -> Status {
    for (const CsvRow& r : t.rows()) {
      const std::string dep(t.get(r, "department"));
      const std::string name =
          t.get(r, "department_name").empty() ? dep : std::string(t.get(r, "department_name"));
      TRY(store.upsert_department(province, dep, name));
      TRY(store.set_criterion_department(province, std::string(t.get(r, "set_id")),
                                         std::string(t.get(r, "criterion")), dep));
      TRY(store.insert_audit(
          {0, "", actor, "department.assign", 0,
           std::string(t.get(r, "set_id")) + " / " + std::string(t.get(r, "criterion")), "", dep,
           ""}));
    }
    return Status::ok();
  }));
  const int n = static_cast<int>(t.rows().size());
  return ImportCounts{n, n};
}

}  // namespace ntm
