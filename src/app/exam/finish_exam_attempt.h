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
// finish_exam_attempt runs its own transactions; thread-safe. The answer journal does the two
// steps apart: it closes in its group commit (ordered with the saves, so no answer of the attempt
// is still queued when it closes) and marks on its own marking thread (a wave of submits does not
// delay anyone's answer saves), with the *_in variants below.

#include <chrono>
#include <optional>

#include "app/exam/exam_attempt_facts.h"
#include "app/registration/actor.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "exam/marking.h"
#include "exam/paper.h"
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

// kExamClosed (exam.closed, R6) for a candidate's submit of an attempt closed as `status`.
[[nodiscard]] Error closed_attempt_error(store::ExamAttemptStatus status);

// Step 2 alone (also for re-running after a fix): marks a closed attempt; false (nothing done)
// when it was marked before; kWrongState while in progress.
[[nodiscard]] Result<bool> mark_exam_attempt(store::Database& db, const PolicyCatalog& policies, store::Id attempt_id,
                                             std::chrono::system_clock::time_point now);
// The same inside the caller's transaction (several attempts marked in one commit).
[[nodiscard]] Result<bool> mark_exam_attempt_in(store::Transaction& tx, const PolicyCatalog& policies,
                                                store::Id attempt_id, std::chrono::system_clock::time_point now);
// The marking itself, nothing written: `paper` marked against the attempt's stored answer steps
// (the highest sequence per question wins). The item analysis (F11) marks again with it, exactly
// as the marker did.
[[nodiscard]] Result<exam::PaperMark> mark_stored_answers(store::Transaction& tx, const exam::Paper& paper,
                                                          store::Id attempt_id, const TheoryPaper& scoring);
// Step 1 alone inside the caller's transaction: in_progress -> target at `now`, audited as the
// actor's submit or the system's time-out. False when it was no longer in progress (nothing done).
// No ownership or deadline check: the caller decided (finish_exam_attempt, the answer journal).
[[nodiscard]] Result<bool> close_exam_attempt_in(store::Transaction& tx, const Actor& actor, store::Id attempt_id,
                                                 store::ExamAttemptStatus target,
                                                 std::chrono::system_clock::time_point now);

}  // namespace rc::app
