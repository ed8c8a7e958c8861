#pragma once
// A minimal blocking HTTP/1.1 client over POSIX sockets for tests against a real server on
// loopback: one request per connection (Connection: close), whole response read.

#include <cstdint>
#include <map>
#include <string>

namespace rc::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

// Sends `raw` as is (for malformed-request tests) and reads the answer.
HttpResponse http_raw(std::uint16_t port, const std::string& raw);

HttpResponse http_request(std::uint16_t port, const std::string& method, const std::string& target,
                          const std::string& body = "", const std::string& content_type = "application/json",
                          const std::map<std::string, std::string>& headers = {});

}  // namespace rc::testing
