#include "http/app_state.h"

#include <chrono>
#include <cstdint>
#include <iostream>

#include "base/strings.h"

namespace ntm {

AppState::AppState(std::shared_ptr<Store> store, std::shared_ptr<Store> replica) {
  primary_.store = std::move(store);
  replica_.store = std::move(replica);
}

namespace {
int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

// Whether the standby has replayed up to `position`; false when it cannot
// be asked (then it is left alone for 10 s: reads go to the primary).
bool AppState::replica_has(int64_t position) {
  if (!replica_.store || now_ms() < replica_retry_ms_) return false;
  const auto at = replica_.store->wal_position();
  if (!at.is_ok()) {
    std::cerr << "ntm: read-db: " << at.status().message() << std::endl;
    replica_retry_ms_ = now_ms() + 10000;
    return false;
  }
  return *at >= position;
}

void AppState::begin_request(const Request& r) {
  in_request_ = true;
  primary_.checked = replica_.checked = false;
  current_ = &primary_;
  if (!replica_.store || (r.method != "GET" && r.method != "HEAD")) return;
  const auto written = parse_int(r.cookie(kWrittenCookie), 0, INT64_MAX);
  if (replica_has(written.value_or(0))) current_ = &replica_;
}

void AppState::end_request(const Request& r, Response& res) {
  if (has_replica()) res.headers.push_back({"X-Ntm-Read", on_replica() ? "standby" : "primary"});
  if (!has_replica() || r.method == "GET" || r.method == "HEAD") return;
  const auto at = primary_.store->wal_position();
  if (!at.is_ok()) return;
  // Long enough for any standby that keeps up; a lagging one is bypassed.
  res.headers.push_back({"Set-Cookie", std::string(kWrittenCookie) + "=" + std::to_string(*at) +
                                           "; Path=/; Max-Age=600; HttpOnly; SameSite=Lax" +
                                           (secure_cookies ? "; Secure" : "")});
}

Result<int64_t> AppState::read_version() {
  if (replica_.store && now_ms() >= replica_retry_ms_) {
    auto v = replica_.store->data_version();
    if (v.is_ok()) return v;
  }
  return primary_.store->data_version();
}

Status AppState::refresh() {
  Source& src = *current_;
  if (src.checked && src.catalog) return Status::ok();
  const int64_t v = TRY(src.store->data_version());
  src.checked = in_request_;
  if (v == src.version && src.catalog) return Status::ok();
  src.catalog = std::make_unique<Catalog>(TRY(Catalog::load(*src.store)));
  src.overviews.clear();
  src.nationals.clear();
  const auto demo = TRY(src.store->setting("demo_data"));
  src.demo = demo && *demo == "synthetic";
  src.snapshots.clear();
  src.recognition_book.reset();
  src.recognitions.reset();
  src.dossier_duties.reset();
  src.version = v;
  return Status::ok();
}

Result<const RecognitionBook*> AppState::recognition_book() {
  TRY(refresh());
  Source& src = *current_;
  if (!src.recognition_book)
    src.recognition_book =
        std::make_unique<RecognitionBook>(TRY(RecognitionBook::load(*src.store)));
  return static_cast<const RecognitionBook*>(src.recognition_book.get());
}

Result<std::shared_ptr<const AppState::RecognitionsByUnit>> AppState::recognitions() {
  TRY(refresh());
  Source& src = *current_;
  if (!src.recognitions) {
    auto all = std::make_shared<RecognitionsByUnit>();
    for (Recognition& r : TRY(src.store->recognitions())) (*all)[r.unit_id].push_back(std::move(r));
    src.recognitions = std::move(all);
  }
  return src.recognitions;
}

Result<std::shared_ptr<const AppState::DossierDuties>> AppState::dossier_duties() {
  TRY(refresh());
  Source& src = *current_;
  if (!src.dossier_duties) {
    const RecognitionBook& book = *TRY(recognition_book());
    src.dossier_duties = std::make_shared<const DossierDuties>(
        TRY(ntm::dossier_duties(*src.store, *src.catalog, book, 0, 0)));
  }
  return src.dossier_duties;
}

Result<const Catalog*> AppState::catalog() {
  TRY(refresh());
  return static_cast<const Catalog*>(current_->catalog.get());
}

Result<std::shared_ptr<const Overview>> AppState::overview(const std::string& code,
                                                           const EvaluateOptions& opts) {
  TRY(refresh());
  Source& src = *current_;
  const std::string key =
      code + "|" + opts.at.iso() + "|" + opts.set_id + "|" + (opts.verified_only ? "v" : "a");
  if (auto it = src.overviews.find(key); it != src.overviews.end()) return it->second;
  if (src.overviews.size() > 256) src.overviews.clear();  // bound the memory
  auto ov =
      std::make_shared<const Overview>(TRY(build_overview(*src.store, *src.catalog, code, opts)));
  src.overviews[key] = ov;
  return std::shared_ptr<const Overview>(ov);
}

Result<std::shared_ptr<const NationalOverview>> AppState::national(const EvaluateOptions& opts) {
  TRY(refresh());
  Source& src = *current_;
  const std::string key =
      opts.at.iso() + "|" + opts.set_id + "|" + (opts.verified_only ? "v" : "a");
  if (auto it = src.nationals.find(key); it != src.nationals.end()) return it->second;
  if (src.nationals.size() > 32) src.nationals.clear();  // bound the memory
  // The provinces on two threads: a second connection, opened once (none
  // for a database in memory: one thread then).
  if (!src.twin_tried) {
    src.twin_tried = true;
    if (auto twin = src.store->open_twin(); twin.is_ok()) src.twin = std::move(*twin);
  }
  auto n = std::make_shared<const NationalOverview>(
      TRY(build_national(*src.store, *src.catalog, opts, opts.at.add_years(-1), src.twin.get())));
  src.nationals[key] = n;
  return std::shared_ptr<const NationalOverview>(n);
}

std::optional<PublicSnapshot> AppState::published_snapshot(int64_t province) {
  if (!refresh().is_ok()) return std::nullopt;
  auto& snaps = current_->snapshots;
  if (auto it = snaps.find(province); it != snaps.end()) return it->second;
  auto snap = ntm::published_snapshot(*current_->store, province);
  if (!snap.is_ok()) return std::nullopt;
  return snaps[province] = *snap;
}

bool AppState::demo() {
  (void)refresh();
  return current_->demo;
}

void bind_app(Router& router, AppState& app) {
  router.set_around([&app](const Request& r, const Router::Inner& inner) {
    app.begin_request(r);
    (void)app.store().connection().take_busy();
    Response res = inner(r);
    if (app.on_replica() && app.store().connection().take_read_only()) {
      app.use_primary();
      res = inner(r);
    }
    if (r.method == "POST" && app.store().connection().take_busy()) return busy_retry_page(r);
    app.end_request(r, res);
    return res;
  });
}

Response busy_retry_page(const Request& r) {
  std::string fields;
  for (const auto& [name, value] : r.form) {
    fields += "<input type=\"hidden\" name=\"" + html_escape(name) + "\" value=\"" +
              html_escape(value) + "\">";
  }
  const std::string files =
      r.files.empty() ? ""
                      : "<p>Tệp đính kèm không được giữ lại: hãy chọn lại tệp sau khi thử lại.</p>";
  Response res = Response::html(
      503,
      "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>Cơ sở dữ liệu đang bận</title><link rel=\"stylesheet\" href=\"/static/style.css\">"
      "</head><body><main id=\"main\"><div class=\"error-summary box\" role=\"alert\">"
      "<h1>Cơ sở dữ liệu đang bận</h1><p>" +
          std::string(kBusyMessage) +
          "</p><p>Số liệu bạn đã nhập được giữ lại trên trang này.</p>" + files +
          "</div><form method=\"post\" action=\"" + html_escape(r.path) + "\">" + fields +
          "<button type=\"submit\">Thử lại</button></form></main></body></html>");
  res.headers.push_back({"Retry-After", "60"});
  res.headers.push_back({"Cache-Control", "no-store"});
  return res;
}

}  // namespace ntm
