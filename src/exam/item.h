#pragma once
// Question-bank items (F8): single-choice (four options A-D, one key) and true/false statements,
// each tagged with a knowledge area of the theory blueprint, a difficulty, a version and a review
// status. An item is identified by (id, version): an edit that changes what candidates see or the
// key is a new version, so papers sealed over the old version stay valid and verifiable.
//
// Plain values; validation is pure and thread-safe.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/common/result.h"

namespace rc::exam {

enum class ItemKind : std::uint8_t { kSingleChoice, kTrueFalse };

// The areas of the theory weight table. DOMAIN.md §1.1 gives only a PROPOSAL (the official
// 理论知识权重表 is unknown); the weights live in data (data/blueprint-*.json), never here.
enum class KnowledgeArea : std::uint8_t {
  kEthics,       // 职业道德
  kBasics,       // 基础知识 (laws, event classes, warning levels, signs, body basics)
  kSceneSafety,  // 现场评估与安全
  kFirstAid,     // 现场急救 (CPR/AED/气道)
  kTrauma,       // 创伤救护 (止血包扎固定搬运)
  kFire,         // 火灾与灭火器
  kDisaster,     // 灾害避险与检伤分类
};
inline constexpr std::size_t kKnowledgeAreaCount = 7;

enum class ReviewStatus : std::uint8_t { kDraft, kReviewed, kRetired };

inline constexpr int kMinDifficulty = 1;  // 1 易 ... 5 难
inline constexpr int kMaxDifficulty = 5;
inline constexpr std::size_t kOptionCount = 4;          // single choice: A-D
inline constexpr std::size_t kMaxStemBytes = 1000;
inline constexpr std::size_t kMaxOptionBytes = 300;
inline constexpr std::size_t kMaxExplanationBytes = 2000;
inline constexpr std::size_t kMaxItemIdBytes = 40;

struct Item {
  std::string id;  // stable across versions: [A-Za-z0-9._-], 1-40 characters
  int version = 1;
  ItemKind kind = ItemKind::kSingleChoice;
  KnowledgeArea area = KnowledgeArea::kBasics;
  int difficulty = 3;
  ReviewStatus status = ReviewStatus::kDraft;
  std::string stem;
  std::array<std::string, kOptionCount> options{};  // single choice only; empty for true/false
  // Single choice: the key's option index 0-3 (A-D). True/false: 0 = 正确, 1 = 错误.
  int key = 0;
  std::string explanation;  // 解析, optional
};

// Codes used in documents and rows ("single_choice", "first_aid", "reviewed").
std::string_view kind_code(ItemKind k);
std::string_view area_code(KnowledgeArea a);
std::string_view status_code(ReviewStatus s);
std::optional<ItemKind> kind_from_code(std::string_view code);
std::optional<KnowledgeArea> area_from_code(std::string_view code);
std::optional<ReviewStatus> status_from_code(std::string_view code);
// Chinese names, as on the 题库 spreadsheet and pages ("单选题", "现场急救", "已审核").
std::string_view kind_name_zh(ItemKind k);
std::string_view area_name_zh(KnowledgeArea a);
std::string_view status_name_zh(ReviewStatus s);
std::optional<ItemKind> kind_from_name_zh(std::string_view name);
std::optional<KnowledgeArea> area_from_name_zh(std::string_view name);
std::optional<ReviewStatus> status_from_name_zh(std::string_view name);

std::span<const KnowledgeArea> all_areas();  // in weight-table order
inline std::size_t area_index(KnowledgeArea a) { return static_cast<std::size_t>(a); }

// How many answer choices a question of this kind shows (4 or 2).
inline std::size_t choice_count(ItemKind k) { return k == ItemKind::kSingleChoice ? kOptionCount : 2; }
// "A".."D" for single choice, "正确"/"错误" for true/false.
std::string_view choice_label(ItemKind k, std::size_t choice);

bool valid_item_id(std::string_view id);
// Well-formed UTF-8 without control characters other than tab and newline: the texts go into
// JSON, HTML and spreadsheets, where either would break something.
bool clean_text(std::string_view text);

// Every field is in range and the texts are clean; single-choice options non-empty and distinct,
// true/false without options. `path` prefixes field names ("items[3]"); errors are kInvalidValue.
[[nodiscard]] Result<void> validate_item(const Item& item, std::string_view path = {});

// Whether two items show candidates the same question (kind, stem, options, key): a difference in
// these needs a new version. Area, difficulty, status and explanation may change in place.
bool same_content(const Item& a, const Item& b);

// An edit of `before` into `after`: same id, and a content change must raise the version by one
// (kConflict otherwise), so a sealed paper's (id, version) keeps meaning what it meant.
[[nodiscard]] Result<void> check_revision(const Item& before, const Item& after);

}  // namespace rc::exam
