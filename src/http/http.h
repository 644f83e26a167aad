// Our own small HTTP types, so that only server.cc sees Boost.Beast.
// One route = one handler: a function from Request to Response.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "model/user.h"

namespace ntm {

struct UploadedFile {
  std::string filename;      // as the browser sent it (never trusted for the type)
  std::string content_type;  // as the browser sent it (never trusted)
  std::string data;
};

struct Request {
  std::string method;  // "GET"
  std::string path;    // "/commune/18580" (no query)
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // lower-case names
  std::map<std::string, std::string> params;   // from the route pattern (":code")
  std::string body;
  std::map<std::string, std::string> form;    // url-encoded or multipart form fields
  std::map<std::string, UploadedFile> files;  // multipart file parts with a file name
  std::string peer;                           // client address
  // The signed-in user and session, set by the router for protected routes
  // (and for public ones when a valid session cookie comes along).
  std::optional<std::pair<User, Session>> principal;

  // A path parameter, else a query parameter, else `fallback`.
  std::string arg(const std::string& name, const std::string& fallback = "") const;
  std::string field(const std::string& name) const;  // a form field, or ""
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

// Who may use a route. Enforced by the Router before the handler runs.
enum class Access {
  kPublic,      // anyone, no login
  kSignedIn,    // any signed-in user
  kAdmin,       // a province's coordination office (what it may touch: service/scope.h)
  kOffice,      // a province's office or the central office
  kDepartment,  // department officer (and admin)
  kCommune,     // commune officer (and admin)
};
const char* access_name(Access a);
// Whether a user of `role` passes `access` (admins pass every level).
bool role_allows(Access access, Role role);

// Finds the user of a request's session cookie, if any.
using Authenticator = std::function<std::optional<std::pair<User, Session>>(const Request&)>;

// The route table: patterns are exact paths or have ":name" segments
// ("/commune/:code"). Unknown paths get a JSON 404 under /api, HTML elsewhere.
// Protected routes: no session -> 401 (JSON under /api; HTML pages redirect
// GETs to /login); wrong role -> 403; a state-changing request without the
// session's CSRF token (form field "csrf" or header X-CSRF-Token) -> 403.
class Router {
 public:
  void add(const std::string& method, const std::string& pattern, Access access, Handler h);
  void add(const std::string& method, const std::string& pattern, Handler h) {
    add(method, pattern, Access::kPublic, std::move(h));
  }
  Response dispatch(Request r) const;
  // Runs around every request (its authentication included): what must
  // happen before and after each, such as choosing the database it reads.
  using Inner = std::function<Response(Request)>;
  using Around = std::function<Response(const Request&, const Inner&)>;
  void set_around(Around a) { around_ = std::move(a); }
  struct RouteInfo {
    std::string method, pattern;
    Access access;
  };
  // Every route, in the order added: for route-table tests.
  std::vector<RouteInfo> routes() const;
  void set_not_found_page(Handler h) { not_found_page_ = std::move(h); }
  void set_authenticator(Authenticator a) { authenticate_ = std::move(a); }

 private:
  struct Route {
    std::string method;
    std::string pattern;
    Access access;
    std::vector<std::string> segments;
    Handler handler;
  };
  Response route(Request r) const;
  Response refuse(const Request& r, int status, const std::string& code,
                  const std::string& message) const;
  std::vector<Route> routes_;
  Handler not_found_page_;
  Authenticator authenticate_;
  Around around_;
};

// Parses an application/x-www-form-urlencoded body. A field sent several
// times (a multi-select) keeps every value, joined by ",".
std::map<std::string, std::string> parse_form(const std::string& body);
// Parses a multipart/form-data body (RFC 7578) into fields and files; false
// when it is malformed.
bool parse_multipart(const std::string& body, const std::string& content_type,
                     std::map<std::string, std::string>& form,
                     std::map<std::string, UploadedFile>& files);
// Whether the path, query and form fields of a request are valid text
// (valid_text: UTF-8, no NUL or control characters). Uploaded files are
// checked by what reads them.
bool valid_request_text(const Request& r);
// The client's address: the peer's, or, when the peer is one of the
// `trusted` proxies (nginx in front), the right-most X-Forwarded-For address
// that is not a trusted proxy. Anyone else's X-Forwarded-For is ignored.
std::string client_address(const Request& r, const std::vector<std::string>& trusted);
// Compares secrets in time independent of where they differ.
bool constant_time_equal(const std::string& a, const std::string& b);

// Splits "/a/b?x=1&y=%C3%A0" into path and decoded query parameters.
Request parse_target(const std::string& method, const std::string& target);
std::string url_encode(const std::string& s);
// gzip of `data` (RFC 1952), or "" when compression fails.
std::string gzip(const std::string& data);

}  // namespace ntm
