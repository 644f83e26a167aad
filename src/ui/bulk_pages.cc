// The office's bulk entry: GET /entry/bulk?parent=&period=&format=xlsx|csv
// downloads one row per commune; POST /entry/bulk (multipart) shows every
// change (commune, indicator, old -> new) and every error by cell, storing
// nothing; POST /entry/bulk/apply stores them as submitted values, all or
// nothing, audited.
#include <algorithm>

#include "base/strings.h"
#include "reports/bulk_template.h"
#include "service/scope.h"
#include "ui/page.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

// The form of a unit of the office's own province (another's: refused before
// anything of it is read out).
Result<BulkForm> load(AppState& app, const Request& r, const std::string& parent,
                      const std::string& period) {
  const Date at = TRY(Date::parse_typed(period));
  const Catalog* catalog = TRY(app.catalog());
  const auto unit = TRY(app.store().unit_at(parent, at));
  if (!unit) return Status::not_found("không có đơn vị mã \"" + parent + "\" vào ngày " + at.vi());
  TRY(require_office_for_unit(app.store(), r.principal->first, unit->unit_id, "nhập số liệu"));
  return bulk_form(app.store(), *catalog, parent, at);
}

}  // namespace

Response bulk_template_download(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto form = load(app, r, r.arg("parent"), r.arg("period", c.opts.at.iso()));
  if (!form.is_ok()) return error_page(app, c, form.status());
  const bool csv = r.arg("format") == "csv";
  auto bytes = csv ? Result<std::string>(bulk_template_csv(*form))
                   : bulk_template_xlsx(*form, today_local());
  if (!bytes.is_ok()) return error_page(app, c, bytes.status());
  return download(*bytes, csv ? "csv" : "xlsx",
                  "bieu-tong-hop-" + form->parent.code + "-" + form->period.iso());
}

Response bulk_upload(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  std::string name;
  const UploadedFile* file = uploaded_file(r, &name);
  if (!file) return error_page(app, c, Status::invalid("Chọn tệp biểu tổng hợp (.xlsx hoặc .csv)"));
  auto filled = read_bulk_template(file->data, name);
  if (!filled.is_ok()) return error_page(app, c, filled.status());
  auto form = load(app, r, filled->parent_code, filled->period.iso());
  if (!form.is_ok()) return error_page(app, c, form.status());
  std::vector<std::string> errors;
  nlohmann::json changes = nlohmann::json::array(), hidden = nlohmann::json::array();
  for (const BulkChange& ch : bulk_changes(*form, *filled, errors)) {
    const EntryField& field = *ch.field;
    const std::optional<double> before = field.current ? std::optional(field.current->value)
                                         : field.last  ? std::optional(field.last->value)
                                                       : std::nullopt;
    changes.push_back({{"unit", ch.form->unit.name},
                       {"indicator", field.indicator->code + " " + name_of(c.lang, *field.measure)},
                       {"old", before ? measure_value(c.lang, *field.measure, *before) : ""},
                       {"new", measure_value(c.lang, *field.measure, ch.value)},
                       {"cell", ch.cell}});
    // What is applied is exactly what is shown.
    hidden.push_back(
        {{"name", "b." + ch.form->unit.code + "." + field.measure->id}, {"value", ch.text}});
  }
  nlohmann::json errs = nlohmann::json::array();
  for (const std::string& e : errors) errs.push_back(e);
  nlohmann::json v = {{"page_title", tr(c.lang, "bulk.title")},
                      {"file", name},
                      {"parent", form->parent.name},
                      {"parent_code", form->parent.code},
                      {"period", form->period.iso()},
                      {"period_shown", format_date(c.lang, form->period)},
                      {"communes", std::to_string(filled->values.size())},
                      {"changes", changes},
                      {"change_count", std::to_string(changes.size())},
                      {"hidden", hidden},
                      {"errors", errs}};
  return render_page(app, c, "bulk_upload", v, errors.empty() ? 200 : 400);
}

Response bulk_apply(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto form = load(app, r, r.field("parent"), r.field("period"));
  if (!form.is_ok()) return error_page(app, c, form.status());
  FilledBulk filled{form->parent.code, form->period, {}, {}, {}};
  for (const auto& [key, value] : r.form) {
    if (key.rfind("b.", 0) != 0) continue;
    const size_t dot = key.find('.', 2);
    if (dot == std::string::npos) continue;
    filled.values[key.substr(2, dot - 2)][key.substr(dot + 1)] = value;
  }
  auto errors =
      save_bulk(app.store(), *form, filled, r.principal->first, ObservationStatus::kSubmitted);
  if (!errors.is_ok()) return error_page(app, c, errors.status());
  if (!errors->empty()) return error_page(app, c, Status::invalid(errors->front()));
  return Response::redirect("/dashboard/" + url_encode(form->parent.code) +
                            "?at=" + form->period.iso());
}

}  // namespace ntm
