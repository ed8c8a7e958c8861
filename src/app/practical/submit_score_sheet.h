#pragma once
// An examiner submits their score sheet for a candidate's drawn assessment (F12, R7): every
// checklist line of the assessed items in tenths of a point, and any veto items (一票否决) seen.
// The sheet is append-only evidence with the examiner and time (one per examiner and draw). When
// every examiner of the room's group has submitted, the sheets are combined by the scheme's
// method (median / mean), the divergence flags and counted vetoes kept, and the result is written
// to the rules history (attempts: subject practical, the draw's kind, outcome pass or fail, score
// in thousandths rounded down) the way the theory marking does (finish_exam_attempt.cpp): a
// pending row recorded at check-in is given its outcome, otherwise a row is added. What the
// candidate may see, and when, is the results publication's business (R8, D17). The group's
// claim is released.
//
// Refusals: kForbidden (not an examiner of the draw's room), kWrongState (result already
// written), kConflict (this examiner already submitted), kPracticalClaimed (another group holds
// the candidate), the sheet's own errors (kMissingField / kScoreOutOfRange / kInvalidValue naming
// the line). Thread-safe (its own transaction).

#include <optional>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "practical/score_sheet.h"
#include "store/database.h"

namespace rc::app {

struct SheetOutcome {
  int submitted = 0;  // sheets of the draw so far
  int needed = 0;     // examiners of the group
  std::optional<practical::CombinedResult> result;  // when this sheet completed the group
};

[[nodiscard]] Result<SheetOutcome> submit_score_sheet(store::Database& db, const Clock& clock, const Actor& actor,
                                                      store::Id draw_id, const practical::ScoreSheet& sheet);

}  // namespace rc::app
