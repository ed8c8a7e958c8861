#pragma once
// A sealed paper as a JSON document, for the store (one row per candidate and sitting) and for
// audit exports. Reading is strict (unknown fields, wrong types, duplicate keys refused with a
// field path and a Chinese message) and ends with verify_seal, so a stored paper that was altered
// is refused (kConflict "seal") rather than marked. Pure; thread-safe.
//
//   {"format": "rc-exam-paper/1", "sitting_id": "...", "candidate_id": "...",
//    "seed": "18446744073709551615",            (a decimal string: JSON numbers lose 64-bit seeds)
//    "bank_id": "...", "blueprint_id": "...", "seal": "<64 hex>",
//    "questions": [{"item_id": "...", "item_version": 1, "kind": "single_choice", "area": "fire",
//                   "order": [2, 0, 3, 1], "key": 1, "points": 1, "item_digest": "<64 hex>"}]}
// "order" lists the item's original options at each displayed position; "key" is the displayed
// position (0-based) of the right answer; true/false questions have "order": [0, 1].

#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/common/result.h"
#include "exam/paper.h"

namespace rc::exam {

inline constexpr std::size_t kMaxPaperBytes = 1u << 20;
inline constexpr std::size_t kMaxPaperQuestions = 1000;

nlohmann::json paper_to_json(const Paper& paper);
[[nodiscard]] Result<Paper> parse_paper_json(const nlohmann::json& document);
[[nodiscard]] Result<Paper> parse_paper_text(std::string_view text);

}  // namespace rc::exam
