#pragma once
// Use case: the candidate starts the theory exam on their sealed paper (F10). Only the candidate
// whose paper it is; once: a second start (a retried request, a reload) returns the attempt already
// running, with the same deadline. The deadline is fixed here, on the server, from the sitting's
// theory session and the policy's duration (exam/timing.h, R6: 100 minutes): a late starter does
// not get the missed minutes back. Refused before the session starts, from its deadline on, and
// unless the proctor admitted the candidate at the room door (R6, D11;
// app/checkin/admit_candidate.h). Audited. Thread-safe (its own transaction).

#include <chrono>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/policy/policy_catalog.h"
#include "store/database.h"
#include "store/exam_records.h"

namespace rc::app {

struct StartedAttempt {
  store::ExamAttempt attempt;
  bool started_now = false;  // false: it was already started
};

// kNotFound (no such paper); kForbidden (someone else's paper); kWrongState (before the session
// starts, or its time is over, or the sitting has no theory session); kNotCheckedIn (no admission
// at the door); kCheckInLate (recorded absent, D11). Inside the caller's transaction (the answer
// journal starts many in one commit).
[[nodiscard]] Result<StartedAttempt> start_exam_attempt_in(store::Transaction& tx, const PolicyCatalog& policies,
                                                           const Actor& actor, store::Id paper_id,
                                                           std::chrono::system_clock::time_point now);
// In its own transaction.
[[nodiscard]] Result<StartedAttempt> start_exam_attempt(store::Database& db, const Clock& clock,
                                                        const PolicyCatalog& policies, const Actor& actor,
                                                        store::Id paper_id);

}  // namespace rc::app
