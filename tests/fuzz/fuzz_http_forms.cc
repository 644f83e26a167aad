// What a browser sends: request targets and query strings, url-encoded and
// multipart bodies, X-Forwarded-For. The first line of the input is the
// multipart content type, the rest the body.
#include <cstdlib>
#include <string>

#include "base/strings.h"
#include "http/http.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  ntm::Request r = ntm::parse_target("GET", text);
  (void)ntm::valid_request_text(r);
  (void)ntm::parse_form(text);
  const size_t nl = text.find('\n');
  std::map<std::string, std::string> form;
  std::map<std::string, ntm::UploadedFile> files;
  const std::string type = nl == std::string::npos ? text : text.substr(0, nl);
  const std::string body = nl == std::string::npos ? "" : text.substr(nl + 1);
  (void)ntm::parse_multipart(body, type, form, files);
  r.peer = "127.0.0.1";
  r.headers["x-forwarded-for"] = text;
  const std::string client = ntm::client_address(r, {"127.0.0.1"});
  if (client.size() > 64 && client != r.peer) std::abort();
  if (ntm::url_encode(text).find_first_of("\r\n ") != std::string::npos) std::abort();
  return 0;
}
