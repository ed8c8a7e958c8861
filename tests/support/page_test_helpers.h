#pragma once
// Small helpers shared by the tests that drive pages over HTTP: synthetic resident ID numbers,
// form encoding and body checks. Header-only so that any test program may use them.

#include <cctype>
#include <string>

#include "domain/identity/id_number.h"
#include "support/http_client.h"

namespace rc::testing {

// A valid 居民身份证 number of a person born 1990-03-07 in 南充市顺庆区, sequence `seq` (1..999).
inline std::string resident_id_number(int seq) {
  std::string s = std::to_string(seq);
  std::string body = "51130219900307" + std::string(3 - s.size(), '0') + s;
  return body + identity::mod11_2_check_character(body);
}

// application/x-www-form-urlencoded value encoding (every byte outside [A-Za-z0-9-_.] as %XX).
inline std::string url_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out += static_cast<char>(c);
    else out += std::string("%") + hex[c >> 4] + hex[c & 15];
  }
  return out;
}

inline bool body_has(const HttpResponse& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

}  // namespace rc::testing
