// Our own small HTTP types, so that only server.cc sees Boost.Beast.
// One route = one handler: a function from Request to Response.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ntm {

struct Request {
  std::string method;  // "GET"
  std::string path;    // "/api/v1/health" (no query)
  std::map<std::string, std::string> query;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;

  static Response json(int status, std::string body);
  static Response html(int status, std::string body);
};

using Handler = std::function<Response(const Request&)>;

// Exact-path routing table; unknown paths get JSON 404 under /api, HTML else.
class Router {
 public:
  void add(const std::string& method, const std::string& path, Handler h);
  Response dispatch(const Request& r) const;

 private:
  std::map<std::pair<std::string, std::string>, Handler> routes_;
};

// Splits "/a/b?x=1&y=%C3%A0" into path and decoded query parameters.
Request parse_target(const std::string& method, const std::string& target);
std::string html_escape(const std::string& s);

}  // namespace ntm
