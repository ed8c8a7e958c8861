#pragma once
// The JSON shape of an error, shared by the CLI and the HTTP API:
//   {"error": {"code": "id.bad_checksum", "field": "...", "message": "中文原因", "rule": "D16"}}
// "field" and "rule" are present only when known.

#include <nlohmann/json.hpp>

#include "domain/common/error.h"

namespace rc::app {

inline nlohmann::json error_json(const Error& e) {
  nlohmann::json inner{{"code", code_name(e.code)}, {"message", e.message}};
  if (!e.field.empty()) inner["field"] = e.field;
  if (!e.rule.empty()) inner["rule"] = e.rule;
  return nlohmann::json{{"error", std::move(inner)}};
}

}  // namespace rc::app
