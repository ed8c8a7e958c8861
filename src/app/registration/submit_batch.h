#pragma once
// Use case: an organisation submits its draft batch to the station (R3, R4).
//   - every applicant's age and health declaration are checked again on the submission date
//     (D14), under the policy in force that day; one failure refuses the whole submission;
//   - each registration is re-dated to the submission date with that policy (D18) and moves
//     draft -> submitted; the batch moves draft -> submitted;
//   - each candidate without an account gets one: role candidate, no password yet (the first
//     login sets it, activate_candidate_account.h), username candidate_username() below;
//   - all of that in one transaction, audited; THEN each candidate is sent an SMS through the
//     SmsProvider (never inside the transaction: the outbox opens its own) telling them to log
//     in and confirm. A failed send does not undo the submission: it is counted in the result.
// Thread-safe: each call runs its own transaction.

#include <string>
#include <vector>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/policy/policy_catalog.h"
#include "identity/sms.h"
#include "store/database.h"

namespace rc::app {

// Candidate usernames: "RC" + the candidate id on 8 digits ("RC00000042"). Stable for life
// (one account per candidate across registrations), carries no personal data, and is sent in the
// SMS. Candidates may also log in with their ID number instead (authenticate.h).
std::string candidate_username(store::Id candidate_id);

struct SubmittedBatch {
  store::Id batch_id = 0;
  int registrations = 0;
  int accounts_created = 0;
  int sms_sent = 0;
  int sms_failed = 0;  // the organisation can ask the station to resend; the account exists anyway
};

// kForbidden (another organisation's batch), kWrongState (not a draft), kBatchEmpty, kUnderAge /
// kOverAge / kHealthNotDeclared naming the applicants (D14, R2), kNoPolicyInForce.
[[nodiscard]] Result<SubmittedBatch> submit_batch(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                                  identity::SmsProvider& sms, const Actor& actor, store::Id batch_id);

}  // namespace rc::app
