#include "service/bulk_entry.h"

#include <algorithm>
#include <set>

#include "base/xlsx.h"

namespace ntm {

Result<BulkForm> bulk_form(Store& store, const Catalog& catalog, const std::string& parent_code,
                           Date period) {
  BulkForm b;
  b.parent = TRY(unit_on(store, parent_code, period));
  b.period = period;
  for (const UnitVersion& u :
       TRY(store.descendants_at(b.parent.unit_id, Level::kCommune, period))) {
    auto form = entry_form(store, catalog, u.code, period);
    if (!form.is_ok()) continue;  // no set applies (wards, towns)
    if (!b.set) b.set = form->set;
    b.forms.push_back(std::move(*form));
  }
  if (b.forms.empty()) return Status::not_found("không có xã nào để nhập dưới " + b.parent.name);
  return b;
}

std::vector<BulkChange> bulk_changes(const BulkForm& form, const FilledBulk& filled,
                                     std::vector<std::string>& errors) {
  std::vector<BulkChange> out;
  std::set<std::string> reported;  // each wrong or missing column once
  for (const auto& [unit, values] : filled.values) {
    const auto f = std::find_if(form.forms.begin(), form.forms.end(),
                                [&](const EntryForm& e) { return e.unit.code == unit; });
    if (f == form.forms.end()) {
      errors.push_back("xã mã " + unit + " không thuộc " + form.parent.name + " vào ngày " +
                       form.period.vi());
      continue;
    }
    // Ids as the file has them -> the form's (as LibreOffice reads them back too).
    std::map<std::string, std::string> ids;
    for (const EntryField& field : f->fields) {
      ids[field.measure->id] = field.measure->id;
      ids.emplace(as_libreoffice_reads(field.measure->id), field.measure->id);
    }
    std::map<std::string, std::string> typed;  // measure -> text
    std::map<std::string, std::string> cells;  // measure -> cell
    for (const auto& [m, text] : values) {
      const auto id = ids.find(m);
      if (id == ids.end()) {
        if (reported.insert("column|" + m).second) {
          const auto c = filled.columns.find(m);
          errors.push_back("ô " + (c == filled.columns.end() ? "?" : c->second) + ": mã chỉ số \"" +
                           m + "\" không có trong biểu của kỳ này (mã bị sửa?)");
        }
        continue;
      }
      typed[id->second] = text;
      const auto c = filled.cells.find(unit + "|" + m);
      cells[id->second] = c == filled.cells.end() ? "?" : c->second;
    }
    if (!filled.columns.empty()) {  // read from a file: every measure is a column
      for (const EntryField& field : f->fields) {
        const bool present = filled.columns.count(field.measure->id) ||
                             filled.columns.count(as_libreoffice_reads(field.measure->id));
        if (!present && reported.insert("missing|" + field.measure->id).second)
          errors.push_back("thiếu cột của chỉ số \"" + field.measure->id + "\" (" +
                           field.measure->name_vi + "); hãy tải biểu mẫu mới");
      }
    }
    std::vector<EntryChange> changes;
    for (const FieldError& e : check_entry(*f, typed, false, &changes))
      errors.push_back("ô " + cells[e.measure] + " (" + f->unit.name + ") — " + e.message);
    for (const auto& [field, value] : changes) {
      // A value carried forward by the template, untouched: not a report.
      if (!field->current && field->last && field->last->value == value) continue;
      out.push_back({&*f, field, value, typed.at(field->measure->id), cells[field->measure->id]});
    }
  }
  return out;
}

Result<std::vector<std::string>> save_bulk(Store& store, const BulkForm& form,
                                           const FilledBulk& filled, const User& user,
                                           ObservationStatus status) {
  std::vector<std::string> errors;
  const std::vector<BulkChange> changes = bulk_changes(form, filled, errors);
  if (!errors.empty()) return errors;
  // Exactly the changes the preview shows, grouped by commune.
  std::map<const EntryForm*, std::map<std::string, std::string>> by_form;
  for (const BulkChange& c : changes) by_form[c.form][c.field->measure->id] = c.text;
  TRY(store.transaction([&]() -> Status {
    for (const auto& [f, values] : by_form) {
      const auto inner = TRY(save_entry(store, *f, user, values, false, status));
      if (!inner.empty()) return Status::invalid(inner.front().message);
    }
    return Status::ok();
  }));
  return errors;
}

}  // namespace ntm
