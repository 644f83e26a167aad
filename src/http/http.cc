#include "http/http.h"

#include "base/strings.h"

namespace ntm {

Response Response::json(int status, std::string body) {
  return {status, "application/json; charset=utf-8", std::move(body)};
}

Response Response::html(int status, std::string body) {
  return {status, "text/html; charset=utf-8", std::move(body)};
}

void Router::add(const std::string& method, const std::string& path, Handler h) {
  routes_[{method, path}] = std::move(h);
}

Response Router::dispatch(const Request& r) const {
  if (auto it = routes_.find({r.method, r.path}); it != routes_.end()) return it->second(r);
  if (r.path.rfind("/api/", 0) == 0) {
    return Response::json(404, R"({"error":{"code":"not_found","message":"Không tìm thấy"}})");
  }
  return Response::html(404,
                        "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\">"
                        "<title>Không tìm thấy</title><h1>Không tìm thấy trang</h1>"
                        "<p><a href=\"/\">Về trang chủ</a></p></html>");
}

namespace {

std::string url_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() &&
               std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

Request parse_target(const std::string& method, const std::string& target) {
  Request r;
  r.method = method;
  const size_t q = target.find('?');
  r.path = url_decode(std::string_view(target).substr(0, q));
  if (q == std::string::npos) return r;
  for (const std::string& pair : split(std::string_view(target).substr(q + 1), '&')) {
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    r.query[url_decode(pair.substr(0, eq))] =
        eq == std::string::npos ? "" : url_decode(std::string_view(pair).substr(eq + 1));
  }
  return r;
}

std::string html_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace ntm
