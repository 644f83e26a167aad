// The HTTP server (Boost.Beast, one thread, C++20 coroutines).
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "base/status.h"
#include "http/http.h"

namespace ntm {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (tests)
  std::string db;
};

class Server {
 public:
  Server(ServerOptions options, Router router);
  ~Server();
  // Binds and listens; returns the bound port.
  Result<unsigned short> listen();
  // Serves until stop() is called (from any thread).
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// `ntm serve`: opens the database, builds the routes, serves until killed.
Status serve(const ServerOptions& options, std::ostream& out);

// The routes served today: /healthz, /api/v1/health and the start page.
Result<Router> build_router(const std::string& db_path);

}  // namespace ntm
