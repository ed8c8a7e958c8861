#include "web/reply.h"

#include "app/error_json.h"
#include "web/error_status.h"

namespace rc::web {

Reply json_reply(int status, const nlohmann::json& body) {
  Reply r;
  r.status = status;
  // Invalid UTF-8 from outside input is replaced rather than thrown on.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Reply error_reply(const Error& e) { return json_reply(http_status(e.code), app::error_json(e)); }

Reply text_reply(int status, std::string content_type, std::string body) {
  Reply r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

}  // namespace rc::web
