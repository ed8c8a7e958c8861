#pragma once
// Use case "read the question bank" (F8): the items of the store's bank with filters, the supply
// per knowledge area against the blueprint of the policy in force (how many reviewed items each
// area has and how many a paper needs), and one item with its versions and whether a sealed paper
// uses it (then it is locked: only a new version or a review-status change).
//
// Who: the administrator owns the bank (PRODUCT.md: 管理员 — question bank); station users read
// it (they schedule the sittings the papers are drawn for). Others: kForbidden.
// Thread-safe as its Database.

#include <optional>
#include <string>
#include <vector>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/policy/policy_catalog.h"
#include "exam/blueprint.h"
#include "exam/item.h"
#include "store/bank_item_repository.h"
#include "store/database.h"

namespace rc::app {

// kForbidden unless administrator or station.
[[nodiscard]] Result<void> require_bank_reader(const Actor& actor);
// kForbidden unless administrator.
[[nodiscard]] Result<void> require_bank_editor(const Actor& actor);

struct BankItemFilter {
  std::optional<exam::KnowledgeArea> area;
  std::optional<exam::ItemKind> kind;
  std::optional<exam::ReviewStatus> status;
};

struct AreaSupply {
  exam::KnowledgeArea area = exam::KnowledgeArea::kBasics;
  int need_single_choice = 0;  // per paper (blueprint)
  int need_true_false = 0;
  int reviewed_single_choice = 0;
  int reviewed_true_false = 0;
  int draft = 0;
  int retired = 0;
  bool short_of_items() const {
    return reviewed_single_choice < need_single_choice || reviewed_true_false < need_true_false;
  }
};

struct BankListing {
  struct Entry {
    store::Id id = 0;
    exam::Item item;
  };
  std::vector<Entry> items;  // filtered, by code and version
  std::vector<AreaSupply> supply;  // every area, weight-table order
  exam::Blueprint blueprint;
  int total = 0;  // every item version in the bank
  int reviewed = 0;
};

[[nodiscard]] Result<BankListing> list_bank_items(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                                  const Actor& actor, const BankItemFilter& filter);

struct BankItemDetail {
  store::BankItemRow row;
  exam::Item item;
  std::vector<store::BankItemRow> versions;  // every version of the code, oldest first
  std::int64_t papers_using = 0;             // sealed papers with this version
  bool locked() const { return papers_using > 0; }
  bool latest = true;  // no newer version of the code exists
};

// kNotFound for an unknown id.
[[nodiscard]] Result<BankItemDetail> bank_item_detail(store::Database& db, const Actor& actor, store::Id id);
// The same inside a transaction (the editing use cases).
[[nodiscard]] Result<BankItemDetail> load_bank_item(store::Transaction& tx, store::Id id);

}  // namespace rc::app
