// Our own small HTTP types, so that only server.cc sees Boost.Beast.
// One route = one handler: a function from Request to Response.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ntm {

struct Request {
  std::string method;  // "GET"
  std::string path;    // "/commune/18580" (no query)
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // lower-case names
  std::map<std::string, std::string> params;   // from the route pattern (":code")

  std::string arg(const std::string& name, const std::string& fallback = "") const;
  std::string header(const std::string& name) const;
  std::string cookie(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers

  static Response json(int status, std::string body);
  static Response html(int status, std::string body);
  static Response redirect(const std::string& location);
  // {"error":{"code":..., "message":...}} with the given status.
  static Response json_error(int status, const std::string& code, const std::string& message);
};

using Handler = std::function<Response(const Request&)>;

// The route table: patterns are exact paths or have ":name" segments
// ("/commune/:code"). Unknown paths get a JSON 404 under /api, HTML elsewhere.
class Router {
 public:
  void add(const std::string& method, const std::string& pattern, Handler h);
  Response dispatch(Request r) const;
  // Every (method, pattern), in the order added: for route-table tests.
  std::vector<std::pair<std::string, std::string>> routes() const;
  void set_not_found_page(Handler h) { not_found_page_ = std::move(h); }

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
  Handler not_found_page_;
};

// Splits "/a/b?x=1&y=%C3%A0" into path and decoded query parameters.
Request parse_target(const std::string& method, const std::string& target);
std::string html_escape(const std::string& s);
std::string url_encode(const std::string& s);
// gzip of `data` (RFC 1952), or "" when compression fails.
std::string gzip(const std::string& data);

}  // namespace ntm
