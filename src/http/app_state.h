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
#include "service/evaluate.h"
#include "service/public_progress.h"
#include "service/views.h"
#include "store/store.h"

namespace ntm {

class AppState {
 public:
  explicit AppState(std::shared_ptr<Store> store) : store_(std::move(store)) {}

  Store& store() { return *store_; }
  // Called as each request starts (bind_handler): the data version is read
  // once per request, so a request never sees the catalogue replaced under
  // it (an Overview points into the catalogue it was computed from). On
  // PostgreSQL the version moves with any write of the cluster.
  void begin_request() { in_request_ = true, checked_ = false; }
  // The catalogue, reloaded when the data changed since it was loaded.
  Result<const Catalog*> catalog();
  // A province or district overview, computed once per data version and key.
  Result<std::shared_ptr<const Overview>> overview(const std::string& code,
                                                   const EvaluateOptions& opts);
  // Setting "demo_data" is "synthetic".
  bool demo();
  // The progress snapshot the office published, if any (read once per data version).
  const std::optional<PublicSnapshot>& published_snapshot();

  // Cookies get "Secure" (served over TLS, e.g. behind nginx).
  bool secure_cookies = false;
  // Where evidence files are stored: outside any served directory.
  std::string evidence_dir = "evidence";
  AuthConfig auth;
  // Proxies whose X-Forwarded-For is believed (client_address).
  std::vector<std::string> trusted_proxies;
  // The site's address as readers reach it (canonical links, feeds, sitemap).
  std::string public_url = "http://127.0.0.1:8080";

 private:
  Status refresh();

  std::shared_ptr<Store> store_;
  bool in_request_ = false;  // inside a request: check the version once
  bool checked_ = false;
  int64_t version_ = -1;
  std::unique_ptr<Catalog> catalog_;
  std::map<std::string, std::shared_ptr<const Overview>> overviews_;
  bool demo_ = false;
  std::optional<PublicSnapshot> snapshot_;
};

// The answer to a form that found the database busy (bind_handler).
Response busy_retry_page(const Request& r);

// A route handler bound to the app: lets the route tables list plain
// functions `Response h(AppState&, const Request&)`.
// A form posted while another process held the database (a long import)
// is answered 503 with a page that posts the same fields again on one click:
// nothing was stored, and nothing the user typed is lost (files excepted:
// the page says so).
inline Handler bind_handler(AppState& app, Response (*h)(AppState&, const Request&)) {
  return [&app, h](const Request& r) {
    app.begin_request();
    (void)app.store().connection().take_busy();
    Response res = h(app, r);
    if (r.method == "POST" && app.store().connection().take_busy()) return busy_retry_page(r);
    return res;
  };
}

}  // namespace ntm
