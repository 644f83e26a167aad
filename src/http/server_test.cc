// End-to-end: a real server on a loopback port, a real socket client.
#include "http/server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <future>
#include <thread>

namespace ntm {
namespace {

// A connected socket to the server on loopback, or -1.
int open_connection(unsigned short port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// A raw exchange: sends `request` as it is and reads until the server closes.
std::string raw_exchange(unsigned short port, const std::string& request) {
  const int fd = open_connection(port);
  if (fd < 0) return "";
  for (size_t sent = 0; sent < request.size();) {
    const ssize_t n = write(fd, request.data() + sent, request.size() - sent);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  close(fd);
  return out;
}

std::string get(unsigned short port, const std::string& target, const std::string& extra = "") {
  return raw_exchange(
      port, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + extra + "\r\n");
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One file per test and process: CTest runs tests in parallel.
    db_ = ::testing::TempDir() + "server_test_" +
          ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
          std::to_string(getpid()) + ".db";
    Router router;
    router.add("GET", "/api/v1/health",
               [](const Request&) { return Response::json(200, R"({"status":"ok"})"); });
    router.add("GET", "/", [](const Request&) {
      return Response::html(200,
                            "<!doctype html><html lang=\"vi\"><p>Theo dõi xây dựng nông "
                            "thôn mới</p>" +
                                std::string(2000, ' ') + "</html>");
    });
    router.add("GET", "/commune/:code", [](const Request& r) {
      return Response::json(200, "{\"code\":\"" + r.arg("code") + "\"}");
    });
    server_ = std::make_unique<Server>(ServerOptions{"127.0.0.1", 0, db_}, std::move(router));
    auto port = server_->listen();
    ASSERT_TRUE(port.is_ok()) << port.status().to_string();
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->run(); });
  }
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db_ + suffix).c_str());
  }

  std::string db_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  unsigned short port_ = 0;
};

TEST_F(ServerTest, HealthAnswersJson) {
  const std::string r = get(port_, "/api/v1/health");
  EXPECT_NE(r.find("HTTP/1.1 200"), std::string::npos) << r;
  EXPECT_NE(r.find("application/json"), std::string::npos);
  EXPECT_NE(r.find("\"status\":\"ok\""), std::string::npos);
  EXPECT_NE(r.find("X-Content-Type-Options: nosniff"), std::string::npos);
  EXPECT_NE(r.find("Referrer-Policy: same-origin"), std::string::npos);
}

TEST_F(ServerTest, StartPageIsVietnameseHtml) {
  const std::string r = get(port_, "/");
  EXPECT_NE(r.find("HTTP/1.1 200"), std::string::npos);
  EXPECT_NE(r.find("lang=\"vi\""), std::string::npos);
  EXPECT_NE(r.find("Theo dõi xây dựng nông thôn mới"), std::string::npos);
}

TEST_F(ServerTest, UnknownRoutes404JsonUnderApiHtmlElsewhere) {
  const std::string api = get(port_, "/api/v1/nothing");
  EXPECT_NE(api.find("HTTP/1.1 404"), std::string::npos);
  EXPECT_NE(api.find("\"code\":\"not_found\""), std::string::npos);
  const std::string page = get(port_, "/nothing");
  EXPECT_NE(page.find("HTTP/1.1 404"), std::string::npos);
  EXPECT_NE(page.find("text/html"), std::string::npos);
}

TEST_F(ServerTest, PathParametersAndGzip) {
  EXPECT_NE(get(port_, "/commune/18580").find("{\"code\":\"18580\"}"), std::string::npos);
  const std::string plain = get(port_, "/");
  EXPECT_EQ(plain.find("Content-Encoding: gzip"), std::string::npos);
  const std::string zipped = get(port_, "/", "Accept-Encoding: gzip, br\r\n");
  EXPECT_NE(zipped.find("Content-Encoding: gzip"), std::string::npos);
  EXPECT_LT(zipped.size(), plain.size());
  EXPECT_NE(plain.find("Content-Security-Policy: default-src 'self'"), std::string::npos);
}

TEST(Http, ParsesMultipartForms) {
  const std::string body =
      "--b1\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n"
      "--b1\r\nContent-Disposition: form-data; name=\"f.x\"; filename=\"a b.pdf\"\r\n"
      "Content-Type: application/pdf\r\n\r\n%PDF\r\nline2\r\n--b1--\r\n";
  std::map<std::string, std::string> form;
  std::map<std::string, UploadedFile> files;
  ASSERT_TRUE(parse_multipart(body, "multipart/form-data; boundary=b1", form, files));
  EXPECT_EQ(form.at("csrf"), "abc");
  EXPECT_EQ(files.at("f.x").filename, "a b.pdf");
  EXPECT_EQ(files.at("f.x").data, "%PDF\r\nline2");
  EXPECT_FALSE(parse_multipart("garbage", "multipart/form-data; boundary=b1", form, files));
  EXPECT_FALSE(parse_multipart(body, "multipart/form-data", form, files));
  EXPECT_FALSE(parse_multipart("--b1\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end",
                               "multipart/form-data; boundary=b1", form, files));
}

TEST(Http, ParsesTargetsAndEscapes) {
  const Request r = parse_target("GET", "/a%20b?x=1&y=L%E1%BB%99c+H%C3%A0&z");
  EXPECT_EQ(r.path, "/a b");
  EXPECT_EQ(r.query.at("x"), "1");
  EXPECT_EQ(r.query.at("y"), "Lộc Hà");
  EXPECT_EQ(r.query.at("z"), "");
  EXPECT_EQ(html_escape("<a href=\"x\">'&"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;");
}

// Visitors' answers are computed once per data version: a second anonymous
// GET is served from the cache, a signed-in one and a POST never are, and a
// new data version (or another language) computes again.
TEST(ServerCache, AnonymousGetsAreKeptUntilTheDataChanges) {
  int calls = 0;
  int64_t version = 1;
  Router router;
  router.add("GET", "/page", [&](const Request&) {
    ++calls;
    return Response::html(200, "<p>lần " + std::to_string(calls) + "</p>");
  });
  router.add("GET", "/private", [&](const Request&) {
    ++calls;
    Response r = Response::html(200, "riêng");
    r.headers.push_back({"Cache-Control", "private, no-store"});
    return r;
  });
  ServerOptions o{"127.0.0.1", 0, "", [&] { return version; }};
  Server server(o, std::move(router));
  const unsigned short port = *server.listen();
  std::thread t([&] { (void)server.run(); });
  EXPECT_NE(get(port, "/page").find("lần 1"), std::string::npos);
  EXPECT_NE(get(port, "/page").find("lần 1"), std::string::npos);  // kept
  EXPECT_EQ(calls, 1);
  EXPECT_NE(get(port, "/page", "Cookie: lang=en\r\n").find("lần 2"), std::string::npos);
  EXPECT_NE(get(port, "/page", "Cookie: ntm_session=abc\r\n").find("lần 3"), std::string::npos);
  EXPECT_NE(get(port, "/page?x=1").find("lần 4"), std::string::npos);  // another target
  version = 2;                                                         // the data changed
  EXPECT_NE(get(port, "/page").find("lần 5"), std::string::npos);
  EXPECT_NE(get(port, "/page").find("lần 5"), std::string::npos);
  get(port, "/private");
  get(port, "/private");
  EXPECT_EQ(calls, 7);  // "private" answers are never kept
  server.stop();
  t.join();
}

// X-Forwarded-For is believed only from the configured proxies.
TEST(Http, ClientAddressFromTrustedProxiesOnly) {
  Request r;
  r.peer = "127.0.0.1";
  r.headers["x-forwarded-for"] = "198.51.100.7, 203.0.113.9";
  EXPECT_EQ(client_address(r, {}), "127.0.0.1");
  EXPECT_EQ(client_address(r, {"127.0.0.1"}), "203.0.113.9");
  EXPECT_EQ(client_address(r, {"127.0.0.1", "203.0.113.9"}), "198.51.100.7");
  r.peer = "192.0.2.1";  // not a proxy: its header is the client's own words
  EXPECT_EQ(client_address(r, {"127.0.0.1"}), "192.0.2.1");
}

// A server with small limits, on a thread of its own.
struct SmallServer {
  template <class Routers>
  explicit SmallServer(ServerOptions o, Routers routers)
      : server(std::move(o), std::move(routers)) {
    port = *server.listen();
    thread = std::thread([this] { status = server.run(); });
  }
  ~SmallServer() {
    server.stop();
    thread.join();
  }
  Server server;
  unsigned short port = 0;
  Status status;
  std::thread thread;
};

ServerOptions small_options() {
  ServerOptions o;
  o.port = 0;
  o.max_target_bytes = 256;
  o.max_header_bytes = 1024;
  o.max_body_bytes = 2048;
  o.max_connections = 3;
  o.header_timeout = std::chrono::seconds(1);
  return o;
}

Router echo_router() {
  Router router;
  router.add("GET", "/",
             [](const Request& r) { return Response::html(200, "xin chào " + r.arg("q")); });
  router.add("POST", "/form", [](const Request& r) {
    return Response::html(200, "nhận " + std::to_string(r.body.size()));
  });
  return router;
}

// Oversized requests get their status, not a dropped connection.
TEST(ServerLimits, OversizedRequestsAreAnsweredWithTheirStatus) {
  SmallServer s(small_options(), echo_router());
  EXPECT_NE(
      raw_exchange(s.port, "GET /?q=" + std::string(600, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n")
          .find("HTTP/1.1 414"),
      std::string::npos);
  EXPECT_NE(raw_exchange(s.port, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(2000, 'b') +
                                     "\r\n\r\n")
                .find("HTTP/1.1 431"),
            std::string::npos);
  const std::string body(5000, 'c');
  EXPECT_NE(raw_exchange(s.port, "POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                                     std::to_string(body.size()) + "\r\n\r\n" + body)
                .find("HTTP/1.1 413"),
            std::string::npos);
  // Within the limits all is as before.
  EXPECT_NE(raw_exchange(s.port,
                         "POST /form HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                         "Content-Length: 10\r\n\r\n0123456789")
                .find("nhận 10"),
            std::string::npos);
}

// HEAD answers as GET without the body; invalid UTF-8 or NUL in the query is 400.
TEST(ServerLimits, HeadAndInvalidText) {
  SmallServer s(small_options(), echo_router());
  const std::string head =
      raw_exchange(s.port, "HEAD /?q=a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(head.find("HTTP/1.1 200"), std::string::npos) << head;
  EXPECT_NE(head.find("Content-Length: "), std::string::npos);
  EXPECT_EQ(head.find("xin chào"), std::string::npos);
  for (const char* q : {"%C3%28", "a%00b", "%ED%A0%80", "%C0%AF"}) {
    const std::string r = raw_exchange(
        s.port, std::string("GET /?q=") + q + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_NE(r.find("HTTP/1.1 400"), std::string::npos) << q << r;
  }
  EXPECT_NE(
      raw_exchange(s.port, "GET /?q=L%E1%BB%99c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
          .find("xin chào Lộc"),
      std::string::npos);
}

// A client that sends half a request and waits is dropped after the header
// timeout; past max_connections a new client is told 503 at once.
TEST(ServerLimits, SlowClientsTimeOutAndConnectionsAreCapped) {
  SmallServer s(small_options(), echo_router());
  const int slow = open_connection(s.port);
  (void)write(slow, "GET / HTTP/1.1\r\nHo", 18);
  timeval tv{5, 0};
  setsockopt(slow, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  char buf[256];
  EXPECT_EQ(read(slow, buf, sizeof buf), 0);  // closed by the server, not our 5 s timeout
  close(slow);
  std::vector<int> idle;
  for (int i = 0; i < 3; ++i) idle.push_back(open_connection(s.port));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const std::string refused = raw_exchange(s.port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(refused.find("HTTP/1.1 503"), std::string::npos) << refused;
  EXPECT_NE(refused.find("Retry-After: 5"), std::string::npos);
  for (int fd : idle) close(fd);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_NE(get(s.port, "/").find("HTTP/1.1 200"), std::string::npos);
}

// While a handler works, /healthz and visitors' kept answers are still
// served (they do not wait for the worker).
TEST(ServerLimits, HealthAnswersWhileAHandlerIsBusy) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> started;
  Router router;
  router.add("GET", "/slow", [&](const Request&) {
    started.set_value();
    released.wait();
    return Response::html(200, "xong");
  });
  router.add("GET", "/page", [](const Request&) { return Response::html(200, "trang"); });
  ServerOptions o = small_options();
  o.max_connections = 64;
  o.header_timeout = std::chrono::seconds(30);
  o.data_version = [] { return int64_t{1}; };
  SmallServer s(o, std::move(router));
  EXPECT_NE(get(s.port, "/page").find("trang"), std::string::npos);  // kept from now on
  std::string slow;
  std::thread t([&] { slow = get(s.port, "/slow"); });
  started.get_future().wait();
  const std::string health = get(s.port, "/healthz");
  EXPECT_NE(health.find("\"status\":\"ok\""), std::string::npos) << health;
  EXPECT_NE(health.find("\"worker_busy_ms\":"), std::string::npos);
  EXPECT_NE(health.find("\"worker\":\"busy\""), std::string::npos);
  EXPECT_NE(get(s.port, "/page").find("trang"), std::string::npos);
  EXPECT_TRUE(slow.empty());  // still working
  release.set_value();
  t.join();
  EXPECT_NE(slow.find("xong"), std::string::npos);
}

// With two workers (each its own router, as each has its own database
// connection), a request is answered while the other worker is held by a
// long one; the health check says how many are busy.
TEST(ServerWorkers, TwoWorkersAnswerWhileOneIsHeld) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> started;
  std::atomic<int> answered_by[2] = {0, 0};
  std::vector<Router> routers(2);
  for (int i = 0; i < 2; ++i) {
    routers[static_cast<size_t>(i)].add("GET", "/slow", [&](const Request&) {
      started.set_value();
      released.wait();
      return Response::html(200, "xong");
    });
    routers[static_cast<size_t>(i)].add("GET", "/page", [&answered_by, i](const Request&) {
      ++answered_by[i];
      return Response::html(200, "trang");
    });
  }
  ServerOptions o = small_options();
  o.max_connections = 64;
  o.header_timeout = std::chrono::seconds(30);
  SmallServer s(o, std::move(routers));
  std::string slow;
  std::thread t([&] { slow = get(s.port, "/slow"); });
  started.get_future().wait();
  // The held worker would never answer these: the other one does.
  for (int i = 0; i < 3; ++i) EXPECT_NE(get(s.port, "/page").find("trang"), std::string::npos);
  EXPECT_EQ(answered_by[0] + answered_by[1], 3);
  EXPECT_TRUE(answered_by[0] == 0 || answered_by[1] == 0);  // all by the free one
  const std::string health = get(s.port, "/healthz");
  EXPECT_NE(health.find("\"workers\":2,\"workers_busy\":1"), std::string::npos) << health;
  EXPECT_TRUE(slow.empty());
  release.set_value();
  t.join();
  EXPECT_NE(slow.find("xong"), std::string::npos);
}

// Out of file descriptors, the server refuses nobody for good: accept waits
// and retries, and serves again once descriptors are free. (In a child
// process: its descriptor limit is lowered.)
TEST(ServerLimits, KeepsServingAfterRunningOutOfDescriptors) {
  Server server(small_options(), echo_router());
  const unsigned short port = *server.listen();
  const pid_t child = fork();
  if (child == 0) {
    int highest = 0;
    for (int fd = 0; fd < 1024; ++fd)
      if (fcntl(fd, F_GETFD) != -1) highest = fd;
    rlimit lim{static_cast<rlim_t>(highest + 6), static_cast<rlim_t>(highest + 6)};
    setrlimit(RLIMIT_NOFILE, &lim);
    const Status st = server.run();
    _exit(st.is_ok() ? 0 : 3);
  }
  std::vector<int> many;
  for (int i = 0; i < 20; ++i) many.push_back(open_connection(port));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  for (int fd : many) close(fd);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  std::string answer;
  for (int i = 0; i < 20 && answer.find("xin chào") == std::string::npos; ++i) {
    answer = get(port, "/");
    if (answer.find("xin chào") == std::string::npos)
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_NE(answer.find("xin chào"), std::string::npos);
  int status = 0;
  EXPECT_EQ(waitpid(child, &status, WNOHANG), 0);  // still running
  kill(child, SIGTERM);
  waitpid(child, &status, 0);
}

// After a data change every visitor misses at once: the page is computed
// once and the others wait for that answer instead of queueing the same work.
TEST(ServerCache, VisitorsAskingAtOnceShareOneComputation) {
  std::atomic<int> calls{0};
  std::promise<void> started, release;
  std::shared_future<void> released = release.get_future().share();
  Router router;
  router.add("GET", "/page", [&](const Request&) {
    if (calls++ == 0) {
      started.set_value();
      released.wait();
    }
    return Response::html(200, "trang chung");
  });
  ServerOptions o = small_options();
  o.max_connections = 64;
  o.header_timeout = std::chrono::seconds(30);
  o.data_version = [] { return int64_t{1}; };
  SmallServer s(o, std::move(router));
  std::vector<std::string> answers(8);
  std::vector<std::thread> visitors;
  visitors.emplace_back([&] { answers[0] = get(s.port, "/page"); });
  started.get_future().wait();
  for (size_t i = 1; i < answers.size(); ++i)
    visitors.emplace_back([&, i] { answers[i] = get(s.port, "/page"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // all are waiting now
  release.set_value();
  for (auto& t : visitors) t.join();
  EXPECT_EQ(calls.load(), 1);
  for (const std::string& a : answers) EXPECT_NE(a.find("trang chung"), std::string::npos);
}

}  // namespace
}  // namespace ntm

namespace ntm {
namespace {

// SIGTERM drains: the request being answered gets its whole answer, new
// connections are refused, and run() returns (a restart loses no request).
TEST(ServerDrain, SigtermAnswersTheRequestInFlightThenEnds) {
  Router router;
  std::promise<void> started;
  router.add("GET", "/slow", [&](const Request&) {
    started.set_value();
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    return Response::html(200, "<p>xong</p>");
  });
  Server server(ServerOptions{"127.0.0.1", 0, ""}, std::move(router));
  const unsigned short port = *server.listen();
  Status ended = Status::internal("still running");
  std::thread running([&] { ended = server.run(); });
  std::string answer;
  std::thread client([&] { answer = get(port, "/slow"); });
  started.get_future().wait();
  ASSERT_EQ(std::raise(SIGTERM), 0);
  client.join();
  running.join();
  EXPECT_NE(answer.find("HTTP/1.1 200"), std::string::npos) << answer;
  EXPECT_NE(answer.find("xong"), std::string::npos);
  EXPECT_TRUE(ended.is_ok()) << ended.to_string();
  EXPECT_EQ(raw_exchange(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"), "");  // no longer listening
}

}  // namespace
}  // namespace ntm
