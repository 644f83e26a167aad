#include "http/app_state.h"

namespace ntm {

Status AppState::refresh() {
  if (checked_ && catalog_) return Status::ok();
  const int64_t v = TRY(store_->data_version());
  checked_ = in_request_;
  if (v == version_ && catalog_) return Status::ok();
  catalog_ = std::make_unique<Catalog>(TRY(Catalog::load(*store_)));
  overviews_.clear();
  const auto demo = TRY(store_->setting("demo_data"));
  demo_ = demo && *demo == "synthetic";
  snapshot_ = TRY(ntm::published_snapshot(*store_));
  version_ = v;
  return Status::ok();
}

Result<const Catalog*> AppState::catalog() {
  TRY(refresh());
  return static_cast<const Catalog*>(catalog_.get());
}

Result<std::shared_ptr<const Overview>> AppState::overview(const std::string& code,
                                                           const EvaluateOptions& opts) {
  TRY(refresh());
  const std::string key =
      code + "|" + opts.at.iso() + "|" + opts.set_id + "|" + (opts.verified_only ? "v" : "a");
  if (auto it = overviews_.find(key); it != overviews_.end()) return it->second;
  if (overviews_.size() > 256) overviews_.clear();  // bound the memory
  auto ov = std::make_shared<const Overview>(TRY(build_overview(*store_, *catalog_, code, opts)));
  overviews_[key] = ov;
  return std::shared_ptr<const Overview>(ov);
}

const std::optional<PublicSnapshot>& AppState::published_snapshot() {
  (void)refresh();
  return snapshot_;
}

bool AppState::demo() {
  (void)refresh();
  return demo_;
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
