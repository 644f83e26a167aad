// GET /entry, POST /entry — a commune officer's data entry for a period:
// every measure the set in force needs, grouped by criterion, prefilled with
// the last values; errors beside each field; nothing lost on error.
#include <algorithm>

#include "base/strings.h"
#include "reports/entry_template.h"
#include "service/evaluate.h"
#include "service/evidence.h"
#include "service/offline_entry.h"
#include "service/periods.h"
#include "service/workflow.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

// The commune this request enters data for: the officer's own, or ?unit= (or
// `file_unit`, the code an uploaded template names) for the office.
Result<std::string> unit_code(AppState& app, const Request& r, Date period,
                              const std::string& file_unit = "") {
  const User& u = r.principal->first;
  if (u.role == Role::kCommune) {
    const auto v = TRY(app.store().unit_version_at(u.unit_id, period));
    if (!v) return Status::not_found("xã của tài khoản không tồn tại vào ngày " + period.iso());
    return v->code;
  }
  const std::string code = !file_unit.empty()         ? file_unit
                           : !r.field("unit").empty() ? r.field("unit")
                                                      : r.arg("unit");
  if (code.empty()) return Status::invalid("thiếu mã xã (unit)");
  return code;
}

// The unit in the form's links: none for a commune officer (always their own).
std::string unit_param(const Request& r, const EntryForm& form) {
  return r.principal->first.role == Role::kCommune ? "" : form.unit.code;
}

// A link back to this form's period (and unit), with ?saved= when given.
std::string form_url(const Request& r, const EntryForm& form, const std::string& path,
                     const std::string& saved) {
  std::string url = path + "?period=" + form.period.iso();
  if (!saved.empty()) url += "&saved=" + saved;
  if (const std::string u = unit_param(r, form); !u.empty()) url += "&unit=" + url_encode(u);
  return url;
}

// "đã thẩm định" / "đang nhập 12/60" ... and "đang diễn ra" or "đã kết thúc".
std::string period_state_label(Lang lang, const PeriodStatus& s) {
  std::string out = tr(lang, std::string("period.") + period_state_name(s.state));
  if (s.state == PeriodState::kEntering || s.state == PeriodState::kSubmitted)
    out += " " + std::to_string(s.state == PeriodState::kEntering ? s.entered : s.verified) + "/" +
           std::to_string(s.total);
  return out + " · " + tr(lang, s.in_progress ? "period.in_progress" : "period.ended");
}

// The recent reporting periods with this commune's state in each, the
// form's period chosen (added when it is another date).
nlohmann::json period_choices(AppState& app, const PageContext& c, const EntryForm& form) {
  nlohmann::json out = nlohmann::json::array();
  const Date today = today_local();
  auto periods = recent_periods(app.store(), today, 6);
  auto catalog = app.catalog();
  if (!periods.is_ok() || !catalog.is_ok()) return out;
  if (std::find(periods->begin(), periods->end(), form.period) == periods->end())
    periods->push_back(form.period);
  for (Date end : *periods) {
    std::string label = format_date(c.lang, end);
    if (end == form.period) {
      label += " — " + period_state_label(c.lang, period_status(form, today));
    } else if (auto f = entry_form(app.store(), **catalog, form.unit.code, end); f.is_ok()) {
      label += " — " + period_state_label(c.lang, period_status(*f, today));
    }
    out.push_back({{"value", end.iso()}, {"label", label}, {"selected", end == form.period}});
  }
  return out;
}

Response render_entry(AppState& app, const Request& r, const EntryForm& form,
                      const std::map<std::string, std::string>& typed,
                      const std::vector<FieldError>& errors, const std::string& saved, int status) {
  const PageContext c = page_context(r);
  std::map<std::string, std::string> error_of;
  for (const FieldError& e : errors) error_of[e.measure] = e.message;
  nlohmann::json groups = nlohmann::json::array();
  const Criterion* current = nullptr;
  // The commune's threshold of each indicator for the period, beside its
  // field (and so on the phone with the kept page); unknown when unset.
  const auto variant = variant_of(app.store(), form.set->variant_key, form.unit, form.period);
  for (const EntryField& f : form.fields) {
    if (f.criterion != current) {
      current = f.criterion;
      groups.push_back({{"code", current->code},
                        {"name", name_of(c.lang, *current)},
                        {"department", current->department},
                        {"fields", nlohmann::json::array()}});
    }
    const std::string id = f.measure->id;
    std::string value;
    if (auto t = typed.find("v." + id); t != typed.end()) {
      value = t->second;  // what the user typed, even when wrong
    } else if (const auto v = f.current ? std::optional(f.current->value)
                              : f.last  ? std::optional(f.last->value)
                                        : std::nullopt) {
      // This period's value, else the last one carried forward to confirm or change.
      value =
          f.measure->type == MeasureType::kBoolean ? format_number(*v) : format_num(c.lang, *v, 2);
    }
    nlohmann::json field = {
        {"measure", id},
        {"indicator", f.indicator->code},
        {"label", name_of(c.lang, *f.measure)},
        {"unit", unit_label(c.lang, f.measure->unit)},
        {"boolean", f.measure->type == MeasureType::kBoolean},
        {"kind", measure_type_name(f.measure->type)},
        {"value", value},
        {"yes", value == "1"},
        {"no", value == "0"},
        {"error", error_of.count(id) ? error_of[id] : ""},
        {"last", f.last ? measure_value(c.lang, *f.measure, f.last->value) : ""},
        {"last_date", f.last ? format_date(c.lang, f.last->date) : ""},
        // What the field holds now: sent back with a value queued offline
        // (a change on the server since then is a conflict).
        {"base", base_token(f)}};
    if (variant.is_ok()) {
      const auto threshold = judge(*f.indicator, *variant, form.period.year(), 0).threshold;
      field["threshold"] = threshold ? threshold_label(c.lang, threshold, *f.indicator)
                                     : tr(c.lang, "reassess.unknown");
    }
    nlohmann::json evidence = nlohmann::json::array();
    if (auto files = app.store().evidence_for(form.unit.unit_id, id, form.period.iso());
        files.is_ok()) {
      for (const Evidence& e : *files) {
        evidence.push_back(
            {{"name", e.original_name}, {"href", "/evidence/" + std::to_string(e.id)}});
      }
    }
    field["evidence"] = evidence;
    if (f.current) {
      const char* st = observation_status_name(f.current->status);
      field["state"] = tr(c.lang, std::string("obs.") + st);
      field["state_class"] = st;
      field["note"] = f.current->note;
    }
    groups.back()["fields"].push_back(field);
  }
  nlohmann::json errs = nlohmann::json::array();
  for (const FieldError& e : errors)
    errs.push_back({{"measure", e.measure}, {"message", e.message}});
  const PeriodStatus status_now = period_status(form, today_local());
  nlohmann::json v = {{"page_title", tr(c.lang, "entry.title")},
                      {"periods", period_choices(app, c, form)},
                      {"period_state", period_state_label(c.lang, status_now)},
                      {"period_state_class", period_state_name(status_now.state)},
                      {"period_verified", status_now.state == PeriodState::kVerified},
                      {"unit_name", form.unit.name},
                      {"unit_code", form.unit.code},
                      {"period", form.period.iso()},
                      {"period_shown", format_date(c.lang, form.period)},
                      {"set_name", name_of(c.lang, *form.set)},
                      {"illustrative", form.set->illustrative},
                      {"groups", groups},
                      {"errors", errs},
                      {"saved", saved},
                      {"unit_param", unit_param(r, form)}};
  // The size phones resize evidence photos to (offline.js).
  const auto px = photo_max_px(app.store());
  v["photo_px"] = px.is_ok() ? *px : kDefaultPhotoMaxPx;
  return render_page(app, c, "entry", v, status);
}

Result<EntryForm> load_form(AppState& app, const Request& r, const std::string& period_text,
                            const std::string& file_unit = "") {
  const Catalog* catalog = TRY(app.catalog());
  Date period;
  if (!period_text.empty()) {
    auto p = Date::parse_typed(period_text);
    if (!p.is_ok()) return Status::invalid("kỳ báo cáo: " + p.status().message());
    period = *p;
  } else {
    const Date today = today_local();
    period = TRY(entry_default_period(app.store(), *catalog,
                                      TRY(unit_code(app, r, today, file_unit)), today));
  }
  const std::string code = TRY(unit_code(app, r, period, file_unit));
  EntryForm form = TRY(entry_form(app.store(), *catalog, code, period));
  if (!TRY(may_enter(app.store(), r.principal->first, form.unit.unit_id))) {
    return Status::forbidden("không có quyền nhập số liệu cho " + form.unit.name);
  }
  return form;
}

}  // namespace

Response entry_page(AppState& app, const Request& r) {
  auto form = load_form(app, r, r.arg("period"));
  if (!form.is_ok()) return error_page(app, page_context(r), form.status());
  const Lang lang = page_context(r).lang;
  const std::string saved = r.arg("saved") == "draft"    ? tr(lang, "entry.saved_draft")
                            : r.arg("saved") == "submit" ? tr(lang, "entry.saved_submit")
                                                         : "";
  return render_entry(app, r, *form, {}, {}, saved, 200);
}

Response entry_submit(AppState& app, const Request& r) {
  auto form = load_form(app, r, r.field("period"));
  if (!form.is_ok()) return error_page(app, page_context(r), form.status());
  std::map<std::string, std::string> values, notes;
  for (const auto& [k, v] : r.form) {
    if (k.rfind("v.", 0) == 0) values[k.substr(2)] = v;
    if (k.rfind("n.", 0) == 0) notes[k.substr(2)] = v;
  }
  const bool review = r.field("action") == "review";
  // Files are checked first, so a bad file stores nothing at all.
  std::vector<FieldError> file_errors;
  std::vector<std::pair<std::string, const UploadedFile*>> uploads;
  for (const auto& [name, file] : r.files) {
    if (name.rfind("f.", 0) != 0 || file.data.empty()) continue;
    const std::string measure = name.substr(2);
    if (auto problem = evidence_file_problem(*form, measure, file.filename, file.data, false))
      file_errors.push_back(std::move(*problem));
    else
      uploads.push_back({measure, &file});
  }
  if (!file_errors.empty()) return render_entry(app, r, *form, r.form, file_errors, "", 400);
  auto errors = save_entry(app.store(), *form, r.principal->first, values, review,
                           ObservationStatus::kDraft, notes);
  if (!errors.is_ok()) return error_page(app, page_context(r), errors.status());
  if (!errors->empty()) return render_entry(app, r, *form, r.form, *errors, "", 400);
  for (const auto& [measure, file] : uploads) {
    auto added = add_evidence(app.store(), app.evidence_dir, r.principal->first, form->unit,
                              measure, form->period, file->filename, file->data);
    if (!added.is_ok()) return error_page(app, page_context(r), added.status());
  }
  return Response::redirect(review ? form_url(r, *form, "/entry/check", "")
                                   : form_url(r, *form, "/entry", "draft"));
}

Response entry_check_page(AppState& app, const Request& r) {
  auto form = load_form(app, r, r.arg("period"));
  if (!form.is_ok()) return error_page(app, page_context(r), form.status());
  const PageContext c = page_context(r);
  nlohmann::json rows = nlohmann::json::array();
  int changed = 0, missing = 0;
  for (const EntryField& f : form->fields) {
    const bool is_changed = f.current && (!f.last || f.last->value != f.current->value);
    changed += is_changed;
    missing += !f.current;
    nlohmann::json row = {
        {"measure", f.measure->id},
        {"criterion", f.criterion->code},
        {"indicator", f.indicator->code},
        {"label", name_of(c.lang, *f.measure)},
        {"unit", unit_label(c.lang, f.measure->unit)},
        {"last", f.last ? measure_value(c.lang, *f.measure, f.last->value) : ""},
        {"last_date", f.last ? format_date(c.lang, f.last->date) : ""},
        {"value", f.current ? measure_value(c.lang, *f.measure, f.current->value) : ""},
        {"changed", is_changed}};
    if (f.verified && f.current && f.verified->value != f.current->value)
      row["corrects"] = measure_value(c.lang, *f.measure, f.verified->value);
    if (f.current) {
      const char* st = observation_status_name(f.current->status);
      row["state"] = tr(c.lang, std::string("obs.") + st);
      row["state_class"] = st;
    }
    rows.push_back(row);
  }
  nlohmann::json v = {{"page_title", tr(c.lang, "entry.check_title")},
                      {"unit_name", form->unit.name},
                      {"period", form->period.iso()},
                      {"period_shown", format_date(c.lang, form->period)},
                      {"set_name", name_of(c.lang, *form->set)},
                      {"rows", rows},
                      {"changed", format_num(c.lang, changed, 0)},
                      {"total", format_num(c.lang, static_cast<double>(rows.size()), 0)},
                      {"missing", missing > 0 ? format_num(c.lang, missing, 0) : ""},
                      {"back", form_url(r, *form, "/entry", "")},
                      {"unit_param", unit_param(r, *form)}};
  return render_page(app, c, "entry_check", v, 200);
}

Response entry_confirm(AppState& app, const Request& r) {
  auto form = load_form(app, r, r.field("period"));
  if (!form.is_ok()) return error_page(app, page_context(r), form.status());
  auto errors = submit_entry(app.store(), *form, r.principal->first);
  if (!errors.is_ok()) return error_page(app, page_context(r), errors.status());
  if (!errors->empty()) return render_entry(app, r, *form, {}, *errors, "", 400);
  return Response::redirect(form_url(r, *form, "/entry", "submit"));
}

Response entry_template_download(AppState& app, const Request& r) {
  auto form = load_form(app, r, r.arg("period"));
  if (!form.is_ok()) return error_page(app, page_context(r), form.status());
  const bool csv = r.arg("format") == "csv";
  auto bytes = csv ? Result<std::string>(entry_template_csv(*form))
                   : entry_template_xlsx(*form, today_local());
  if (!bytes.is_ok()) return error_page(app, page_context(r), bytes.status());
  return download(*bytes, csv ? "csv" : "xlsx",
                  "bieu-nhap-" + form->unit.code + "-" + form->period.iso());
}

// POST /entry/upload: reads a filled template and shows old -> new for every
// indicator with each cell's error; nothing is stored until the officer
// applies it (POST /entry, action=review, then the check page).
Response entry_upload(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  std::string name;
  const UploadedFile* file = uploaded_file(r, &name);
  if (!file) return error_page(app, c, Status::invalid("Chọn tệp Excel (.xlsx) đã điền"));
  auto filled = read_entry_template(file->data, name);
  if (!filled.is_ok()) return error_page(app, c, filled.status());
  auto form = load_form(app, r, filled->period.iso(), filled->unit_code);
  if (!form.is_ok()) return error_page(app, c, form.status());
  if (form->unit.code != filled->unit_code) {
    return error_page(app, c,
                      Status::forbidden(name + " là biểu của đơn vị mã " + filled->unit_code +
                                        ", không phải " + form->unit.name));
  }
  std::vector<EntryChange> changes;
  const std::vector<std::string> id_errors = match_template_ids(*form, *filled, name);
  std::vector<FieldError> errors =
      check_entry(*form, filled->values, false, &changes, filled->notes);
  for (FieldError& e : errors) e.message = "ô " + filled->cells[e.measure] + " — " + e.message;
  for (const std::string& e : id_errors) errors.push_back({"", e});
  nlohmann::json rows = nlohmann::json::array(), hidden = nlohmann::json::array();
  for (const EntryField& f : form->fields) {
    const auto typed = filled->values.find(f.measure->id);
    const auto change = std::find_if(changes.begin(), changes.end(),
                                     [&](const EntryChange& ch) { return ch.first == &f; });
    const std::optional<double> before = f.current ? std::optional(f.current->value)
                                         : f.last  ? std::optional(f.last->value)
                                                   : std::nullopt;
    rows.push_back(
        {{"measure", f.measure->id},
         {"indicator", f.indicator->code},
         {"label", name_of(c.lang, *f.measure)},
         {"old", before ? measure_value(c.lang, *f.measure, *before) : ""},
         {"new", change != changes.end()         ? measure_value(c.lang, *f.measure, change->second)
                 : typed != filled->values.end() ? typed->second
                                                 : ""},
         {"cell", filled->cells[f.measure->id]},
         {"note", filled->notes.count(f.measure->id) ? filled->notes.at(f.measure->id) : ""},
         {"changed", change != changes.end() && (!before || *before != change->second)}});
    if (typed != filled->values.end() && !typed->second.empty())
      hidden.push_back({{"name", "v." + f.measure->id}, {"value", typed->second}});
    if (const auto n = filled->notes.find(f.measure->id); n != filled->notes.end())
      hidden.push_back({{"name", "n." + f.measure->id}, {"value", n->second}});
  }
  nlohmann::json errs = nlohmann::json::array();
  for (const FieldError& e : errors) errs.push_back({{"message", e.message}});
  int changed = 0;
  for (const auto& row : rows) changed += row["changed"].get<bool>();
  nlohmann::json v = {{"page_title", tr(c.lang, "upload.title")},
                      {"file", name},
                      {"unit_name", form->unit.name},
                      {"period", form->period.iso()},
                      {"period_shown", format_date(c.lang, form->period)},
                      {"rows", rows},
                      {"hidden", hidden},
                      {"errors", errs},
                      {"changed", std::to_string(changed)},
                      {"back", form_url(r, *form, "/entry", "")},
                      {"unit_param", unit_param(r, *form)}};
  return render_page(app, c, "entry_upload", v, errors.empty() ? 200 : 400);
}

}  // namespace ntm
