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

// Listens on options.host:port and serves `router` until the process ends.
Status serve(const ServerOptions& options, Router router, std::ostream& out);

}  // namespace ntm
