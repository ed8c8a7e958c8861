#pragma once
// BankItemRepository: the question bank kept in the database (F8, V009) and which item versions
// each sealed paper uses (exam_paper_items). The store does not know the exam module's types:
// kind, area and status are the exam module's document codes ("single_choice", "first_aid",
// "reviewed"), checked by the schema; the app converts.
//
// A version used by a sealed paper keeps its content (the database refuses such an UPDATE, and
// the app refuses it first with bank.item_locked); its review status may still change.
//
// Thread safety: as its Transaction (one thread at a time).

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::store {

struct BankItemRow {
  Id id = 0;
  std::string code;  // the item id of exam/item.h, stable across versions
  int version = 1;
  std::string kind;    // single_choice | true_false
  std::string area;    // ethics | basics | scene_safety | first_aid | trauma | fire | disaster
  int difficulty = 3;  // 1-5
  std::string status;  // draft | reviewed | retired
  std::string stem;
  std::array<std::string, 4> options{};  // empty for true/false
  int answer = 0;                        // option index; true/false: 0 = 正确, 1 = 错误
  std::string explanation;
  std::string digest;  // exam::item_content_digest
  Timestamp created_at{};
  std::optional<Id> created_by;  // empty: loaded by the system
  Timestamp updated_at{};
  std::optional<Id> updated_by;
};

// Empty strings match anything.
struct BankItemFilter {
  std::string area;
  std::string kind;
  std::string status;
};

struct BankItemCount {
  std::string kind;
  std::string area;
  std::string status;
  std::int64_t count = 0;
};

// One question of a sealed paper: position 1.. in paper order.
struct PaperItemUse {
  int position = 0;
  std::string code;
  int version = 1;
  std::string digest;
};

class BankItemRepository {
 public:
  explicit BankItemRepository(Transaction& tx) : tx_(tx) {}

  // The new id. kConflict for an existing (code, version) or a second version not retired.
  [[nodiscard]] Result<Id> insert(const BankItemRow& row);
  // Like insert, but an existing (code, version) is left as it is: false then (idempotent loads).
  [[nodiscard]] Result<bool> insert_if_absent(const BankItemRow& row);
  // Every column but id, code, version and created_*, by id. kNotFound; kConflict when the
  // database refuses (a used version's content, a second live version).
  [[nodiscard]] Result<void> update(const BankItemRow& row);
  [[nodiscard]] Result<BankItemRow> find(Id id);
  [[nodiscard]] Result<std::optional<BankItemRow>> find_version(const std::string& code, int version);
  // Every version of a code, oldest first.
  [[nodiscard]] Result<std::vector<BankItemRow>> versions_of(const std::string& code);
  // Ordered by code, version.
  [[nodiscard]] Result<std::vector<BankItemRow>> list(const BankItemFilter& filter = {});
  [[nodiscard]] Result<std::vector<BankItemCount>> counts();
  [[nodiscard]] Result<std::int64_t> count_all();
  // How many sealed papers use this version.
  [[nodiscard]] Result<std::int64_t> papers_using(const std::string& code, int version);
  // Records the questions of a paper just sealed (in the paper's transaction).
  [[nodiscard]] Result<void> record_paper_items(Id paper_id, const std::vector<PaperItemUse>& items);
  // The questions of a paper, by position.
  [[nodiscard]] Result<std::vector<PaperItemUse>> paper_items(Id paper_id);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
