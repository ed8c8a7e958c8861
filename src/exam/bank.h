#pragma once
// QuestionBank: the items a paper may be drawn from, indexed for assembly. Built once per
// sitting from a validated set of items (a bank document or the store's rows); immutable after,
// so one instance can serve every thread generating papers.
//
// Each item carries an SM3 digest of its content (kind, stem, options, key), which sealed papers
// record: if an item were edited in place after sealing, verify_paper_against_bank would see it.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/result.h"
#include "exam/blueprint.h"
#include "exam/item.h"
#include "exam/item_json.h"

namespace rc::exam {

// SM3 hex of the canonical content of an item (what candidates see and the key).
std::string item_content_digest(const Item& item);

class QuestionBank {
 public:
  // Every item validated (validate_item) and check_bank_items; errors name "items[i]".
  [[nodiscard]] static Result<QuestionBank> build(std::string id, std::vector<Item> items);
  [[nodiscard]] static Result<QuestionBank> from_document(BankDocument doc);

  const std::string& id() const { return id_; }
  const std::vector<Item>& items() const { return items_; }
  const std::string& digest(std::size_t index) const { return digests_[index]; }
  // Indexes (into items()) of the reviewed items of one kind and area, in bank order.
  std::span<const std::uint32_t> reviewed(ItemKind kind, KnowledgeArea area) const;
  // The item with this id and version, or nullptr; its index through index_of.
  const Item* find(std::string_view id, int version) const;
  std::size_t index_of(const Item* item) const { return static_cast<std::size_t>(item - items_.data()); }

 private:
  QuestionBank() = default;
  std::string id_;
  std::vector<Item> items_;
  std::vector<std::string> digests_;
  std::vector<std::vector<std::uint32_t>> reviewed_;  // [kind * areas + area]
  std::vector<std::uint32_t> by_id_;                  // item indexes sorted by (id, version)
};

// The demo bank shipped with the product (data/demo_bank.json, embedded).
[[nodiscard]] Result<BankDocument> shipped_demo_bank();

// Whether the bank holds enough reviewed items for every (kind, area) of the blueprint.
// kConflict naming the first short cell ("blueprint.single_choice.first_aid") with every
// shortfall listed in the message ("「现场急救」单选题需要 20 道，已审核 18 道，缺 2 道").
[[nodiscard]] Result<void> check_bank_supply(const QuestionBank& bank, const Blueprint& blueprint);

}  // namespace rc::exam
