#pragma once
// Use case "rules evaluate" (RULES.md "The rules interface"): a candidate's history as a JSON
// document in, the rules decision as JSON out. Shared by `rescuecert rules evaluate [FILE|-]` and
// `POST /api/v1/rules/evaluate`; errors are rendered by the caller with app::error_json().
//
// The document is read strictly: malformed JSON, duplicate keys, missing, unknown or wrong-typed
// fields, unknown enum values, impossible dates, scores outside 0–100 are refused with an Error
// naming the field path (e.g. "registrations[0].sittings[2].kind") and the reason in Chinese.
// Documents over kMaxRulesDocumentBytes are refused unread (kTooLarge).
//
// Thread-safe: no state; the catalog is read-only.

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "domain/rules/decision.h"
#include "domain/rules/history.h"

namespace rc::app {

inline constexpr std::size_t kMaxRulesDocumentBytes = 1 << 20;  // 1 MiB

// Parse + rules::evaluate + render.
[[nodiscard]] rc::Result<nlohmann::json> evaluate_rules_document(std::string_view json_text, const PolicyCatalog& policies);

// The two halves, for callers that hold typed values (tests, benchmarks).
[[nodiscard]] rc::Result<rules::History> parse_rules_document(std::string_view json_text);
nlohmann::json render_decision(const rules::Decision& decision);

}  // namespace rc::app
