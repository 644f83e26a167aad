#include "http/app_state.h"

namespace ntm {

Status AppState::refresh() {
  const int64_t v = TRY(store_->data_version());
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

}  // namespace ntm
