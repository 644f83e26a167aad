// The HTTP server (Boost.Beast, C++20 coroutines).
//
// Thread safety / invariants: the network thread accepts, reads and writes
// every connection, enforces the limits below, answers /healthz and the
// visitors' kept answers. Handlers run on the worker threads, one per
// router given: each router's handlers share one AppState and one database
// connection, which are not thread-safe, so a worker runs one request at a
// time; a request goes to the worker with the fewest waiting. A report
// that takes seconds delays its worker, never the health check or a kept
// answer.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

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
  // within the same local day: visitors see what any visitor sees, computed
  // once. Called on the first worker's thread only: after each handler, and
  // before a kept answer is served when that worker is free (while it is
  // busy, kept answers are served as they are).
  std::function<int64_t()> data_version;

  // Limits: a request over them is answered 414 (request line), 431
  // (headers), 413 (body) and the connection closed; a connection past
  // max_connections is answered 503 and closed.
  size_t max_target_bytes = 8 * 1024;
  size_t max_header_bytes = 16 * 1024;  // request line and headers together
  size_t max_body_bytes = 12 << 20;     // forms with evidence files (5 MB each)
  size_t max_connections = 512;
  size_t cache_bytes = 32 << 20;  // visitors' kept answers, keys and bodies
  // A request's line and headers must arrive within header_timeout (also the
  // idle time of a kept-alive connection); its body within header_timeout
  // plus its length at min_body_rate; an answer must be taken within
  // write_timeout plus its length at the same rate.
  std::chrono::seconds header_timeout{30};
  std::chrono::seconds write_timeout{60};
  size_t min_body_rate = 8 * 1024;  // bytes per second
  // Answered on the network thread: liveness and how long the worker has been
  // on its current request.
  std::string health_path = "/healthz";
};

class Server {
 public:
  Server(ServerOptions options, Router router);
  // One worker thread per router (each with its own AppState and database
  // connection: the connection pool).
  Server(ServerOptions options, std::vector<Router> routers);
  ~Server();
  // Binds and listens; returns the bound port.
  Result<unsigned short> listen();
  // Serves until stop() is called (from any thread): ok then. An error that
  // ends serving otherwise (the listening socket failed) is returned.
  Status run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Listens on options.host:port and serves `router` until the process ends;
// an error ends it (the CLI then exits non-zero, so a supervisor restarts it).
Status serve(const ServerOptions& options, std::vector<Router> routers, std::ostream& out);

}  // namespace ntm
