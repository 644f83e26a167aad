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
  // When set, answers to anonymous GETs (no session cookie; not marked
  // "Cache-Control: private", no Set-Cookie) are kept per target and language
  // and served again while this value is unchanged, for at most 60 s and
  // within the same UTC day: visitors see what any visitor sees, computed once.
  std::function<int64_t()> data_version;
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
