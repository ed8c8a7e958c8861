#include "exam/item.h"

#include <set>

#include "domain/policy/strict_json.h"

namespace rc::exam {
namespace {

struct AreaName {
  KnowledgeArea area;
  std::string_view code;
  std::string_view zh;
};
constexpr std::array<AreaName, kKnowledgeAreaCount> kAreas{{
    {KnowledgeArea::kEthics, "ethics", "职业道德"},
    {KnowledgeArea::kBasics, "basics", "基础知识"},
    {KnowledgeArea::kSceneSafety, "scene_safety", "现场评估与安全"},
    {KnowledgeArea::kFirstAid, "first_aid", "现场急救"},
    {KnowledgeArea::kTrauma, "trauma", "创伤救护"},
    {KnowledgeArea::kFire, "fire", "火灾与灭火器"},
    {KnowledgeArea::kDisaster, "disaster", "灾害避险与检伤分类"},
}};
constexpr std::array<KnowledgeArea, kKnowledgeAreaCount> kAreaOrder{
    KnowledgeArea::kEthics, KnowledgeArea::kBasics, KnowledgeArea::kSceneSafety, KnowledgeArea::kFirstAid,
    KnowledgeArea::kTrauma, KnowledgeArea::kFire,   KnowledgeArea::kDisaster};

Error bad(std::string_view path, std::string_view key, std::string message) {
  return make_error(ErrorCode::kInvalidValue, json_path(path, key), std::move(message));
}

// `field` is the full path ("items[3].options[1]").
Result<void> check_text(const std::string& field, std::string_view text, std::size_t max, bool required,
                        std::string_view what) {
  const auto refuse = [&](std::string why) { return fail(make_error(ErrorCode::kInvalidValue, field, std::string(what) + why)); };
  if (required && text.find_first_not_of(" \t\n") == std::string_view::npos) return refuse("不能为空");
  if (text.size() > max) return refuse("过长：最多 " + std::to_string(max) + " 字节");
  if (!clean_text(text)) return refuse("含有无效的 UTF-8 编码或控制字符");
  return ok();
}

Result<void> check_options(const Item& item, std::string_view path) {
  if (item.kind == ItemKind::kTrueFalse) {
    for (std::size_t i = 0; i < kOptionCount; ++i)
      if (!item.options[i].empty())
        return fail(bad(path, "options", "判断题不设选项（固定为“正确/错误”）"));
    if (item.key < 0 || item.key > 1) return fail(bad(path, "answer", "判断题答案应为“正确”或“错误”"));
    return ok();
  }
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < kOptionCount; ++i) {
    const std::string label(choice_label(ItemKind::kSingleChoice, i));
    auto r = check_text(json_path(json_path(path, "options"), i), item.options[i], kMaxOptionBytes, true, "选项 " + label);
    if (!r) return r;
    if (!seen.insert(item.options[i]).second)
      return fail(bad(path, "options", "选项 " + label + " 与前面的选项内容相同"));
  }
  if (item.key < 0 || item.key >= static_cast<int>(kOptionCount))
    return fail(bad(path, "answer", "单选题答案应为 A、B、C、D 之一"));
  return ok();
}

}  // namespace

std::string_view kind_code(ItemKind k) { return k == ItemKind::kSingleChoice ? "single_choice" : "true_false"; }
std::string_view kind_name_zh(ItemKind k) { return k == ItemKind::kSingleChoice ? "单选题" : "判断题"; }
std::optional<ItemKind> kind_from_code(std::string_view c) {
  if (c == "single_choice") return ItemKind::kSingleChoice;
  if (c == "true_false") return ItemKind::kTrueFalse;
  return std::nullopt;
}
std::optional<ItemKind> kind_from_name_zh(std::string_view n) {
  if (n == "单选题" || n == "单选") return ItemKind::kSingleChoice;
  if (n == "判断题" || n == "判断") return ItemKind::kTrueFalse;
  return std::nullopt;
}

std::string_view area_code(KnowledgeArea a) { return kAreas[area_index(a)].code; }
std::string_view area_name_zh(KnowledgeArea a) { return kAreas[area_index(a)].zh; }
std::optional<KnowledgeArea> area_from_code(std::string_view c) {
  for (const auto& a : kAreas)
    if (a.code == c) return a.area;
  return std::nullopt;
}
std::optional<KnowledgeArea> area_from_name_zh(std::string_view n) {
  for (const auto& a : kAreas)
    if (a.zh == n) return a.area;
  return std::nullopt;
}
std::span<const KnowledgeArea> all_areas() { return kAreaOrder; }

std::string_view status_code(ReviewStatus s) {
  switch (s) {
    case ReviewStatus::kDraft: return "draft";
    case ReviewStatus::kReviewed: return "reviewed";
    case ReviewStatus::kRetired: return "retired";
  }
  return "draft";
}
std::string_view status_name_zh(ReviewStatus s) {
  switch (s) {
    case ReviewStatus::kDraft: return "草稿";
    case ReviewStatus::kReviewed: return "已审核";
    case ReviewStatus::kRetired: return "已停用";
  }
  return "草稿";
}
std::optional<ReviewStatus> status_from_code(std::string_view c) {
  for (auto s : {ReviewStatus::kDraft, ReviewStatus::kReviewed, ReviewStatus::kRetired})
    if (status_code(s) == c) return s;
  return std::nullopt;
}
std::optional<ReviewStatus> status_from_name_zh(std::string_view n) {
  for (auto s : {ReviewStatus::kDraft, ReviewStatus::kReviewed, ReviewStatus::kRetired})
    if (status_name_zh(s) == n) return s;
  return std::nullopt;
}

std::string_view choice_label(ItemKind k, std::size_t choice) {
  static constexpr std::array<std::string_view, 4> kLetters{"A", "B", "C", "D"};
  if (k == ItemKind::kTrueFalse) return choice == 0 ? "正确" : "错误";
  return choice < kLetters.size() ? kLetters[choice] : "?";
}

bool valid_item_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxItemIdBytes) return false;
  for (char c : id) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool clean_text(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) return false;
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07;
    else return false;
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and beyond U+10FFFF are not UTF-8.
    static constexpr std::uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
    i += len;
  }
  return true;
}

Result<void> validate_item(const Item& item, std::string_view path) {
  if (!valid_item_id(item.id))
    return fail(bad(path, "id", "题目编号应为 1 到 40 个字母、数字、“.”、“_”或“-”"));
  if (item.version < 1 || item.version > 1'000'000) return fail(bad(path, "version", "版本号应为 1 到 1000000 的整数"));
  if (item.difficulty < kMinDifficulty || item.difficulty > kMaxDifficulty)
    return fail(bad(path, "difficulty", "难度应为 1（易）到 5（难）的整数"));
  if (auto r = check_text(json_path(path, "stem"), item.stem, kMaxStemBytes, true, "题干"); !r) return r;
  if (auto r = check_text(json_path(path, "explanation"), item.explanation, kMaxExplanationBytes, false, "解析"); !r) return r;
  return check_options(item, path);
}

bool same_content(const Item& a, const Item& b) {
  return a.kind == b.kind && a.stem == b.stem && a.options == b.options && a.key == b.key;
}

Result<void> check_revision(const Item& before, const Item& after) {
  if (before.id != after.id) return fail(ErrorCode::kConflict, "id", "修订不能更改题目编号");
  if (same_content(before, after)) {
    if (after.version != before.version)
      return fail(ErrorCode::kConflict, "version", "题干、选项和答案未变，版本号应保持 " + std::to_string(before.version));
    return ok();
  }
  if (after.version != before.version + 1)
    return fail(ErrorCode::kConflict, "version",
                "题干、选项或答案已修改，须作为新版本 " + std::to_string(before.version + 1) +
                    " 保存：已封存的试卷仍引用旧版本");
  return ok();
}

}  // namespace rc::exam
