#include "test_server.h"

#include "api/routes.h"
#include "ui/pages.h"

namespace ntm {

TestServer::TestServer(AppState& app, const std::string& db) {
  register_api(router_, app);
  register_ui(router_, app);
  server_ = std::make_unique<Server>(ServerOptions{"127.0.0.1", 0, db}, router_);
  port_ = *server_->listen();
  thread_ = std::thread([this] { (void)server_->run(); });
}

TestServer::~TestServer() {
  server_->stop();
  thread_.join();
}

}  // namespace ntm
