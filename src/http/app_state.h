// What every handler shares: the Store and the catalogue and computed views,
// cached until the data changes (Store::data_version()).
//
// Thread safety: none; the server runs its handlers on one thread.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "http/http.h"
#include "service/auth.h"
#include "service/dossier.h"
#include "service/evaluate.h"
#include "service/national.h"
#include "service/public_progress.h"
#include "service/recognition.h"
#include "service/views.h"
#include "store/store.h"

namespace ntm {

class AppState {
 public:
  // `replica`, when given, is a PostgreSQL hot standby of `store`'s database
  // (ntm serve --read-db): read-only requests are answered from it.
  explicit AppState(std::shared_ptr<Store> store, std::shared_ptr<Store> replica = nullptr);

  // The store this request reads and writes: the primary, or the standby for
  // a read-only request (begin_request).
  Store& store() { return *current_->store; }
  Store& primary() { return *primary_.store; }
  bool has_replica() const { return replica_.store != nullptr; }
  bool on_replica() const { return current_ == &replica_; }
  // The version of what visitors' kept answers were computed from.
  Result<int64_t> read_version();

  // Called as each request starts (bind_handler): the data version is read
  // once per request, so a request never sees the catalogue replaced under
  // it (an Overview points into the catalogue it was computed from). On
  // PostgreSQL the version moves with any write of the cluster.
  // With a standby, a GET or HEAD is read from it unless the person's last
  // write (the cookie kWrittenCookie: the primary's WAL position then) is
  // not replayed there yet, or the standby cannot be reached.
  void begin_request(const Request& r);
  // The request's handler tried to write on the standby (a GET that tidies
  // up, e.g. an expired session): it is run again on the primary.
  void use_primary() { current_ = &primary_; }
  // After a request that may have written (not GET/HEAD) with a standby:
  // the cookie that keeps this person's reads on the primary until the
  // standby has replayed the write.
  void end_request(const Request& r, Response& res);
  // The catalogue, reloaded when the data changed since it was loaded.
  Result<const Catalog*> catalog();
  // A province or district overview, computed once per data version and key.
  Result<std::shared_ptr<const Overview>> overview(const std::string& code,
                                                   const EvaluateOptions& opts);
  // The whole country on opts.at compared with a year earlier, computed
  // once per data version and key.
  Result<std::shared_ptr<const NationalOverview>> national(const EvaluateOptions& opts);
  // The recognition rules of every period and every recognition recorded
  // (by unit, oldest first), read once per data version.
  Result<const RecognitionBook*> recognition_book();
  using RecognitionsByUnit = std::map<int64_t, std::vector<Recognition>>;
  Result<std::shared_ptr<const RecognitionsByUnit>> recognitions();
  // What every open recognition dossier waits for (dossier_duties of every
  // province), computed once per data version: the notification count of
  // every signed-in page reads it.
  using DossierDuties = std::vector<DossierDuty>;
  Result<std::shared_ptr<const DossierDuties>> dossier_duties();
  // Setting "demo_data" is "synthetic".
  bool demo();
  // The progress snapshot a province's office published, if any (read once
  // per data version).
  std::optional<PublicSnapshot> published_snapshot(int64_t province);

  // Cookies get "Secure" (served over TLS, e.g. behind nginx).
  bool secure_cookies = false;
  // Where evidence files are stored: outside any served directory.
  std::string evidence_dir = "evidence";
  AuthConfig auth;
  // Proxies whose X-Forwarded-For is believed (client_address).
  std::vector<std::string> trusted_proxies;
  // The site's address as readers reach it (canonical links, feeds, sitemap).
  std::string public_url = "http://127.0.0.1:8080";

  static constexpr const char* kWrittenCookie = "ntm_w";

 private:
  // A database read from, with what was computed from it.
  struct Source {
    std::shared_ptr<Store> store;
    bool checked = false;  // the version was read in this request
    int64_t version = -1;
    std::unique_ptr<Catalog> catalog;
    std::map<std::string, std::shared_ptr<const Overview>> overviews;
    std::map<std::string, std::shared_ptr<const NationalOverview>> nationals;
    bool demo = false;
    std::map<int64_t, std::optional<PublicSnapshot>> snapshots;  // by province
    std::unique_ptr<RecognitionBook> recognition_book;
    std::shared_ptr<const RecognitionsByUnit> recognitions;
    std::shared_ptr<const DossierDuties> dossier_duties;
    std::unique_ptr<Store> twin;  // reads on a second thread (national)
    bool twin_tried = false;
  };
  Status refresh();
  bool replica_has(int64_t position);

  Source primary_, replica_;
  Source* current_ = &primary_;
  int64_t replica_retry_ms_ = 0;  // the standby failed: not before then
  bool in_request_ = false;       // inside a request: check the version once
};

// The answer to a form that found the database busy (bind_app).
Response busy_retry_page(const Request& r);

// Runs every request of the router with the app: the data version read once
// (AppState::begin_request), the database chosen (standby or primary), a
// read that had to write on the standby run again on the primary, and a
// form posted while another process held the database (a long import)
// answered 503 with a page that posts the same fields again on one click:
// nothing was stored, and nothing the user typed is lost (files excepted:
// the page says so).
void bind_app(Router& router, AppState& app);

// A route handler bound to the app: lets the route tables list plain
// functions `Response h(AppState&, const Request&)`.
inline Handler bind_handler(AppState& app, Response (*h)(AppState&, const Request&)) {
  return [&app, h](const Request& r) { return h(app, r); };
}

}  // namespace ntm
