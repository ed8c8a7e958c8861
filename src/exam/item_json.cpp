#include "exam/item_json.h"

#include <map>
#include <utility>

#include "domain/policy/strict_json.h"
#include "exam/json_text.h"
#include "exam/result_let.h"

namespace rc::exam {
namespace {

using nlohmann::json;

template <class E>
Result<E> enum_field(StrictObject& o, std::string_view key, std::optional<E> (*from)(std::string_view),
                     std::string_view allowed) {
  RC_EXAM_LET(text, o.string(key, 100));
  if (auto v = from(text)) return *v;
  return fail(ErrorCode::kUnknownEnumValue, o.field(key),
              "不支持的取值 " + quote_for_message(text) + "，应为 " + std::string(allowed));
}

Result<void> read_options(StrictObject& o, Item& item) {
  if (item.kind == ItemKind::kTrueFalse) {
    if (o.has("options")) return fail(ErrorCode::kInvalidValue, o.field("options"), "判断题不设选项（固定为“正确/错误”）");
    return ok();
  }
  RC_EXAM_LET(arr, o.array("options", kOptionCount));
  if (arr->size() != kOptionCount)
    return fail(ErrorCode::kInvalidValue, o.field("options"), "单选题应有 4 个选项（A、B、C、D）");
  for (std::size_t i = 0; i < kOptionCount; ++i) {
    const json& v = (*arr)[i];
    const std::string f = json_path(o.field("options"), i);
    if (!v.is_string()) return fail(ErrorCode::kWrongType, f, "选项应为字符串，实际为" + std::string(json_type_name(v)));
    item.options[i] = v.get<std::string>();
  }
  return ok();
}

Result<void> read_answer(StrictObject& o, Item& item) {
  if (item.kind == ItemKind::kTrueFalse) {
    RC_EXAM_LET(b, o.boolean("answer"));
    item.key = b ? 0 : 1;
    return ok();
  }
  RC_EXAM_LET(letter, o.string("answer", 10));
  for (std::size_t i = 0; i < kOptionCount; ++i)
    if (letter == choice_label(ItemKind::kSingleChoice, i)) {
      item.key = static_cast<int>(i);
      return ok();
    }
  return fail(ErrorCode::kUnknownEnumValue, o.field("answer"),
              "单选题答案应为 A、B、C、D 之一，实际为 " + quote_for_message(letter));
}

Result<Item> read_item(StrictObject& o) {
  Item item;
  RC_EXAM_LET(id, o.string("id", 200));
  item.id = std::move(id);
  RC_EXAM_LET(version, o.integer("version", 1, 1'000'000));
  item.version = static_cast<int>(version);
  RC_EXAM_LET(kind, enum_field<ItemKind>(o, "kind", kind_from_code, "single_choice 或 true_false"));
  item.kind = kind;
  RC_EXAM_LET(area, enum_field<KnowledgeArea>(o, "area", area_from_code,
                                              "ethics、basics、scene_safety、first_aid、trauma、fire、disaster 之一"));
  item.area = area;
  RC_EXAM_LET(difficulty, o.integer("difficulty", kMinDifficulty, kMaxDifficulty));
  item.difficulty = static_cast<int>(difficulty);
  RC_EXAM_LET(status, enum_field<ReviewStatus>(o, "status", status_from_code, "draft、reviewed 或 retired"));
  item.status = status;
  RC_EXAM_LET(stem, o.string("stem", kMaxStemBytes));
  item.stem = std::move(stem);
  if (auto r = read_options(o, item); !r) return fail(r.error());
  if (auto r = read_answer(o, item); !r) return fail(r.error());
  RC_EXAM_LET(explanation, o.optional_string("explanation", kMaxExplanationBytes));
  item.explanation = explanation.value_or("");
  if (auto r = o.finish(); !r) return fail(r.error());
  return item;
}

}  // namespace

Result<Item> parse_item(const json& value, std::string_view path) {
  RC_EXAM_LET(o, StrictObject::open(value, std::string(path), std::nullopt));
  RC_EXAM_LET(item, read_item(o));
  if (auto r = validate_item(item, path); !r) return fail(r.error());
  return std::move(item);
}

Result<Item> parse_item_text(std::string_view text) {
  RC_EXAM_LET(doc, parse_json_text(text, kMaxItemBytes));
  return parse_item(doc);
}

json item_to_json(const Item& item) {
  json j = json::object();
  j["id"] = item.id;
  j["version"] = item.version;
  j["kind"] = kind_code(item.kind);
  j["area"] = area_code(item.area);
  j["difficulty"] = item.difficulty;
  j["status"] = status_code(item.status);
  j["stem"] = item.stem;
  if (item.kind == ItemKind::kSingleChoice) {
    j["options"] = json::array();
    for (const auto& o : item.options) j["options"].push_back(o);
    j["answer"] = choice_label(item.kind, static_cast<std::size_t>(item.key));
  } else {
    j["answer"] = item.key == 0;
  }
  if (!item.explanation.empty()) j["explanation"] = item.explanation;
  return j;
}

Result<void> check_bank_items(const std::vector<Item>& items) {
  std::map<std::pair<std::string_view, int>, std::size_t> versions;
  std::map<std::string_view, std::size_t> live;  // id -> index of its version not retired
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    const std::string f = json_path("items", i);
    if (auto [pos, fresh] = versions.emplace(std::pair{std::string_view(it.id), it.version}, i); !fresh)
      return fail(ErrorCode::kConflict, f, "题目 " + it.id + " 的版本 " + std::to_string(it.version) + " 与第 " +
                                               std::to_string(pos->second + 1) + " 题重复");
    if (it.status == ReviewStatus::kRetired) continue;
    if (auto [pos, fresh] = live.emplace(it.id, i); !fresh)
      return fail(ErrorCode::kConflict, f, "题目 " + it.id + " 已有未停用的版本（第 " + std::to_string(pos->second + 1) +
                                               " 题）：同一题目只能有一个版本处于草稿或已审核状态");
  }
  return ok();
}

Result<BankDocument> parse_bank_text(std::string_view text) {
  RC_EXAM_LET(doc, parse_json_text(text, kMaxBankBytes));
  RC_EXAM_LET(o, StrictObject::open(doc, "", std::nullopt));
  BankDocument bank;
  RC_EXAM_LET(id, o.string("id", 100));
  if (!valid_item_id(id)) return fail(ErrorCode::kInvalidValue, "id", "题库编号应为 1 到 40 个字母、数字、“.”、“_”或“-”");
  bank.id = std::move(id);
  RC_EXAM_LET(title, o.string("title", 500));
  if (!clean_text(title)) return fail(ErrorCode::kInvalidValue, "title", "题库名称含有无效字符");
  bank.title = std::move(title);
  RC_EXAM_LET(comment, o.optional_string("comment", 4000));
  bank.comment = comment.value_or("");
  if (!clean_text(bank.comment)) return fail(ErrorCode::kInvalidValue, "comment", "说明含有无效字符");
  RC_EXAM_LET(items, o.array("items", kMaxBankItems));
  bank.items.reserve(items->size());
  for (std::size_t i = 0; i < items->size(); ++i) {
    RC_EXAM_LET(item, parse_item((*items)[i], json_path("items", i)));
    bank.items.push_back(std::move(item));
  }
  if (auto r = o.finish(); !r) return fail(r.error());
  if (auto r = check_bank_items(bank.items); !r) return fail(r.error());
  return bank;
}

json bank_to_json(const BankDocument& bank) {
  json j = json::object();
  j["id"] = bank.id;
  j["title"] = bank.title;
  if (!bank.comment.empty()) j["comment"] = bank.comment;
  j["items"] = json::array();
  for (const Item& it : bank.items) j["items"].push_back(item_to_json(it));
  return j;
}

}  // namespace rc::exam
