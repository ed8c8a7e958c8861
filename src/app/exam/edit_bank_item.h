#pragma once
// Use cases "change the question bank" (F8), administrator only (require_bank_editor), each in one
// transaction with its audit event:
//  - create_bank_item: a new code, version 1.
//  - edit_bank_item: changes a version in place — refused with bank.item_locked when a sealed
//    paper uses it (its content and tags must keep meaning what the paper was sealed over; the
//    database refuses it too), so the page offers a new version instead.
//  - new_bank_item_version: the next version of the code, as a draft (a changed question is
//    reviewed again); the code's other live version is retired in the same transaction, since
//    papers may draw only one version of a question (exam/item_json.h check_bank_items).
//  - set_bank_item_status: draft / reviewed / retired; allowed on a used version too.
// The item arrives validated by the caller's parser (exam::parse_item_row, parse_item) and is
// validated again here. Thread-safe as its Database.

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "exam/item.h"
#include "store/database.h"

namespace rc::app {

// The new row id. kConflict when the code exists already.
[[nodiscard]] Result<store::Id> create_bank_item(store::Database& db, const Clock& clock, const Actor& actor,
                                                 exam::Item item);
// item.id and item.version are taken from the stored row. kBankItemLocked for a used version;
// kConflict when the status would make a second live version of the code.
[[nodiscard]] Result<void> edit_bank_item(store::Database& db, const Clock& clock, const Actor& actor, store::Id id,
                                          exam::Item item);
// The new row id. kConflict unless `id` is the code's latest version.
[[nodiscard]] Result<store::Id> new_bank_item_version(store::Database& db, const Clock& clock, const Actor& actor,
                                                      store::Id id, exam::Item item);
// kConflict when the status would make a second live version of the code.
[[nodiscard]] Result<void> set_bank_item_status(store::Database& db, const Clock& clock, const Actor& actor,
                                                store::Id id, exam::ReviewStatus status);

}  // namespace rc::app
