#include "service/bulk_entry.h"

#include <algorithm>
#include <set>

#include "base/xlsx.h"

namespace ntm {

Result<BulkForm> bulk_form(Store& store, const Catalog& catalog, const std::string& parent_code,
                           Date period) {
  BulkForm b;
  const auto parent = TRY(store.unit_at(parent_code, period));
  if (!parent)
    return Status::not_found("không có đơn vị mã \"" + parent_code + "\" vào ngày " + period.iso());
  b.parent = *parent;
  b.period = period;
  for (const UnitVersion& u : TRY(store.descendants_at(parent->unit_id, Level::kCommune, period))) {
    auto form = entry_form(store, catalog, u.code, period);
    if (!form.is_ok()) continue;  // no set applies (wards, towns)
    if (!b.set) b.set = form->set;
    b.forms.push_back(std::move(*form));
  }
  if (b.forms.empty()) return Status::not_found("không có xã nào để nhập dưới " + parent->name);
  return b;
}

Result<std::vector<std::string>> save_bulk(Store& store, const BulkForm& form,
                                           const FilledBulk& filled, const User& user,
                                           ObservationStatus status) {
  std::vector<std::string> errors;
  // Ids as the file has them -> the form's (as LibreOffice reads them back
  // too); every column must be a measure and every measure a column.
  std::map<std::string, std::map<std::string, std::string>> matched;
  std::set<std::string> reported;
  for (const auto& [unit, values] : filled.values) {
    const auto f = std::find_if(form.forms.begin(), form.forms.end(),
                                [&](const EntryForm& e) { return e.unit.code == unit; });
    if (f == form.forms.end()) continue;  // named below
    std::map<std::string, std::string> ids;
    for (const EntryField& field : f->fields) {
      ids[field.measure->id] = field.measure->id;
      ids.emplace(as_libreoffice_reads(field.measure->id), field.measure->id);
    }
    auto& out = matched[unit];
    for (const auto& [m, text] : values) {
      const auto id = ids.find(m);
      if (id != ids.end()) {
        out[id->second] = text;
      } else if (reported.insert("column|" + m).second) {
        const auto c = filled.columns.find(m);
        errors.push_back("ô " + (c == filled.columns.end() ? "?" : c->second) +
                         ": mã chỉ số \"" + m + "\" không có trong biểu của kỳ này (mã bị sửa?)");
      }
    }
    for (const EntryField& field : f->fields) {
      if (!out.count(field.measure->id) && reported.insert("missing|" + field.measure->id).second)
        errors.push_back("thiếu cột của chỉ số \"" + field.measure->id + "\" (" +
                         field.measure->name_vi + "); hãy tải biểu mẫu mới");
    }
  }
  std::vector<std::pair<const EntryForm*, const std::map<std::string, std::string>*>> work;
  for (const auto& [unit, unmatched] : filled.values) {
    const auto& values = matched.count(unit) ? matched.at(unit) : unmatched;
    const auto f = std::find_if(form.forms.begin(), form.forms.end(),
                                [&](const EntryForm& e) { return e.unit.code == unit; });
    if (f == form.forms.end()) {
      errors.push_back("xã mã " + unit + " không thuộc " + form.parent.name + " vào ngày " +
                       form.period.vi());
      continue;
    }
    for (const FieldError& e : check_entry(*f, values, false)) {
      const auto c = filled.cells.find(unit + "|" + e.measure);
      errors.push_back("ô " + (c != filled.cells.end() ? c->second : "?") + " (" + f->unit.name +
                       ") — " + e.message);
    }
    work.push_back({&*f, &values});
  }
  if (!errors.empty()) return errors;
  TRY(store.transaction([&]() -> Status {
    for (const auto& [f, values] : work) {
      const auto inner = TRY(save_entry(store, *f, user, *values, false, status));
      if (!inner.empty()) return Status::invalid(inner.front().message);
    }
    return Status::ok();
  }));
  return errors;
}

}  // namespace ntm
