#include "web/request_checks.h"

#include <algorithm>
#include <cctype>

namespace rc::web {

Result<void> require_json_body(const Request& req) {
  const auto ct = req->header().opt_value_of(restinio::http_field::content_type);
  if (!ct) return fail(ErrorCode::kUnsupportedMediaType, "Content-Type");
  std::string media(ct->data(), ct->size());
  media = media.substr(0, media.find(';'));
  media.erase(std::remove_if(media.begin(), media.end(), [](unsigned char c) { return std::isspace(c); }), media.end());
  std::transform(media.begin(), media.end(), media.begin(), [](unsigned char c) { return std::tolower(c); });
  if (media != "application/json") return fail(ErrorCode::kUnsupportedMediaType, "Content-Type");
  return ok();
}

}  // namespace rc::web
