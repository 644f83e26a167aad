// POST /api/v1/entry/queue  one item of a phone's offline entry queue
// (docs/offline.md): form fields key, unit, period, v.<measure> (the value as
// typed), n.<measure> (its note), b.<measure> (what the field held when the
// phone kept the page: the entry page's data-base), c.<measure> ("phone" or
// "server": the officer's choice in a conflict), files p.<measure> (a photo
// taken as the field's evidence, JPEG or PNG, 5 MB at most), action
// ("draft": kept as a draft; else submitted for verification); csrf or
// X-CSRF-Token. Sent as multipart/form-data.
// Answers 200 {"outcome": "stored" | "already_stored", "changed": n},
// 409 {"outcome": "conflict", "conflicts": [...]} or 422 {"outcome":
// "refused", "errors": [...]}: nothing is stored then.
#include <nlohmann/json.hpp>

#include "api/routes.h"
#include "service/offline_entry.h"

namespace ntm {

Response api_entry_queue(AppState& app, const Request& r) {
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return api_error(catalog.status());
  auto period = Date::parse_typed(r.field("period"));
  if (!period.is_ok())
    return api_error(Status::invalid("kỳ báo cáo: " + period.status().message()));
  auto form = entry_form(app.store(), **catalog, r.field("unit"), *period);
  if (!form.is_ok()) return api_error(form.status());
  QueuedEntry item{.key = r.field("key"), .draft = r.field("action") == "draft"};
  for (const auto& [k, v] : r.form) {
    if (k.size() < 3 || k[1] != '.') continue;
    const std::string measure = k.substr(2);
    if (k[0] == 'v') item.values[measure] = v;
    if (k[0] == 'n') item.notes[measure] = v;
    if (k[0] == 'b') item.base[measure] = v;
    if (k[0] == 'c') item.choice[measure] = v;
  }
  for (const auto& [name, file] : r.files)
    if (name.rfind("p.", 0) == 0) item.photos.push_back({name.substr(2), file.filename, file.data});
  auto result = apply_queued_entry(app.store(), *form, r.principal->first, item, app.evidence_dir);
  if (!result.is_ok()) return api_error(result.status());
  nlohmann::json j;
  using Outcome = QueuedEntryResult::Outcome;
  switch (result->outcome) {
    case Outcome::kStored:
    case Outcome::kAlreadyStored:
      j["outcome"] = result->outcome == Outcome::kStored ? "stored" : "already_stored";
      j["changed"] = result->changed;
      return Response::json(200, j.dump());
    case Outcome::kConflict:
      j["outcome"] = "conflict";
      j["conflicts"] = nlohmann::json::array();
      for (const EntryConflict& c : result->conflicts)
        j["conflicts"].push_back({{"measure", c.measure},
                                  {"label", c.label},
                                  {"base", c.base},
                                  {"server", c.server},
                                  {"phone", c.phone}});
      return Response::json(409, j.dump());
    case Outcome::kRefused:
      j["outcome"] = "refused";
      j["errors"] = nlohmann::json::array();
      for (const FieldError& e : result->errors)
        j["errors"].push_back({{"measure", e.measure}, {"message", e.message}});
      return Response::json(422, j.dump());
  }
  return api_error(Status::internal("unknown outcome"));
}

}  // namespace ntm
