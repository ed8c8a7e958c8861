#pragma once
// What a handler answers: status, content type and body, built by the helpers below so that
// every JSON answer and every error has one shape (app/error_json.h) and one status mapping.

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/common/error.h"

namespace rc::web {

struct Reply {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

Reply json_reply(int status, const nlohmann::json& body);
Reply error_reply(const Error& e);
Reply text_reply(int status, std::string content_type, std::string body);

}  // namespace rc::web
