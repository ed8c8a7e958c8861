#pragma once
// Items and banks as JSON documents (import/export, F8). Strict: unknown fields, wrong types,
// duplicate keys, bad enum codes and out-of-range values are refused with the field path
// ("items[12].answer") and a Chinese message; nothing is guessed. Export then import gives back
// the same items. Pure; thread-safe.
//
// Item:  {"id": "SC-CPR-001", "version": 1, "kind": "single_choice", "area": "first_aid",
//         "difficulty": 2, "status": "reviewed", "stem": "...", "options": ["..", "..", "..", ".."],
//         "answer": "C", "explanation": "..."}
//   kind "true_false" has no "options" and a boolean "answer" (true = the statement is 正确).
//   "explanation" is optional.
// Bank:  {"id": "demo-bank", "title": "...", "comment": "...", "items": [item, ...]}
//   "comment" is optional.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/common/result.h"
#include "exam/item.h"

namespace rc::exam {

inline constexpr std::size_t kMaxBankItems = 20000;
inline constexpr std::size_t kMaxBankBytes = 32u << 20;
inline constexpr std::size_t kMaxItemBytes = 64u << 10;

struct BankDocument {
  std::string id;
  std::string title;
  std::string comment;
  std::vector<Item> items;
};

// One item object at `path` (for messages); validated (validate_item).
[[nodiscard]] Result<Item> parse_item(const nlohmann::json& value, std::string_view path = {});
[[nodiscard]] Result<Item> parse_item_text(std::string_view text);
nlohmann::json item_to_json(const Item& item);

// Items checked one by one, then together (check_bank_items).
[[nodiscard]] Result<BankDocument> parse_bank_text(std::string_view text);
nlohmann::json bank_to_json(const BankDocument& bank);

// Across items: (id, version) unique, and at most one version of an id not retired (papers
// must never draw two versions of one question). kConflict naming "items[i]".
[[nodiscard]] Result<void> check_bank_items(const std::vector<Item>& items);

}  // namespace rc::exam
