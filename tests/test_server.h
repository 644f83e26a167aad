// The web application (API and pages) on a loopback port, for end-to-end tests.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "http/app_state.h"
#include "http/server.h"

namespace ntm {

class TestServer {
 public:
  // Serves `app` on 127.0.0.1 at a free port (`db`: the server's database
  // name, for its logs and /healthz).
  TestServer(AppState& app, const std::string& db);
  ~TestServer();  // stops the server and waits for it
  unsigned short port() const { return port_; }
  Router& router() { return router_; }

 private:
  Router router_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  unsigned short port_ = 0;
};

}  // namespace ntm
