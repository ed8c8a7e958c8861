#pragma once
// The attempt's closing transitions (F10, R6): submit (the candidate) or time-out (the server
// at the deadline), then marking. Two transitions, two transactions:
//   1. close: in_progress -> submitted | timed_out, audited. A candidate's submit of a closed
//      attempt is refused with kExamClosed (exam.closed); the server's time-out of a closed
//      attempt changes nothing and reports how it was closed.
//   2. mark: the exam module marks the sealed paper against the final answers (highest sequence
//      per question wins); the score (thousandths) is stored but held until publication (R8,
//      D17), and the rules history (attempts, V001) gets the theory outcome: the pending row the
//      check-in made for this sitting if there is one, else a new row of the paper's kind.
//      Pass at the policy's pass mark (R6: 60 of 100).
// A marking failure (a paper that fails its seal) leaves the attempt closed and unmarked, and is
// reported: answers are never lost by it.
// Runs its own transactions; thread-safe. The answer journal calls it on its writer thread so that
// no answer of the attempt is still queued when it closes.

#include <chrono>
#include <optional>

#include "app/exam/exam_attempt_facts.h"
#include "app/registration/actor.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "store/database.h"
#include "store/exam_records.h"

namespace rc::app {

struct FinishOutcome {
  store::Id attempt_id = 0;
  store::ExamAttemptStatus status = store::ExamAttemptStatus::kSubmitted;
  bool closed_now = false;  // false: it was closed before
  bool marked = false;
};

// REQUIRES: `to` is kSubmitted or kTimedOut. kForbidden for someone else's attempt, kExamClosed
// for a candidate's submit of an attempt no longer in progress. A submit at
// or after the deadline closes the attempt as timed_out (the outcome says so): time is the server's.
[[nodiscard]] Result<FinishOutcome> finish_exam_attempt(store::Database& db, const PolicyCatalog& policies,
                                                        const Actor& actor, store::Id attempt_id,
                                                        store::ExamAttemptStatus to,
                                                        std::chrono::system_clock::time_point now);

// Step 2 alone (also for re-running after a fix): marks a closed attempt; nothing when marked.
[[nodiscard]] Result<bool> mark_exam_attempt(store::Database& db, const PolicyCatalog& policies, store::Id attempt_id,
                                             std::chrono::system_clock::time_point now);

}  // namespace rc::app
