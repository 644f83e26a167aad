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

namespace {

// Reads a value as the measure's type requires; the reason on failure.
Result<double> read_value(const Measure& m, std::string_view text) {
  if (m.type == MeasureType::kBoolean) {
    if (auto b = parse_bool(text)) return *b ? 1.0 : 0.0;
    return Status::invalid("\"" + std::string(text) +
                           "\" không phải giá trị có/không (Có/Không, 1/0, đạt/chưa đạt)");
  }
  const auto v = parse_number(text);
  if (!v) {
    return Status::invalid(
        "\"" + std::string(text) +
        "\" không phải là số (dùng dấu chấm thập phân, không phân cách hàng nghìn)");
  }
  if (std::abs(*v) > 1e15) return Status::invalid("\"" + std::string(text) + "\" quá lớn");
  if (m.type == MeasureType::kPercent && (*v < 0 || *v > 100)) {
    return Status::invalid("tỷ lệ " + std::string(text) + " nằm ngoài 0..100");
  }
  return *v;
}

}  // namespace

Result<ImportCounts> import_observations(Store& store, const std::string& file,
                                         const std::string& text, const std::string& author,
                                         const std::string& default_status) {
  const CsvTable t = TRY(
      CsvTable::parse(text, file, {"unit_code", "measure", "date", "value"}, {"status", "note"}));
  const auto measures = TRY(store.measures());
  ImportErrors errors(file);
  std::vector<Observation> rows;
  rows.reserve(t.rows().size());
  std::unordered_set<std::string> seen;
  seen.reserve(t.rows().size());
  // Unit versions by code, read once per code (a file names each unit many times).
  std::unordered_map<std::string, std::vector<UnitVersion>> versions;
  auto unit_on = [&](const std::string& code, Date d) -> Result<const UnitVersion*> {
    auto it = versions.find(code);
    if (it == versions.end())
      it = versions.emplace(code, TRY(store.versions_with_code(code))).first;
    for (const UnitVersion& v : it->second)
      if (v.valid_from <= d && d <= v.valid_to) return &v;
    return static_cast<const UnitVersion*>(nullptr);
  };
  const std::string recorded_at = utc_timestamp_now();
  for (const CsvRow& r : t.rows()) {
    Observation o;
    o.author = author;
    o.recorded_at = recorded_at;
    o.note = std::string(t.get(r, "note"));
    const std::string code(t.get(r, "unit_code")), measure(t.get(r, "measure"));
    const std::string status_text = t.has("status") && !t.get(r, "status").empty()
                                        ? std::string(t.get(r, "status"))
                                        : default_status;
    const auto status = parse_observation_status(status_text);
    if (!status) {
      errors.add(
          r.line, "status",
          "trạng thái \"" + status_text + "\" không hợp lệ (draft, submitted, verified, returned)");
    }
    o.status = status.value_or(ObservationStatus::kSubmitted);
    const auto m = measures.find(measure);
    if (m == measures.end()) errors.add(r.line, "measure", "không có chỉ số \"" + measure + "\"");
    const auto date = Date::parse(t.get(r, "date"));
    if (!date.is_ok()) {
      errors.add(r.line, "date", date.status().message());
    } else {
      o.date = *date;
      const UnitVersion* unit = TRY(unit_on(code, o.date));
      if (unit) {
        o.unit_id = unit->unit_id;
      } else {
        errors.add(r.line, "unit_code",
                   "không có đơn vị mã \"" + code + "\" vào ngày " + o.date.iso());
      }
      if (!seen.insert(code + "|" + measure + "|" + o.date.iso()).second) {
        errors.add(
            r.line, "",
            "dòng lặp: " + code + ", " + measure + ", " + o.date.iso() + " đã có ở dòng trước");
      }
    }
    if (m != measures.end()) {
      o.measure_id = measure;
      auto v = read_value(m->second, t.get(r, "value"));
      if (v.is_ok()) {
        o.value = *v;
      } else {
        errors.add(r.line, "value", v.status().message());
      }
    }
    rows.push_back(std::move(o));
  }
  if (!errors.empty()) return errors.status();

  ImportCounts counts{static_cast<int>(rows.size()), 0};
  std::unordered_map<int64_t, bool> has_data;  // units with observations before this file
  std::vector<const Observation*> fresh;       // rows that supersede nothing: in bulk
  TRY(store.transaction([&]() -> Status {
    for (Observation& o : rows) {
      auto known = has_data.find(o.unit_id);
      if (known == has_data.end())
        known = has_data.emplace(o.unit_id, TRY(store.has_observations(o.unit_id))).first;
      std::optional<Observation> current;
      if (known->second) current = TRY(store.current_observation(o.unit_id, o.measure_id, o.date));
      if (current && current->value == o.value && current->status == o.status &&
          current->note == o.note) {
        continue;
      }
      if (current) {
        TRY(store.insert_observation(o, current->id));
      } else {
        fresh.push_back(&o);
      }
      ++counts.written;
    }
    // In the order of the covering index (unit, date, measure): its pages are
    // then appended to rather than split.
    std::sort(fresh.begin(), fresh.end(), [](const Observation* a, const Observation* b) {
      return std::tie(a->unit_id, a->date, a->measure_id) <
             std::tie(b->unit_id, b->date, b->measure_id);
    });
    return store.insert_new_observations(fresh);
  }));
  return counts;
}

}  // namespace ntm
