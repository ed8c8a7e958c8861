#pragma once
// GET of a JSON document from a running RescueCert server, for the commands that check a server
// from outside (`log verify --url`, `cert verify --log-url`): plain http:// (put TLS in front
// with a proxy), one request per connection, 30 s without data fails.

#include <string>

#include <nlohmann/json.hpp>

#include "domain/common/result.h"

namespace rc::cli {

struct BaseUrl {
  std::string host, port, prefix;
};

// "http://host[:port][/prefix]"; kInvalidValue naming `option` otherwise.
[[nodiscard]] Result<BaseUrl> parse_base_url(std::string url, const std::string& option = "--url");

// The JSON of a 200 answer to GET base + target. kNotFound for a 404; kStatusUnavailable when the
// server cannot be reached or answers anything else.
[[nodiscard]] Result<nlohmann::json> http_get_json(const BaseUrl& base, const std::string& target);

}  // namespace rc::cli
