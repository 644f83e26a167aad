#include "service/workflow.h"

#include <algorithm>
#include <set>

#include "base/strings.h"
#include "rules/criteria_text.h"
#include "service/scope.h"

namespace ntm {
namespace {

std::string shown(const Measure& m, double v) {
  if (m.type == MeasureType::kBoolean) return yes_no_vi(v == 1);
  return format_number(v);
}

FieldError missing(const EntryField& f) {
  return {f.measure->id, f.measure->name_vi + ": bắt buộc — nhập số liệu của kỳ này"};
}

Status audit_change(Store& store, const User& user, const char* action, const EntryForm& form,
                    const EntryField& f, const std::optional<Observation>& before,
                    const Observation& after) {
  auto state = [&f](const Observation& o) {
    return shown(*f.measure, o.value) + " (" + observation_status_name(o.status) + ")";
  };
  return store.insert_audit({0, "", user.username, action, form.unit.unit_id,
                             f.measure->id + " @ " + form.period.iso(),
                             before ? state(*before) : "", state(after), ""});
}

const CriteriaSet* set_for(Store& store, const Catalog& catalog, const UnitVersion& unit, Date at) {
  auto series = default_series(store);
  if (!series.is_ok()) return nullptr;
  const CriteriaSet* s =
      catalog.in_force(*series, at, unit.level, province_or_zero(store, unit.unit_id));
  return s && s->applies_to(unit) ? s : nullptr;
}

}  // namespace

Result<std::map<std::string, std::vector<std::string>>> measure_departments(Store& store,
                                                                            const CriteriaSet& set,
                                                                            int64_t province) {
  const auto overrides = TRY(store.criterion_departments(province, set.id));
  std::map<std::string, std::vector<std::string>> out;
  for (const Criterion& c : set.criteria) {
    const auto o = overrides.find(c.code);
    const std::string dep = o != overrides.end() ? o->second : c.department;
    if (dep.empty()) continue;
    for (const Indicator& i : c.indicators) {
      auto& list = out[i.measure];
      if (std::find(list.begin(), list.end(), dep) == list.end()) list.push_back(dep);
    }
  }
  return out;
}

Result<bool> may_enter(Store& store, const User& user, int64_t unit_id) {
  if (user.role == Role::kCommune) return user.unit_id == unit_id;
  return user.role == Role::kAdmin && office_of(user, TRY(store.province_of(unit_id)));
}

bool may_verify(const User& user, int64_t province, const std::vector<std::string>& departments) {
  if (user.role == Role::kAdmin) return office_of(user, province);
  return user.role == Role::kDepartment && user.province_id == province &&
         std::find(departments.begin(), departments.end(), user.department) != departments.end();
}

Result<UnitVersion> unit_on(Store& store, const std::string& code, Date at) {
  const auto unit = TRY(store.unit_at(code, at));
  if (!unit) return Status::not_found("không có đơn vị mã \"" + code + "\" vào ngày " + at.iso());
  return *unit;
}

Result<EntryForm> entry_form(Store& store, const Catalog& catalog, const std::string& unit_code,
                             Date period) {
  EntryForm f;
  f.unit = TRY(unit_on(store, unit_code, period));
  f.period = period;
  f.set = set_for(store, catalog, f.unit, period);
  if (!f.set)
    return Status::not_found("không có bộ tiêu chí nào áp dụng cho " + f.unit.name + " vào ngày " +
                             period.iso());
  std::set<std::string> seen;
  const auto latest = TRY(store.latest_values(f.unit.unit_id, period.add_days(-1), false));
  for (const Criterion& c : f.set->criteria) {
    for (const Indicator& i : c.indicators) {
      if (!seen.insert(i.measure).second) continue;
      const auto m = catalog.measures().find(i.measure);
      if (m == catalog.measures().end()) continue;
      EntryField field{&c,
                       &i,
                       &m->second,
                       TRY(store.current_observation(f.unit.unit_id, i.measure, period)),
                       {}};
      for (const MeasureValue& v : latest)
        if (v.measure_id == i.measure) field.last = v;
      if (field.current && field.current->status != ObservationStatus::kVerified) {
        for (const Observation& h : TRY(store.observation_history(f.unit.unit_id, i.measure)))
          if (h.date == period && h.status == ObservationStatus::kVerified) field.verified = h;
      }
      f.fields.push_back(std::move(field));
    }
  }
  return f;
}

std::vector<FieldError> check_entry(const EntryForm& form,
                                    const std::map<std::string, std::string>& values, bool complete,
                                    std::vector<EntryChange>* changes,
                                    const std::map<std::string, std::string>& notes) {
  std::vector<FieldError> errors;
  for (const EntryField& f : form.fields) {
    const auto it = values.find(f.measure->id);
    const bool typed = it != values.end() && !trim(it->second).empty();
    const auto note_it = notes.find(f.measure->id);
    const std::string note = note_it == notes.end() ? "" : std::string(trim(note_it->second));
    if (note.size() > 1000 || !valid_text(note)) {
      errors.push_back(
          {f.measure->id, f.measure->name_vi +
                              ": ghi chú quá dài (tối đa 1.000 ký tự) hoặc có ký tự không hợp lệ"});
      continue;
    }
    if (!typed && !note.empty()) {
      errors.push_back({f.measure->id, f.measure->name_vi + ": có ghi chú nhưng không có giá trị"});
      continue;
    }
    if (!typed) {
      // Not on the form: what is recorded stays. On the form but empty: missing.
      if (complete && (it != values.end() || !f.current)) errors.push_back(missing(f));
      continue;
    }
    auto v = parse_measure_value(*f.measure, it->second);
    if (!v.is_ok()) {
      errors.push_back({f.measure->id, f.measure->name_vi + ": " + v.status().message()});
      continue;
    }
    // Unchanged values keep their state; a returned one is entered again.
    if (f.current && f.current->value == *v && f.current->status != ObservationStatus::kReturned) {
      // A new note on an unchanged value: stored with it while it is a draft;
      // a submitted or verified value is not sent back to draft for a note.
      if (note.empty() || note == f.current->note) continue;
      if (f.current->status != ObservationStatus::kDraft) {
        errors.push_back({f.measure->id, f.measure->name_vi +
                                             ": giá trị đã gửi không đổi — ghi chú chỉ được lưu "
                                             "cùng một giá trị mới (hoặc xóa ghi chú)"});
        continue;
      }
    }
    if (changes) changes->push_back({&f, *v});
  }
  return errors;
}

Status assign_department(Store& store, const User& user, const std::string& set_id,
                         const Criterion& criterion, const std::string& department,
                         const std::string& department_name) {
  TRY(require_office_of(user, user.province_id, "phân công cơ quan"));
  const int64_t province = user.province_id;
  return store.transaction([&]() -> Status {
    bool known = false;
    for (const auto& [code, name] : TRY(store.departments(province)))
      known = known || code == department;
    if (!known || !department_name.empty()) {
      TRY(store.upsert_department(province, department,
                                  department_name.empty() ? department : department_name));
    }
    TRY(store.set_criterion_department(province, set_id, criterion.code, department));
    return store.insert_audit({0, "", user.username, "department.assign", 0,
                               set_id + " / " + criterion.code, criterion.department, department,
                               ""});
  });
}

Result<std::vector<FieldError>> save_entry(Store& store, const EntryForm& form, const User& user,
                                           const std::map<std::string, std::string>& values,
                                           bool complete, ObservationStatus status,
                                           const std::map<std::string, std::string>& notes) {
  if (!TRY(may_enter(store, user, form.unit.unit_id))) {
    return Status::forbidden("không có quyền nhập số liệu cho " + form.unit.name);
  }
  std::vector<EntryChange> changes;
  const std::vector<FieldError> errors = check_entry(form, values, complete, &changes, notes);
  if (!errors.empty()) return errors;
  const char* action =
      status == ObservationStatus::kSubmitted ? "observation.submit" : "observation.draft";
  TRY(store.transaction([&]() -> Status {
    for (const auto& [f, value] : changes) {
      Observation o{.unit_id = form.unit.unit_id,
                    .measure_id = f->measure->id,
                    .date = form.period,
                    .value = value,
                    .status = status,
                    .author = user.username};
      if (const auto n = notes.find(f->measure->id); n != notes.end())
        o.note = std::string(trim(n->second));
      TRY(store.add_observation(o));
      TRY(audit_change(store, user, action, form, *f, f->current, o));
    }
    return Status::ok();
  }));
  return errors;
}

Result<std::vector<FieldError>> submit_entry(Store& store, const EntryForm& form,
                                             const User& user) {
  if (!TRY(may_enter(store, user, form.unit.unit_id))) {
    return Status::forbidden("không có quyền nhập số liệu cho " + form.unit.name);
  }
  std::vector<FieldError> errors;
  for (const EntryField& f : form.fields)
    if (!f.current) errors.push_back(missing(f));
  if (!errors.empty()) return errors;
  TRY(store.transaction([&]() -> Status {
    for (const EntryField& f : form.fields) {
      const ObservationStatus st = f.current->status;
      if (st != ObservationStatus::kDraft && st != ObservationStatus::kReturned) continue;
      Observation o = *f.current;
      o.status = ObservationStatus::kSubmitted;
      o.author = user.username;
      o.note.clear();
      o.recorded_at.clear();
      TRY(store.add_observation(o));
      TRY(audit_change(store, user, "observation.submit", form, f, f.current, o));
    }
    return Status::ok();
  }));
  return errors;
}

Result<std::vector<QueueItem>> verification_queue(Store& store, const Catalog& catalog,
                                                  const User& user) {
  std::vector<QueueItem> out;
  // Only a province's own people verify: its queue (values of the units it
  // answers for), newest first.
  if (is_central(user) || user.province_id == 0) return out;
  const int64_t province = user.province_id;
  std::map<std::string, std::map<std::string, std::vector<std::string>>>
      by_set;  // set -> measure -> departments
  for (Observation& o :
       TRY(store.observations_with_status(ObservationStatus::kSubmitted, province, 0, 2000))) {
    const auto unit = TRY(store.unit_version_at(o.unit_id, o.date));
    if (!unit) continue;
    const CriteriaSet* set = set_for(store, catalog, *unit, o.date);
    if (!set) continue;
    auto& measures = by_set[set->id];
    if (measures.empty()) measures = TRY(measure_departments(store, *set, province));
    const auto deps = measures.find(o.measure_id);
    const std::vector<std::string> departments =
        deps == measures.end() ? std::vector<std::string>{} : deps->second;
    if (!may_verify(user, province, departments)) continue;
    QueueItem item{o, *unit, nullptr, nullptr, departments};
    for (const Criterion& c : set->criteria)
      for (const Indicator& i : c.indicators)
        if (!item.indicator && i.measure == o.measure_id) {
          item.criterion = &c;
          item.indicator = &i;
        }
    for (const Observation& h : TRY(store.observation_history(o.unit_id, o.measure_id))) {
      // The verified view shows a period's last verified version even while
      // a correction waits: that is what this value would replace.
      if (h.status != ObservationStatus::kVerified || h.date > o.date || h.id == o.id) continue;
      if (!item.previous || h.date > item.previous->date ||
          (h.date == item.previous->date && h.id > item.previous->id))
        item.previous = h;
    }
    item.correction = item.previous && item.previous->date == o.date;
    if (item.indicator) {
      const std::string variant = TRY(variant_of(store, set->variant_key, *unit, o.date));
      item.judged = judge(*item.indicator, variant, o.date.year(), o.value);
    }
    out.push_back(std::move(item));
  }
  return out;
}

Status review_many(Store& store, const Catalog& catalog, const User& user,
                   const std::vector<int64_t>& observation_ids, bool accept,
                   const std::string& comment) {
  if (observation_ids.empty()) return Status::invalid("Chọn ít nhất một số liệu");
  return store.transaction([&]() -> Status {
    for (int64_t id : observation_ids) TRY(review(store, catalog, user, id, accept, comment));
    return Status::ok();
  });
}

Status review(Store& store, const Catalog& catalog, const User& user, int64_t observation_id,
              bool accept, const std::string& comment) {
  const auto o = TRY(store.observation_by_id(observation_id));
  if (!o || !o->current || o->status != ObservationStatus::kSubmitted) {
    return Status::not_found("không có số liệu đang chờ thẩm định này");
  }
  const auto unit = TRY(store.unit_version_at(o->unit_id, o->date));
  const CriteriaSet* set = unit ? set_for(store, catalog, *unit, o->date) : nullptr;
  if (!set) return Status::not_found("không có bộ tiêu chí áp dụng cho số liệu này");
  const int64_t province = TRY(store.province_of(o->unit_id));
  const auto deps = TRY(measure_departments(store, *set, province));
  const auto d = deps.find(o->measure_id);
  if (!may_verify(user, province, d == deps.end() ? std::vector<std::string>{} : d->second)) {
    return Status::forbidden("số liệu này không thuộc tiêu chí do đơn vị của bạn phụ trách");
  }
  if (!accept && trim(comment).empty())
    return Status::invalid("Nhập lý do trả lại để xã biết cần sửa gì");
  return store.transaction([&]() -> Status {
    Observation next = *o;
    next.status = accept ? ObservationStatus::kVerified : ObservationStatus::kReturned;
    next.author = user.username;
    next.note = std::string(trim(comment));
    next.recorded_at.clear();
    TRY(store.add_observation(next));
    return store.insert_audit({0, "", user.username,
                               accept ? "observation.verify" : "observation.return", o->unit_id,
                               o->measure_id + " @ " + o->date.iso(), "submitted",
                               observation_status_name(next.status), next.note});
  });
}

}  // namespace ntm
