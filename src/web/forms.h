#pragma once
// Form bodies: application/x-www-form-urlencoded fields, and multipart/form-data parts (file
// uploads). Parsed once at the edge; a malformed body is an error value, never an exception.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "domain/common/result.h"
#include "web/restinio_fwd.h"

namespace rc::web {

struct UploadedFile {
  std::string filename;
  std::string content_type;
  std::string bytes;
};

struct Form {
  std::map<std::string, std::string, std::less<>> fields;
  std::map<std::string, UploadedFile, std::less<>> files;

  // The field's value, trimmed of surrounding ASCII spaces; "" when absent.
  std::string get(std::string_view name) const;
  // The field's value exactly as sent (passwords: spaces are significant); "" when absent.
  std::string value_or_empty(std::string_view name) const;
  bool has(std::string_view name) const { return fields.find(name) != fields.end(); }
};

// Parses the request's body by its Content-Type (urlencoded or multipart). Field values must be
// valid UTF-8 without NUL; at most 200 fields; file parts kept whole (the server's body limit
// bounds them).
[[nodiscard]] Result<Form> parse_form(const Request& req);
[[nodiscard]] Result<Form> parse_urlencoded(std::string_view body);

bool valid_utf8(std::string_view s);

}  // namespace rc::web
