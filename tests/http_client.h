// A minimal HTTP/1.1 client for end-to-end tests against a loopback server.
#pragma once

#include <string>

namespace ntm {

struct Reply {
  int status = 0;
  std::string head, body;
};

Reply request(unsigned short port, const std::string& method, const std::string& target,
              const std::string& extra, const std::string& body);

inline Reply get(unsigned short port, const std::string& target, const std::string& extra = "") {
  return request(port, "GET", target, extra, "");
}

// A url-encoded form.
inline Reply post(unsigned short port, const std::string& target, const std::string& body,
                  const std::string& extra = "") {
  return request(port, "POST", target,
                 extra + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\n",
                 body);
}

}  // namespace ntm
