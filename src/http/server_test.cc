// End-to-end: a real server on a loopback port, a real socket client.
#include "http/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

namespace ntm {
namespace {

std::string get(unsigned short port, const std::string& target, const std::string& extra = "") {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return "";
  const std::string req =
      "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + extra + "\r\n";
  (void)write(fd, req.data(), req.size());
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  close(fd);
  return out;
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

}  // namespace
}  // namespace ntm
