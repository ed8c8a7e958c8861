#pragma once
// A sealed paper (exam/paper.h) as the canonical JSON stored with it (exam_papers.paper_json),
// and back, in the exam module's format (exam/paper_json.h): keys sorted, no spaces, so the same
// paper always gives the same bytes; reading back verifies the seal (an altered row is refused).
//
// What a candidate is shown (stems and options in displayed order) comes from the bank the paper
// names (exam_question_views): papers record (item, version), which never change meaning
// (exam/item.h check_revision), so the stored paper stays small (~10 KB).
// Pure; thread-safe.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/common/result.h"
#include "exam/paper.h"
#include "store/database.h"

namespace rc::app {

std::string paper_to_json_text(const exam::Paper& paper);
// exam::parse_paper_text's refusals (kConflict "seal" for an altered paper).
[[nodiscard]] Result<exam::Paper> paper_from_json_text(std::string_view text);

// One digit per question in paper order: how many choices it shows ('4' or '2').
std::string choice_counts(const exam::Paper& paper);

// The questions as the candidate sees them, from the bank items the paper was drawn from
// (exam_bank.h paper_item: the store, checked against the sealed digests):
//   [{"no": 1, "kind": "single_choice", "kind_name": "单选题", "stem": "...",
//     "choices": [{"value": 0, "label": "A", "text": "..."}, ...]}, ...]
// kNotFound when an item is missing; kConflict when one no longer matches the seal.
[[nodiscard]] Result<nlohmann::json> exam_question_views(store::Transaction& tx, const exam::Paper& paper);

}  // namespace rc::app
