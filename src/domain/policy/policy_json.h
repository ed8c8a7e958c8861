#pragma once
// Reading a policy document (policies/*.json, or a file an operator supplies). Strict: a missing
// key, an unknown key, a wrong type or a value out of range is kBadPolicy naming the field path
// (e.g. "retakes.makeup_years"), so that a typo never silently falls back to a default.
// The document format is shown by the shipped files policies/policy-2025.json and
// policies/policy-2026-09.json.

#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/common/result.h"
#include "domain/policy/policy.h"

namespace rc {

[[nodiscard]] Result<Policy> parse_policy(const nlohmann::json& document);
// Text form; malformed JSON is kBadPolicy too (field "$").
[[nodiscard]] Result<Policy> parse_policy_text(std::string_view text);

}  // namespace rc
