#pragma once
// The outcome of a sitting's subject written to the rules history (attempts, R12): the pending row
// recorded when the candidate was seated or checked in for that subject and kind gets the outcome,
// score, time and recorder; without one, a row is added. One writer for every marking that ends
// in the history: the practical results (app/practical/submit_score_sheet.cpp) and the theory
// marking (app/exam/finish_exam_attempt.cpp) call it.
// kConflict when that row is already decided. Runs inside the caller's transaction.

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

// `outcome` names the row (registration_id, sitting_id, subject, kind) and carries what is
// recorded (outcome, score_milli, recorded_at, recorded_by). The row's id.
[[nodiscard]] Result<store::Id> record_attempt_outcome(store::Transaction& tx, const store::Attempt& outcome);

}  // namespace rc::app
