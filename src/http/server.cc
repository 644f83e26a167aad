// The only translation unit that includes Boost.Beast.
#include <utility>  // before asio, for g++ 12
#define BOOST_BEAST_USE_STD_STRING_VIEW
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <chrono>
#include <ostream>
#include <unordered_map>

#include "base/date.h"
#include "http/server.h"

namespace ntm {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

// Answers to anonymous GETs: the same for every visitor until the data
// changes (the version), a minute passes (scheduled articles appear) or the
// day changes (pages default to today). One thread: no lock.
class PublicCache {
 public:
  using Answer = bhttp::response<bhttp::string_body>;
  explicit PublicCache(std::function<int64_t()> version) : version_(std::move(version)) {}

  // The key of a cacheable request, or "" when it must not be cached.
  std::string key(const Request& r, std::string_view target, bool gz) const {
    if (!version_ || r.method != "GET" || !r.cookie("ntm_session").empty()) return "";
    return std::string(target) + "|" + r.cookie("lang") + (gz ? "|gz" : "");
  }
  const Answer* find(const std::string& key) {
    const auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    if (it->second.version != version_() || it->second.day != today_utc() ||
        std::chrono::steady_clock::now() - it->second.at > std::chrono::seconds(60)) {
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
  void keep(const std::string& key, const Answer& answer) {
    if (entries_.size() >= 4096) entries_.clear();
    entries_[key] = {version_(), today_utc(), std::chrono::steady_clock::now(), answer};
  }

 private:
  struct Entry {
    int64_t version;
    Date day;
    std::chrono::steady_clock::time_point at;
    Answer answer;
  };
  std::function<int64_t()> version_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Router router;
  PublicCache cache{nullptr};
  asio::io_context io{1};
  tcp::acceptor acceptor{io};
};

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
          "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
  for (const auto& [name, value] : r.headers) res.set(name, value);
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

asio::awaitable<void> session(tcp::socket socket, const Router& router, PublicCache& cache) {
  beast::flat_buffer buffer;
  beast::error_code peer_ec;
  const auto remote = socket.remote_endpoint(peer_ec);
  const std::string peer = peer_ec ? "" : remote.address().to_string();
  try {
    for (;;) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.body_limit(12 << 20);  // forms with evidence files (5 MB each, checked later)
      co_await bhttp::async_read(socket, buffer, parser, asio::use_awaitable);
      const auto& req = parser.get();
      Response r;
      Request request = to_request(req, peer);
      const bool gz = request.header("accept-encoding").find("gzip") != std::string::npos;
      const std::string key = cache.key(request, req.target(), gz);
      if (const auto* kept = key.empty() ? nullptr : cache.find(key)) {
        auto res = *kept;
        res.version(req.version());
        res.keep_alive(req.keep_alive());
        co_await bhttp::async_write(socket, res, asio::use_awaitable);
        if (!res.keep_alive()) break;
        continue;
      }
      try {
        r = router.dispatch(std::move(request));
      } catch (const std::exception& e) {
        r = Response::json_error(500, "internal", "Lỗi máy chủ");
      }
      const bool keep = !key.empty() && PublicCache::shared(r);
      auto res = to_beast(std::move(r), req.version(), req.keep_alive(), gz);
      if (keep) cache.keep(key, res);
      co_await bhttp::async_write(socket, res, asio::use_awaitable);
      if (!res.keep_alive()) break;
    }
  } catch (const std::exception&) {
    // Client went away or sent garbage: drop the connection.
  }
  beast::error_code ec;
  socket.shutdown(tcp::socket::shutdown_send, ec);
}

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, const Router& router,
                                  PublicCache& cache) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(acceptor.get_executor(), session(std::move(socket), router, cache),
                   asio::detached);
  }
}

}  // namespace

Server::Server(ServerOptions options, Router router) : impl_(std::make_unique<Impl>()) {
  impl_->cache = PublicCache(options.data_version);
  impl_->options = std::move(options);
  impl_->router = std::move(router);
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

void Server::run() {
  asio::co_spawn(impl_->io, accept_loop(impl_->acceptor, impl_->router, impl_->cache),
                 asio::detached);
  impl_->io.run();
}

void Server::stop() { impl_->io.stop(); }

Status serve(const ServerOptions& options, Router router, std::ostream& out) {
  Server server(options, std::move(router));
  const unsigned short port = TRY(server.listen());
  out << "NTM Monitor: http://" << options.host << ":" << port << "/ (CSDL " << options.db << ")"
      << std::endl;
  server.run();
  return Status::ok();
}

}  // namespace ntm
