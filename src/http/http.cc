#include "http/http.h"

#include <zlib.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/strings.h"

namespace ntm {

std::string Request::arg(const std::string& name, const std::string& fallback) const {
  if (auto it = params.find(name); it != params.end()) return it->second;
  if (auto it = query.find(name); it != query.end()) return it->second;
  return fallback;
}

std::string Request::field(const std::string& name) const {
  auto it = form.find(name);
  return it == form.end() ? "" : it->second;
}

std::string Request::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

std::string Request::cookie(const std::string& name) const {
  for (const std::string& part : split(header("cookie"), ';')) {
    const std::string_view p = trim(part);
    const size_t eq = p.find('=');
    if (eq != std::string::npos && p.substr(0, eq) == name) return std::string(p.substr(eq + 1));
  }
  return "";
}

Response Response::json(int status, std::string body) {
  return {status, "application/json; charset=utf-8", std::move(body), {}};
}

Response Response::html(int status, std::string body) {
  return {status, "text/html; charset=utf-8", std::move(body), {}};
}

Response Response::redirect(const std::string& location) {
  Response r{303, "text/plain; charset=utf-8", "", {}};
  r.headers.push_back({"Location", location});
  return r;
}

Response Response::json_error(int status, const std::string& code, const std::string& message) {
  return json(status, nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump());
}

const char* access_name(Access a) {
  switch (a) {
    case Access::kPublic:
      return "public";
    case Access::kSignedIn:
      return "signed-in";
    case Access::kAdmin:
      return "admin";
    case Access::kOffice:
      return "office";
    case Access::kDepartment:
      return "department";
    case Access::kCommune:
      return "commune";
  }
  return "?";
}

bool role_allows(Access access, Role role) {
  switch (access) {
    case Access::kPublic:
    case Access::kSignedIn:
      return true;
    case Access::kAdmin:
      return role == Role::kAdmin;
    case Access::kOffice:
      return role == Role::kAdmin || role == Role::kCentral;
    case Access::kDepartment:
      return role == Role::kAdmin || role == Role::kDepartment;
    case Access::kCommune:
      return role == Role::kAdmin || role == Role::kCommune;
  }
  return false;
}

void Router::add(const std::string& method, const std::string& pattern, Access access, Handler h) {
  std::vector<std::string> segments = split(pattern, '/');
  routes_.push_back({method, pattern, access, std::move(segments), std::move(h)});
}

std::vector<Router::RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  for (const Route& r : routes_) out.push_back({r.method, r.pattern, r.access});
  return out;
}

Response Router::refuse(const Request& r, int status, const std::string& code,
                        const std::string& message) const {
  if (r.path.rfind("/api/", 0) == 0) return Response::json_error(status, code, message);
  if (status == 401 && r.method == "GET")
    return Response::redirect("/login?next=" + url_encode(r.path));
  return Response::html(
      status,
      "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>" + html_escape(message) +
          "</title><h1>" + html_escape(message) +
          "</h1><p><a href=\"/login\">Đăng nhập</a> · <a href=\"/\">Trang chủ</a></p></html>");
}

Response Router::dispatch(Request r) const {
  if (!around_) return route(std::move(r));
  return around_(r, [this](Request q) { return route(std::move(q)); });
}

Response Router::route(Request r) const {
  const std::vector<std::string> parts = split(r.path, '/');
  for (const Route& route : routes_) {
    if (route.method != r.method || route.segments.size() != parts.size()) continue;
    std::map<std::string, std::string> params;
    bool match = true;
    for (size_t i = 0; i < parts.size() && match; ++i) {
      const std::string& seg = route.segments[i];
      if (!seg.empty() && seg[0] == ':') {
        params[seg.substr(1)] = parts[i];
        match = !parts[i].empty();
      } else {
        match = seg == parts[i];
      }
    }
    if (!match) continue;
    r.params = std::move(params);
    if (authenticate_ && !r.cookie("ntm_session").empty()) r.principal = authenticate_(r);
    if (route.access != Access::kPublic) {
      if (!r.principal) return refuse(r, 401, "unauthenticated", "Cần đăng nhập");
      if (!role_allows(route.access, r.principal->first.role)) {
        return refuse(r, 403, "forbidden", "Không có quyền truy cập");
      }
      if (r.method != "GET" && r.method != "HEAD") {
        const std::string token =
            !r.field("csrf").empty() ? r.field("csrf") : r.header("x-csrf-token");
        if (!constant_time_equal(token, r.principal->second.csrf_token)) {
          return refuse(r, 403, "csrf",
                        "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ, hãy tải lại trang");
        }
      }
    }
    return route.handler(r);
  }
  if (r.path.rfind("/api/", 0) == 0) {
    return Response::json_error(404, "not_found", "Không tìm thấy: " + r.path);
  }
  if (not_found_page_) return not_found_page_(r);
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

std::map<std::string, std::string> parse_form(const std::string& body) {
  std::map<std::string, std::string> out;
  for (const std::string& pair : split(body, '&')) {
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    const std::string value =
        eq == std::string::npos ? "" : url_decode(std::string_view(pair).substr(eq + 1));
    // A field sent several times (a multi-select) keeps every value, joined by ','.
    auto [it, fresh] = out.emplace(url_decode(pair.substr(0, eq)), value);
    if (!fresh) it->second += "," + value;
  }
  return out;
}

namespace {

// The value of `key="..."` (or key=token) in a header value.
std::string header_param(const std::string& header, const std::string& key) {
  const std::string needle = key + "=";
  size_t at = 0;
  while ((at = header.find(needle, at)) != std::string::npos) {
    if (at == 0 || header[at - 1] == ' ' || header[at - 1] == ';') break;
    at += needle.size();
  }
  if (at == std::string::npos) return "";
  at += needle.size();
  if (at < header.size() && header[at] == '"') {
    const size_t end = header.find('"', at + 1);
    return end == std::string::npos ? "" : header.substr(at + 1, end - at - 1);
  }
  const size_t end = header.find(';', at);
  return std::string(
      trim(header.substr(at, end == std::string::npos ? std::string::npos : end - at)));
}

}  // namespace

bool parse_multipart(const std::string& body, const std::string& content_type,
                     std::map<std::string, std::string>& form,
                     std::map<std::string, UploadedFile>& files) {
  const std::string boundary = header_param(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 200) return false;
  const std::string delim = "--" + boundary;
  size_t pos = body.find(delim);
  if (pos == std::string::npos) return false;
  for (;;) {
    pos += delim.size();
    if (body.compare(pos, 2, "--") == 0) return true;  // the closing delimiter
    if (body.compare(pos, 2, "\r\n") != 0) return false;
    pos += 2;
    const size_t head_end = body.find("\r\n\r\n", pos);
    if (head_end == std::string::npos) return false;
    std::string disposition, type;
    for (const std::string& line :
         split(std::string_view(body).substr(pos, head_end - pos), '\n')) {
      const std::string l(trim(line));
      const size_t colon = l.find(':');
      if (colon == std::string::npos) continue;
      std::string name = l.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const std::string value(trim(std::string_view(l).substr(colon + 1)));
      if (name == "content-disposition") disposition = value;
      if (name == "content-type") type = value;
    }
    const size_t data_start = head_end + 4;
    const size_t next = body.find("\r\n" + delim, data_start);
    if (next == std::string::npos) return false;
    const std::string name = header_param(disposition, "name");
    std::string data = body.substr(data_start, next - data_start);
    if (disposition.find("filename=") != std::string::npos) {
      const std::string filename = header_param(disposition, "filename");
      if (!filename.empty() || !data.empty()) files[name] = {filename, type, std::move(data)};
    } else {
      form[name] = std::move(data);
    }
    pos = next + 2;
  }
}

bool constant_time_equal(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::string url_encode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string gzip(const std::string& data) {
  z_stream zs{};
  if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return "";
  std::string out(deflateBound(&zs, data.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : "";
}

bool valid_request_text(const Request& r) {
  if (!valid_text(r.path)) return false;
  for (const auto* fields : {&r.query, &r.form})
    for (const auto& [k, v] : *fields)
      if (!valid_text(k) || !valid_text(v)) return false;
  return true;
}

std::string client_address(const Request& r, const std::vector<std::string>& trusted) {
  const auto is_trusted = [&](std::string_view a) {
    return std::find(trusted.begin(), trusted.end(), a) != trusted.end();
  };
  if (!is_trusted(r.peer)) return r.peer;
  std::string address = r.peer;
  for (const std::string& hop : split(r.header("x-forwarded-for"), ',')) {
    const std::string a(trim(hop));
    if (!a.empty() && !is_trusted(a) && a.size() <= 64) address = a;
  }
  return address;
}

}  // namespace ntm
