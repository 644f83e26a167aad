// The only translation unit that includes Boost.Beast.
#include <utility>  // before asio, for g++ 12
#define BOOST_BEAST_USE_STD_STRING_VIEW
#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <chrono>
#include <csignal>
#include <functional>
#include <iostream>
#include <ostream>
#include <thread>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "http/server.h"

namespace ntm {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

// Answers to anonymous GETs: the same for every visitor until the data
// changes (the version), a minute passes (scheduled articles appear) or the
// day changes (pages default to today). One thread: no lock.
class PublicCache {
 public:
  using Answer = bhttp::response<bhttp::string_body>;
  PublicCache(bool enabled, const std::atomic<int64_t>* version, size_t max_bytes)
      : enabled_(enabled), version_(version), max_bytes_(max_bytes) {}

  // The key of a cacheable request, or "" when it must not be cached.
  std::string key(const Request& r, std::string_view target, bool gz) const {
    if (!enabled_ || r.method != "GET" || !r.cookie("ntm_session").empty()) return "";
    return std::string(target) + "|" + r.cookie("lang") + (gz ? "|gz" : "");
  }
  const Answer* find(const std::string& key) {
    const auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    if (it->second.version != version_->load() || it->second.day != today_local() ||
        std::chrono::steady_clock::now() - it->second.at > std::chrono::seconds(60)) {
      bytes_ -= it->second.bytes;
      entries_.erase(it);
      return nullptr;
    }
    return &it->second.answer;
  }
  // Whether an answer is the same for every visitor: per-visitor answers
  // say so with a cookie or "Cache-Control: private".
  static bool shared(const Response& r) {
    if (r.status != 200) return false;
    for (const auto& [name, value] : r.headers) {
      if (name == "Set-Cookie" ||
          (name == "Cache-Control" && value.find("private") != std::string::npos))
        return false;
    }
    return true;
  }
  // Keeps an answer; when the kept answers would pass max_bytes, the older
  // ones are dropped first (all of them: simpler than LRU and rare).
  void keep(const std::string& key, const Answer& answer) {
    const size_t bytes = key.size() * 2 + answer.body().size() + 512;
    if (bytes > max_bytes_ / 8) return;
    if (const auto it = entries_.find(key); it != entries_.end()) {
      bytes_ -= it->second.bytes;
      entries_.erase(it);
    }
    if (bytes_ + bytes > max_bytes_) {
      entries_.clear();
      bytes_ = 0;
    }
    entries_[key] = {version_->load(), today_local(), std::chrono::steady_clock::now(), bytes,
                     answer};
    bytes_ += bytes;
  }

 private:
  struct Entry {
    int64_t version;
    Date day;
    std::chrono::steady_clock::time_point at;
    size_t bytes;
    Answer answer;
  };
  bool enabled_;
  const std::atomic<int64_t>* version_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace

namespace {

bool compressible(const std::string& type) {
  return type.rfind("text/", 0) == 0 || type.rfind("application/json", 0) == 0 ||
         type.rfind("image/svg", 0) == 0 || type.rfind("application/javascript", 0) == 0;
}

bhttp::response<bhttp::string_body> to_beast(Response r, unsigned version, bool keep_alive,
                                             bool accepts_gzip) {
  bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), version};
  res.set(bhttp::field::server, "ntm");
  res.set(bhttp::field::content_type, r.content_type);
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "same-origin");
  res.set("X-Frame-Options", "DENY");
  res.set("Content-Security-Policy",
          "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
          "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
  // A header value never carries CR, LF or NUL (no response splitting,
  // whatever a handler was given).
  for (const auto& [name, value] : r.headers)
    if (value.find_first_of(std::string_view("\r\n\0", 3)) == std::string::npos) {
      if (name == "Set-Cookie")
        res.insert(name, value);  // several cookies: one header each
      else
        res.set(name, value);
    }
  if (compressible(r.content_type) && r.body.size() > 512) {
    res.set(bhttp::field::vary, "Accept-Encoding");
    if (accepts_gzip) {
      if (std::string z = gzip(r.body); !z.empty()) {
        r.body = std::move(z);
        res.set(bhttp::field::content_encoding, "gzip");
      }
    }
  }
  res.keep_alive(keep_alive);
  res.body() = std::move(r.body);
  res.prepare_payload();
  return res;
}

Request to_request(const bhttp::request<bhttp::string_body>& req, const std::string& peer) {
  Request r = parse_target(std::string(req.method_string()), std::string(req.target()));
  r.peer = peer;
  r.body = req.body();
  for (const auto& field : req) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = std::string(field.value());
  }
  const std::string type = r.header("content-type");
  if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
    r.form = parse_form(r.body);
  } else if (type.rfind("multipart/form-data", 0) == 0) {
    parse_multipart(r.body, type, r.form, r.files);  // malformed: no fields, CSRF fails
  }
  return r;
}

}  // namespace

namespace {

// A handler thread with its own router (its own AppState and database
// connection): it runs one request at a time.
struct Worker {
  explicit Worker(Router r) : router(std::move(r)) {}
  Router router;
  asio::io_context io{1};
  std::atomic<int64_t> busy_since_ms{0};  // 0: idle
  std::atomic<int> assigned{0};           // requests given to it, not yet answered
};

struct Shared {
  ServerOptions options;
  // The workers: every handler runs on one of them. The first one reads the
  // data version (options.data_version belongs to its connection).
  std::vector<std::unique_ptr<Worker>> workers;
  asio::io_context io{1};
  tcp::acceptor acceptor{io};
  std::atomic<int64_t> version{0};
  std::atomic<size_t> connections{0};
  // Requests read and not yet answered; after SIGTERM (draining) no new
  // connection or request is taken and the server ends when this reaches 0.
  std::atomic<int> in_flight{0};
  bool draining = false;  // network thread only
  std::unique_ptr<PublicCache> cache;
  // Kept answers being computed, by key: waiters wake when it is cancelled.
  // Network thread only.
  std::unordered_map<std::string, std::shared_ptr<asio::steady_timer>> computing;
  Status fatal;  // why serving ended, if not stop()
};

}  // namespace

struct Server::Impl : Shared {};

namespace {

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
      .count();
}

// The first worker reads the data version (its store lives on its thread).
void read_version(Shared& s) {
  if (!s.options.data_version) return;
  s.version.store(s.options.data_version());
}

Worker& first(Shared& s) { return *s.workers.front(); }

// The worker with the fewest requests given to it (the first among equals).
Worker& pick_worker(Shared& s) {
  Worker* best = s.workers.front().get();
  for (const auto& w : s.workers)
    if (w->assigned.load() < best->assigned.load()) best = w.get();
  return *best;
}

asio::awaitable<void> refresh_version(Shared& s) {
  read_version(s);
  co_return;
}

// A plain answer of the server itself (limits, overload), in Vietnamese.
bhttp::response<bhttp::string_body> plain(bhttp::status status, unsigned version,
                                          const std::string& text) {
  Response r = Response::html(static_cast<int>(status),
                              "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>" +
                                  text + "</title><p>" + text + "</p></html>");
  return to_beast(std::move(r), version, false, false);
}

// The router's answer, on the worker (a coroutine function, not a lambda:
// a lambda's captures would die before its coroutine ends).
asio::awaitable<Response> dispatch(Shared& s, Worker& w, Request request) {
  w.busy_since_ms.store(now_ms());
  const std::string request_target = request.method + " " + request.path;
  Response r;
  try {
    r = w.router.dispatch(std::move(request));
  } catch (const std::exception& e) {
    std::cerr << "ntm: 500 " << request_target << ": " << e.what() << std::endl;
    r = Response::json_error(500, "internal", "Lỗi máy chủ");
  }
  if (&w == &first(s)) {
    read_version(s);
  } else {
    asio::post(first(s).io, [&s] { read_version(s); });
  }
  w.busy_since_ms.store(0);
  co_return r;
}

// Runs the router on a worker and comes back with its answer.
asio::awaitable<Response> on_worker(Shared& s, Request request) {
  Worker& w = pick_worker(s);
  ++w.assigned;
  Response r =
      co_await asio::co_spawn(w.io, dispatch(s, w, std::move(request)), asio::use_awaitable);
  --w.assigned;
  co_return r;
}

// Liveness, and the longest any worker has been on its current request.
Response health(const Shared& s) {
  int64_t busy = 0;
  size_t busy_workers = 0;
  for (const auto& w : s.workers) {
    const int64_t since = w->busy_since_ms.load();
    if (!since) continue;
    ++busy_workers;
    busy = std::max(busy, now_ms() - since);
  }
  return Response::json(200, std::string("{\"status\":\"ok\",\"worker\":\"") +
                                 (busy_workers == s.workers.size() ? "busy" : "idle") +
                                 "\",\"workers\":" + std::to_string(s.workers.size()) +
                                 ",\"workers_busy\":" + std::to_string(busy_workers) +
                                 ",\"worker_busy_ms\":" + std::to_string(busy) +
                                 ",\"connections\":" + std::to_string(s.connections.load()) + "}");
}

// What a request that broke a limit is told, by the parser's error: past the
// header limit before the request line was read whole is 414, after it 431.
std::optional<bhttp::response<bhttp::string_body>> limit_answer(
    const beast::error_code& ec, const bhttp::request_parser<bhttp::string_body>& parser) {
  if (ec == bhttp::error::body_limit)
    return plain(bhttp::status::payload_too_large, 11, "413 — Dữ liệu gửi lên quá lớn");
  if (ec != bhttp::error::header_limit) return std::nullopt;
  if (parser.get().target().empty())
    return plain(bhttp::status::uri_too_long, 11, "414 — Địa chỉ quá dài");
  return plain(bhttp::status::request_header_fields_too_large, 11,
               "431 — Phần đầu yêu cầu quá lớn");
}

template <class Answer>
asio::awaitable<void> send(beast::tcp_stream& stream, Answer& res, const ServerOptions& o) {
  stream.expires_after(o.write_timeout + std::chrono::seconds(res.body().size() / o.min_body_rate));
  co_await bhttp::async_write(stream, res, asio::use_awaitable);
}

// After refusing a request whose rest is still coming: stop sending, then
// read and drop what the client still sends (for a second, at most 1 MB), so
// that closing does not reset the connection before the client reads the
// answer.
asio::awaitable<void> drain(beast::tcp_stream& stream) {
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.expires_after(std::chrono::seconds(1));
  char sink[16384];
  for (size_t total = 0; !ec && total < (1 << 20);) {
    total += co_await stream.async_read_some(asio::buffer(sink),
                                             asio::redirect_error(asio::use_awaitable, ec));
  }
}

asio::awaitable<void> session(tcp::socket socket, Shared& s) {
  struct Count {
    std::atomic<size_t>& n;
    explicit Count(std::atomic<size_t>& c) : n(c) { ++n; }
    ~Count() { --n; }
  } count(s.connections);
  const ServerOptions& o = s.options;
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  beast::error_code peer_ec;
  const auto remote = stream.socket().remote_endpoint(peer_ec);
  const std::string peer = peer_ec ? "" : remote.address().to_string();
  try {
    for (;;) {
      if (s.draining) break;  // no further request on this connection
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(o.max_header_bytes));
      parser.body_limit(o.max_body_bytes);
      beast::error_code ec;
      stream.expires_after(o.header_timeout);
      co_await bhttp::async_read_header(stream, buffer, parser,
                                        asio::redirect_error(asio::use_awaitable, ec));
      struct Flight {
        std::atomic<int>& n;
        explicit Flight(std::atomic<int>& c) : n(c) { ++n; }
        ~Flight() { --n; }
      } flight(s.in_flight);
      const bool long_target = !ec && parser.get().target().size() > o.max_target_bytes;
      if (!ec && !parser.is_done()) {
        const auto length = parser.content_length().value_or(o.max_body_bytes);
        stream.expires_after(o.header_timeout + std::chrono::seconds(length / o.min_body_rate));
        co_await bhttp::async_read(stream, buffer, parser,
                                   asio::redirect_error(asio::use_awaitable, ec));
      }
      if (long_target) {
        auto answer = plain(bhttp::status::uri_too_long, 11, "414 — Địa chỉ quá dài");
        co_await send(stream, answer, o);
        co_await drain(stream);
        break;
      }
      if (auto answer = ec ? limit_answer(ec, parser) : std::nullopt) {
        co_await send(stream, *answer, o);
        co_await drain(stream);
        break;
      }
      if (ec) break;  // timed out, closed, or not HTTP
      const auto& req = parser.get();
      Request request = to_request(req, peer);
      const bool head = request.method == "HEAD";
      if (head) request.method = "GET";
      Response r;
      if (!valid_request_text(request)) {
        r = Response::html(400,
                           "<!doctype html><meta charset=\"utf-8\"><p>400 — Dữ liệu gửi lên "
                           "không hợp lệ (không phải văn bản UTF-8)</p>");
      } else if (request.path == o.health_path && request.method == "GET") {
        r = health(s);
      } else {
        const bool gz = request.header("accept-encoding").find("gzip") != std::string::npos;
        const std::string key = s.cache->key(request, req.target(), gz);
        // The data version is read on the worker when it is free; while it
        // is on a long request, kept answers are served as they are.
        if (!key.empty() && first(s).busy_since_ms.load() == 0)
          co_await asio::co_spawn(first(s).io, refresh_version(s), asio::use_awaitable);
        // The same anonymous page asked by many at once (after a data
        // change, every visitor misses): computed once, the others wait for
        // it (at most 30 s) instead of queueing the same work on the worker.
        if (!key.empty() && !s.cache->find(key)) {
          if (const auto it = s.computing.find(key); it != s.computing.end()) {
            const auto done = it->second;  // expires by itself after 30 s
            beast::error_code wait_ec;
            co_await done->async_wait(asio::redirect_error(asio::use_awaitable, wait_ec));
          }
        }
        if (const auto* kept = key.empty() ? nullptr : s.cache->find(key)) {
          auto res = *kept;
          res.version(req.version());
          res.keep_alive(req.keep_alive());
          if (head) res.body().clear();
          co_await send(stream, res, o);
          if (!res.keep_alive()) break;
          continue;
        }
        std::shared_ptr<asio::steady_timer> done;
        if (!key.empty() && !s.computing.count(key)) {
          done = std::make_shared<asio::steady_timer>(s.io, std::chrono::seconds(30));
          s.computing[key] = done;
        }
        r = co_await on_worker(s, std::move(request));
        const bool keep = !key.empty() && PublicCache::shared(r);
        auto res = to_beast(std::move(r), req.version(), req.keep_alive(), gz);
        if (keep) s.cache->keep(key, res);
        if (done) {
          s.computing.erase(key);
          done->cancel();  // wakes those waiting for this answer
        }
        if (head) res.body().clear();
        co_await send(stream, res, o);
        if (!res.keep_alive()) break;
        continue;
      }
      auto res = to_beast(std::move(r), req.version(), req.keep_alive() && r.status < 400, false);
      co_await send(stream, res, o);
      if (!res.keep_alive()) break;
    }
  } catch (const std::exception&) {
    // The client went away or was too slow: drop the connection.
  }
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

// Errors of accept() that pass: out of descriptors or memory, a connection
// reset before it was taken. The loop waits and tries again.
bool transient(const beast::error_code& ec) {
  namespace e = asio::error;
  return ec == e::no_descriptors || ec == e::no_buffer_space || ec == e::no_memory ||
         ec == e::connection_aborted || ec == e::connection_reset || ec == e::try_again ||
         ec == e::interrupted || ec.value() == ENFILE || ec.value() == EPROTO ||
         ec.value() == EPERM;
}

asio::awaitable<void> refuse_busy(tcp::socket socket, const ServerOptions& o) {
  beast::tcp_stream stream(std::move(socket));
  auto res = plain(bhttp::status::service_unavailable, 11,
                   "503 — Máy chủ đang quá tải, xin thử lại sau ít phút");
  res.set(bhttp::field::retry_after, "5");
  try {
    co_await send(stream, res, o);
  } catch (const std::exception&) {
  }
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

asio::awaitable<void> accept_loop(Shared& s) {
  auto pause = std::chrono::milliseconds(10);
  asio::steady_timer timer(s.io);
  for (;;) {
    beast::error_code ec;
    tcp::socket socket =
        co_await s.acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted) co_return;  // stop()
    if (ec && transient(ec)) {
      timer.expires_after(pause);
      co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      pause = std::min(pause * 2, std::chrono::milliseconds(1000));
      continue;
    }
    if (ec) {
      s.fatal = Status::io("máy chủ ngừng nhận kết nối: " + ec.message());
      s.io.stop();
      co_return;
    }
    pause = std::chrono::milliseconds(10);
    if (s.connections.load() >= s.options.max_connections) {
      asio::co_spawn(s.io, refuse_busy(std::move(socket), s.options), asio::detached);
      continue;
    }
    asio::co_spawn(s.io, session(std::move(socket), s), asio::detached);
  }
}

}  // namespace

Server::Server(ServerOptions options, Router router)
    : Server(std::move(options), [&] {
        std::vector<Router> one;
        one.push_back(std::move(router));
        return one;
      }()) {}

Server::Server(ServerOptions options, std::vector<Router> routers)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  for (auto& r : routers) impl_->workers.push_back(std::make_unique<Worker>(std::move(r)));
  impl_->cache = std::make_unique<PublicCache>(static_cast<bool>(impl_->options.data_version),
                                               &impl_->version, impl_->options.cache_bytes);
}

Server::~Server() = default;

Result<unsigned short> Server::listen() {
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) return Status::invalid("địa chỉ không hợp lệ: " + impl_->options.host);
  const tcp::endpoint endpoint{address, impl_->options.port};
  auto& a = impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Status::io("không lắng nghe được " + impl_->options.host + ":" +
                      std::to_string(impl_->options.port) + ": " + ec.message());
  }
  return a.local_endpoint().port();
}

Status Server::run() {
  Shared& s = *impl_;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  std::vector<std::thread> threads;
  for (auto& w : s.workers) {
    guards.push_back(asio::make_work_guard(w->io));
    threads.emplace_back([&s, &w] {
      if (w == s.workers.front()) read_version(s);
      w->io.run();
    });
  }
  asio::co_spawn(s.io, accept_loop(s), asio::detached);
  // SIGTERM / SIGINT: stop taking connections, answer what was asked, end
  // (at most 30 s later): a restart or an upgrade loses no request.
  asio::signal_set signals(s.io, SIGTERM, SIGINT);
  asio::steady_timer drain(s.io);
  std::chrono::steady_clock::time_point deadline;
  std::function<void()> wait_for_answers = [&] {
    if (s.in_flight.load() == 0 || std::chrono::steady_clock::now() > deadline) {
      s.io.stop();
      return;
    }
    drain.expires_after(std::chrono::milliseconds(20));
    drain.async_wait([&](const beast::error_code&) { wait_for_answers(); });
  };
  signals.async_wait([&](const beast::error_code& ec, int) {
    if (ec) return;
    s.draining = true;
    deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    beast::error_code ignored;
    s.acceptor.close(ignored);
    wait_for_answers();
  });
  s.io.run();
  guards.clear();
  for (auto& w : s.workers) w->io.stop();
  for (auto& t : threads) t.join();
  return s.fatal;
}

void Server::stop() { impl_->io.stop(); }

Status serve(const ServerOptions& options, std::vector<Router> routers, std::ostream& out) {
  Server server(options, std::move(routers));
  const unsigned short port = TRY(server.listen());
  out << "NTM Monitor: http://" << options.host << ":" << port << "/ (CSDL " << options.db << ")"
      << std::endl;
  return server.run();
}

}  // namespace ntm
