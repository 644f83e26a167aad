// GET /work, POST /work — work items (phần việc): list and board views
// filtered by owner, unit, criterion and status (the user's own first); the
// office adds items. GET /work/:id, POST /work/:id — one item; its owner
// (or the office) reports status, progress, spending and a note.
#include "base/strings.h"
#include "service/coordination.h"
#include "service/evidence.h"
#include "service/scope.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {

namespace {

nlohmann::json item_view(const PageContext& c, Store& store, const OwnerNames& owners,
                         const WorkItem& w) {
  const auto unit = store.unit_version_at(w.unit_id, std::min(c.opts.at, w.due));
  std::string unit_name = unit.is_ok() && *unit ? (**unit).name : "";
  if (unit_name.empty()) {
    if (auto u = store.unit_version_at(w.unit_id, w.start); u.is_ok() && *u) unit_name = (**u).name;
  }
  // The office owns everything; "mine" marks what a department, sponsor or commune answers for.
  const bool mine =
      c.principal && c.principal->first.role != Role::kAdmin && owns(c.principal->first, w);
  return {{"id", w.id},
          {"href", "/work/" + std::to_string(w.id)},
          {"title", w.title},
          {"unit", unit_name},
          {"criterion", w.criterion},
          {"owner", owners(c.lang, owner_key(w.owner_kind, w.owner_code))},
          {"start", format_date(c.lang, w.start)},
          {"due", format_date(c.lang, w.due)},
          {"status", tr(c.lang, std::string("work.") + work_status_name(w.status))},
          {"status_code", work_status_name(w.status)},
          {"progress", w.progress},
          {"step", meter_step(w.progress / 100.0)},
          {"budget", format_vnd(c.lang, w.budget)},
          {"spent", format_vnd(c.lang, w.spent)},
          {"note", w.note},
          {"overdue", w.overdue(c.opts.at)},
          {"mine", mine}};
}

// Owners to choose from: the province's departments and sponsors, the commune itself.
nlohmann::json owner_options(AppState& app, const PageContext& c, const std::string& selected,
                             int64_t province) {
  nlohmann::json out = nlohmann::json::array();
  auto add = [&](const std::string& key, const std::string& label) {
    out.push_back({{"value", key}, {"label", label}, {"selected", key == selected}});
  };
  add("commune", tr(c.lang, "work.owner_commune"));
  if (auto deps = app.store().departments(province); deps.is_ok())
    for (const auto& [code, name] : *deps) add("department:" + code, name + " (" + code + ")");
  if (auto sps = app.store().sponsors(); sps.is_ok())
    for (const Sponsor& s : *sps)
      if (s.province_id == province) add("sponsor:" + s.code, s.name + " (" + s.code + ")");
  return out;
}

}  // namespace

Response work_list_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const User& me = r.principal->first;
  WorkFilter f{r.arg("owner"), 0, r.arg("criterion"), r.arg("status")};
  if (!r.arg("unit").empty()) {
    auto unit = app.store().unit_at(r.arg("unit"), c.opts.at);
    if (!unit.is_ok() || !*unit) {
      return error_page(app, c, Status::not_found("không có đơn vị mã \"" + r.arg("unit") + "\""));
    }
    f.unit_id = (**unit).unit_id;
  }
  auto items = work_items_for(app.store(), me, f, c.opts.at);
  if (!items.is_ok()) return error_page(app, c, items.status());
  nlohmann::json list = nlohmann::json::array();
  std::map<std::string, nlohmann::json> columns;
  int overdue = 0;
  const OwnerNames owners(app.store(), me.province_id);
  for (const WorkItem& w : *items) {
    nlohmann::json iv = item_view(c, app.store(), owners, w);
    overdue += w.overdue(c.opts.at);
    columns[work_status_name(w.status)].push_back(iv);
    list.push_back(std::move(iv));
  }
  nlohmann::json board = nlohmann::json::array();
  for (WorkStatus s :
       {WorkStatus::kPlanned, WorkStatus::kInProgress, WorkStatus::kDone, WorkStatus::kCancelled}) {
    const std::string code = work_status_name(s);
    board.push_back({{"name", tr(c.lang, "work." + code)},
                     {"cards", columns.count(code) ? columns[code] : nlohmann::json::array()}});
  }
  nlohmann::json statuses = nlohmann::json::array();
  for (const char* s : {"planned", "in_progress", "done", "cancelled", "overdue"}) {
    statuses.push_back({{"value", s},
                        {"label", tr(c.lang, std::string("work.") + s)},
                        {"selected", r.arg("status") == s}});
  }
  nlohmann::json v = {{"page_title", tr(c.lang, "work.title")},
                      {"items", list},
                      {"board", board},
                      {"board_view", r.arg("view") == "board"},
                      {"count", list.size()},
                      {"overdue_count", overdue},
                      {"owners", owner_options(app, c, r.arg("owner"), me.province_id)},
                      {"statuses", statuses},
                      {"unit_value", r.arg("unit")},
                      {"criterion_value", r.arg("criterion")},
                      {"at", c.opts.at.iso()},
                      {"is_admin", me.role == Role::kAdmin && me.province_id != 0},
                      {"new_owners", owner_options(app, c, "", me.province_id)},
                      {"error", shown_error(r)},
                      {"today_iso", today_local().iso()}};
  std::string board_href = "/work?view=board";
  for (const char* k : {"owner", "unit", "criterion", "status"})
    if (!r.arg(k).empty()) board_href += std::string("&") + k + "=" + url_encode(r.arg(k));
  v["board_href"] = board_href;
  v["list_href"] = "/work" + (board_href.size() > 16 ? "?" + board_href.substr(16) : "");
  return render_page(app, c, "work_list", v);
}

Response work_create(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  auto fail = [&](const Status& s) {
    return Response::redirect("/work?" + error_query(r, s.message()));
  };
  WorkItem w;
  w.title = std::string(trim(r.field("title")));
  auto start = Date::parse_typed(r.field("start"));
  auto due = Date::parse_typed(r.field("due"));
  if (!start.is_ok()) return fail(Status::invalid("ngày bắt đầu: " + start.status().message()));
  if (!due.is_ok()) return fail(Status::invalid("hạn hoàn thành: " + due.status().message()));
  w.start = *start;
  w.due = *due;
  auto unit = app.store().unit_at(std::string(trim(r.field("unit"))), w.start);
  if (!unit.is_ok() || !*unit) {
    return fail(Status::invalid("không có đơn vị mã \"" + r.field("unit") + "\" vào ngày bắt đầu"));
  }
  w.unit_id = (**unit).unit_id;
  w.criterion = std::string(trim(r.field("criterion")));
  if (!w.criterion.empty()) {
    auto catalog = app.catalog();
    auto series = default_series(app.store());
    const CriteriaSet* set = catalog.is_ok() && series.is_ok()
                                 ? (*catalog)->in_force(*series, w.due, (**unit).level,
                                                        province_or_zero(app.store(), w.unit_id))
                                 : nullptr;
    if (set) w.set_id = set->id;
  }
  const std::string owner = r.field("owner");
  const size_t colon = owner.find(':');
  const auto kind = parse_owner_kind(owner.substr(0, colon));
  if (!kind) return fail(Status::invalid("chọn đơn vị chủ trì"));
  w.owner_kind = *kind;
  w.owner_code = colon == std::string::npos ? "" : owner.substr(colon + 1);
  auto budget = parse_vnd(r.field("budget"), "kinh phí");
  if (!budget.is_ok()) return fail(budget.status());
  w.budget = *budget;
  w.note = std::string(trim(r.field("note")));
  auto id = create_work_item(app.store(), r.principal->first, w);
  if (!id.is_ok()) {
    return id.status().code() == ErrorCode::kInvalidArgument ? fail(id.status())
                                                             : error_page(app, c, id.status());
  }
  return Response::redirect("/work/" + std::to_string(*id) + "?saved=1");
}

Response work_item_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const auto id = parse_id(r.arg("id"));
  auto w = id ? app.store().work_item(*id) : Result<std::optional<WorkItem>>(std::nullopt);
  if (!w.is_ok()) return error_page(app, c, w.status());
  if (!*w) return error_page(app, c, Status::not_found("không có phần việc " + r.arg("id")));
  const User& me = r.principal->first;
  auto visible = may_see_work_item(app.store(), me, **w, c.opts.at);
  if (!visible.is_ok() || !*visible) {
    return error_page(app, c, Status::forbidden("phần việc này không thuộc phạm vi của bạn"));
  }
  nlohmann::json v = item_view(c, app.store(), OwnerNames(app.store(), (**w).province_id), **w);
  v["page_title"] = (**w).title;
  v["may_update"] = owns(me, **w);
  nlohmann::json statuses = nlohmann::json::array();
  for (WorkStatus s :
       {WorkStatus::kPlanned, WorkStatus::kInProgress, WorkStatus::kDone, WorkStatus::kCancelled}) {
    statuses.push_back({{"value", work_status_name(s)},
                        {"label", tr(c.lang, std::string("work.") + work_status_name(s))},
                        {"selected", s == (**w).status}});
  }
  v["statuses"] = statuses;
  v["spent_value"] = std::to_string((**w).spent);
  v["saved"] = !r.arg("saved").empty();
  v["error"] = shown_error(r);
  nlohmann::json history = nlohmann::json::array();
  if (auto log = app.store().audit((**w).unit_id, "", "", 200, "work:" + std::to_string((**w).id));
      log.is_ok()) {
    for (const AuditEntry& e : *log) {
      if (e.subject != "work:" + std::to_string((**w).id)) continue;
      history.push_back({{"at", format_timestamp(c.lang, e.at)},
                         {"actor", e.actor},
                         {"old", e.old_value},
                         {"new", e.new_value},
                         {"reason", e.reason}});
    }
  }
  v["history"] = history;
  nlohmann::json files = nlohmann::json::array();
  if (auto list = app.store().work_item_files((**w).id); list.is_ok()) {
    for (const WorkItemFile& f : *list)
      files.push_back({{"name", f.original_name}, {"href", "/work-files/" + std::to_string(f.id)}});
  }
  v["files"] = files;
  return render_page(app, c, "work_item", v);
}

Response work_update(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const auto id = parse_id(r.arg("id"));
  if (!id) return error_page(app, c, Status::not_found("không có phần việc " + r.arg("id")));
  const std::string back = "/work/" + std::to_string(*id);
  const auto status = parse_work_status(r.field("status"));
  const auto progress = parse_int(r.field("progress").empty() ? "0" : r.field("progress"), 0, 100);
  auto spent = parse_vnd(r.field("spent"), "đã chi");
  Status s = !status     ? Status::invalid("chọn trạng thái")
             : !progress ? Status::invalid("tiến độ: nhập số từ 0 đến 100")
             : !spent.is_ok()
                 ? spent.status()
                 : update_work_progress(app.store(), r.principal->first, *id, *status,
                                        static_cast<int>(*progress), *spent, r.field("note"));
  if (s.code() == ErrorCode::kInvalidArgument) {
    return Response::redirect(back + "?" + error_query(r, s.message()));
  }
  if (!s.is_ok()) return error_page(app, c, s);
  return Response::redirect(back + "?saved=1");
}

Response work_file_upload(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const auto id = parse_id(r.arg("id"));
  if (!id) return error_page(app, c, Status::not_found("không có phần việc " + r.arg("id")));
  const std::string back = "/work/" + std::to_string(*id);
  const auto file = r.files.find("file");
  if (file == r.files.end() || file->second.data.empty()) {
    return Response::redirect(back + "?" + error_query(r, "Chọn tệp cần đính kèm"));
  }
  auto added = add_work_file(app.store(), app.evidence_dir, r.principal->first, *id,
                             file->second.filename, file->second.data);
  if (added.status().code() == ErrorCode::kInvalidArgument) {
    return Response::redirect(back + "?" + error_query(r, added.status().message()));
  }
  if (!added.is_ok()) return error_page(app, c, added.status());
  return Response::redirect(back + "?saved=1");
}

Response work_file(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const Status hidden = Status::not_found("không có tệp này");
  const auto id = parse_id(r.arg("id"));
  auto f = id ? app.store().work_item_file(*id) : Result<std::optional<WorkItemFile>>(std::nullopt);
  if (!f.is_ok() || !*f) return error_page(app, c, hidden);
  auto w = app.store().work_item((**f).work_item_id);
  if (!w.is_ok() || !*w) return error_page(app, c, hidden);
  auto allowed = may_see_work_item(app.store(), r.principal->first, **w, today_local());
  if (!allowed.is_ok() || !*allowed) {
    return error_page(app, c, Status::forbidden("không có quyền xem tệp này"));
  }
  return private_file(app, c, evidence_path(app.evidence_dir, (**f).file_name), (**f).content_type,
                      "phan-viec-" + std::to_string((**w).id));
}

}  // namespace ntm
