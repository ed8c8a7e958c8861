#pragma once
// Checks shared by the JSON API endpoints, applied before a body is parsed.

#include "domain/common/result.h"
#include "web/restinio_fwd.h"

namespace rc::web {

// The request declares a JSON body (Content-Type application/json, any charset parameter).
[[nodiscard]] Result<void> require_json_body(const Request& req);

}  // namespace rc::web
