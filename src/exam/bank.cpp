#include "exam/bank.h"

#include <algorithm>
#include <utility>

#include "exam/sm3.h"

namespace rc {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_exam_data();
}  // namespace rc

namespace rc::exam {
namespace {

// Length-prefixed, so that no choice of texts can make two different items serialise alike.
void put_field(std::string& out, std::string_view text) {
  out += std::to_string(text.size());
  out += ':';
  out += text;
  out += '\n';
}

std::size_t cell(ItemKind kind, KnowledgeArea area) {
  return static_cast<std::size_t>(kind) * kKnowledgeAreaCount + area_index(area);
}

}  // namespace

std::string item_content_digest(const Item& item) {
  std::string s = "rc-exam-item/1\n";
  put_field(s, kind_code(item.kind));
  put_field(s, item.stem);
  if (item.kind == ItemKind::kSingleChoice)
    for (const auto& o : item.options) put_field(s, o);
  put_field(s, std::to_string(item.key));
  return sm3_hex(s);
}

Result<QuestionBank> QuestionBank::build(std::string id, std::vector<Item> items) {
  if (items.size() > kMaxBankItems)
    return fail(ErrorCode::kTooLarge, "items", "题目过多：最多 " + std::to_string(kMaxBankItems) + " 道");
  for (std::size_t i = 0; i < items.size(); ++i)
    if (auto r = validate_item(items[i], "items[" + std::to_string(i) + "]"); !r) return fail(r.error());
  if (auto r = check_bank_items(items); !r) return fail(r.error());
  QuestionBank bank;
  bank.id_ = std::move(id);
  bank.items_ = std::move(items);
  bank.reviewed_.resize(2 * kKnowledgeAreaCount);
  bank.digests_.reserve(bank.items_.size());
  for (std::uint32_t i = 0; i < bank.items_.size(); ++i) {
    const Item& it = bank.items_[i];
    bank.digests_.push_back(item_content_digest(it));
    if (it.status == ReviewStatus::kReviewed) bank.reviewed_[cell(it.kind, it.area)].push_back(i);
    bank.by_id_.push_back(i);
  }
  std::sort(bank.by_id_.begin(), bank.by_id_.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Item& x = bank.items_[a];
    const Item& y = bank.items_[b];
    return std::tie(x.id, x.version) < std::tie(y.id, y.version);
  });
  return bank;
}

Result<QuestionBank> QuestionBank::from_document(BankDocument doc) {
  return build(std::move(doc.id), std::move(doc.items));
}

std::span<const std::uint32_t> QuestionBank::reviewed(ItemKind kind, KnowledgeArea area) const {
  return reviewed_[cell(kind, area)];
}

const Item* QuestionBank::find(std::string_view id, int version) const {
  auto it = std::lower_bound(by_id_.begin(), by_id_.end(), std::pair{id, version},
                             [&](std::uint32_t i, const std::pair<std::string_view, int>& key) {
                               const Item& x = items_[i];
                               return std::pair{std::string_view(x.id), x.version} < key;
                             });
  if (it == by_id_.end()) return nullptr;
  const Item& x = items_[*it];
  return x.id == id && x.version == version ? &x : nullptr;
}

Result<BankDocument> shipped_demo_bank() {
  for (const auto& [name, text] : embedded_exam_data())
    if (name == "demo_bank.json") return parse_bank_text(text);
  return fail(ErrorCode::kNotFound, "bank", "未找到内置的演示题库");
}

Result<void> check_bank_supply(const QuestionBank& bank, const Blueprint& blueprint) {
  std::string first_field;
  std::string shortfalls;
  for (ItemKind kind : {ItemKind::kSingleChoice, ItemKind::kTrueFalse}) {
    for (KnowledgeArea area : all_areas()) {
      const int need = blueprint.count(kind, area);
      const int have = static_cast<int>(bank.reviewed(kind, area).size());
      if (have >= need) continue;
      if (first_field.empty()) first_field = "blueprint." + std::string(kind_code(kind)) + "." + std::string(area_code(area));
      if (!shortfalls.empty()) shortfalls += "；";
      shortfalls += "「" + std::string(area_name_zh(area)) + "」" + std::string(kind_name_zh(kind)) + "需要 " +
                    std::to_string(need) + " 道，已审核 " + std::to_string(have) + " 道，缺 " +
                    std::to_string(need - have) + " 道";
    }
  }
  if (first_field.empty()) return ok();
  return fail(ErrorCode::kConflict, first_field, "题库 " + bank.id() + " 不能满足组卷蓝图 " + blueprint.id + "：" + shortfalls);
}

}  // namespace rc::exam
