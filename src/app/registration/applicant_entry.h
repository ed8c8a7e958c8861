#pragma once
// What adding an applicant to a batch means, shared by add_applicant (one by form) and
// import_batch_applicants (a spreadsheet), so both store the same thing the same way:
//   - the batch must be the acting organisation's own and still a draft;
//   - the ID number is stored encrypted, with its HMAC look-up key and its masked form;
//   - the candidate is created, or reused when the HMAC index already knows the number (the
//     phone and health declaration then take the newer values);
//   - a registration in draft, registered on `today` under the policy in force then (D18; the
//     submission re-dates it, submit_batch.h), with the policy's exam fee due (D15);
//   - an audit event per registration created.
// Duplicates across batches: a candidate with an application still open at the batch's level
// (registration_sql.h kCountOpenRegistrations) is refused through ImportContext::already_registered.
// Run inside the caller's transaction; one thread at a time.

#include <optional>
#include <string>

#include "app/applicant_record.h"
#include "app/batch_import.h"
#include "app/registration/actor.h"
#include "app/registration/registration_settings.h"
#include "identity/personal_data_cipher.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

// The store's document type of a parsed number (the two enums list the same types in one order).
store::DocumentType stored_document_type(identity::DocumentType type);

// The batch, if `actor` may add applicants to it: kForbidden for another organisation's batch,
// kWrongState once it is submitted.
[[nodiscard]] Result<store::Batch> editable_batch(store::Transaction& tx, const Actor& actor, store::Id batch_id);

// Whether the candidate holding this number has an open application at `level`. Errors are kept
// in `error` (the callback of ImportContext cannot return them); the first one wins.
class OpenApplicationCheck {
 public:
  OpenApplicationCheck(store::Transaction& tx, const identity::PersonalDataCipher& cipher, int level)
      : tx_(tx), cipher_(cipher), level_(level) {}
  bool operator()(std::string_view document_type, std::string_view normalized_id);
  const std::optional<Error>& error() const { return error_; }

 private:
  store::Transaction& tx_;
  const identity::PersonalDataCipher& cipher_;
  int level_;
  std::optional<Error> error_;
};

struct EntryContext {
  const identity::PersonalDataCipher& cipher;
  const RegistrationSettings& settings;
  const Actor& actor;
  store::Timestamp now{};
  std::int64_t exam_fee_fen = 0;
};

// Stores one validated applicant in `batch`; the new registration's id.
[[nodiscard]] Result<store::Id> enter_applicant(store::Transaction& tx, const EntryContext& ctx, const store::Batch& batch,
                                                const ValidatedBatch& validated, const ApplicantRecord& applicant);

// One ImportErrors holding a single error (storage failures, refusals before validation).
ImportErrors single_import_error(const Error& e);

}  // namespace rc::app
