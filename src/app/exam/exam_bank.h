#pragma once
// The question bank papers are drawn from (F8, F9): the items kept in the database (V009,
// store/bank_item_repository.h). The demo bank shipped in the binary (exam/bank.h
// shipped_demo_bank) is loaded into the store at `rescuecert init` and by the demo, idempotently;
// a store that has no item at all gets it on the first paper generation too, so a store made
// before V009 keeps working. Papers drawn from the store name the bank kStoreBankId.
//
// What a paper's questions look like comes from the store by (code, version), checked against
// the content digest sealed into the paper, through a process-wide cache: a used version never
// changes (V009 refuses it), and the digest in the key makes the cache right for any database.
// Thread-safe.

#include <memory>
#include <string_view>
#include <vector>

#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "domain/policy/policy.h"
#include "exam/bank.h"
#include "exam/blueprint.h"
#include "exam/paper.h"
#include "store/bank_item_repository.h"
#include "store/database.h"

namespace rc::app {

// The bank id recorded in papers drawn from the store.
inline constexpr std::string_view kStoreBankId = "rc-bank";

// An item as a store row (digest computed) and back. item_of validates (kStorageFailure for a
// stored row that is not a valid item: the store was changed behind the application's back).
store::BankItemRow bank_row_of(const exam::Item& item);
[[nodiscard]] Result<exam::Item> item_of(const store::BankItemRow& row);

// Loads the shipped demo bank into a store that has no bank item yet (a store with a bank of its
// own keeps it as it is), so running it again adds nothing. Returns how many items were added;
// audits "bank.load_shipped" when it added any. In its own transaction / in the caller's.
[[nodiscard]] Result<int> load_shipped_bank(store::Database& db, const Clock& clock);
[[nodiscard]] Result<int> load_shipped_bank(store::Transaction& tx, store::Timestamp now);

// The reviewed items of the store as a QuestionBank (id kStoreBankId), for paper generation.
[[nodiscard]] Result<exam::QuestionBank> stored_exam_bank(store::Transaction& tx);

// exam::check_bank_supply with the bank's code: kExamBankShortfall naming the first short
// (kind, area) as the field, every shortfall in the message (area, need, have, missing).
[[nodiscard]] Result<void> check_exam_bank_supply(const exam::QuestionBank& bank, const exam::Blueprint& blueprint);

// The bank item a paper's question was drawn from, with the digest sealed into the paper: from
// the store, or, for papers drawn before V009 from the shipped bank, from the shipped bank.
// kNotFound when neither has it; kConflict when its content no longer matches the seal.
[[nodiscard]] Result<std::shared_ptr<const exam::Item>> paper_item(store::Transaction& tx, std::string_view bank_id,
                                                                   const exam::PaperQuestion& question);

// The shipped demo bank (built once), by its id. kNotFound for any other id.
[[nodiscard]] Result<const exam::QuestionBank*> exam_bank(std::string_view bank_id);
// The shipped demo bank.
[[nodiscard]] Result<const exam::QuestionBank*> current_exam_bank();
// The blueprint for a policy's paper (80 + 20, weighted by area).
[[nodiscard]] Result<exam::Blueprint> exam_blueprint(const Policy& policy);

}  // namespace rc::app
