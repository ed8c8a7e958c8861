#pragma once
// The on-site practical retake (现场补考, RULES.md R12b, D3, D4): after a failed practical (a first
// attempt or a make-up) the candidate may retake it at once, the same day. The examiner either
// starts it — a new draw of kind onsite_retake, scored like any other by the same room's group,
// whose result goes to the rules history as kind onsite_retake — or records that the candidate
// declined it (or could not take it): an attempts row kind onsite_retake with outcome 'declined',
// which the rules engine counts as a failed on-site retake (D4, then R12c).
// Both require the right (require_onsite_retake_right) and are audited.
// Thread-safe (their own transactions).

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/common/random.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "store/database.h"

namespace rc::app {

// The new draw's id. REQUIRES nothing; refusals as open_practical plus the right.
[[nodiscard]] Result<store::Id> start_onsite_retake(store::Database& db, const Clock& clock, RandomSource& random,
                                                    const PolicyCatalog& policies, const Actor& actor,
                                                    store::Id failed_draw_id);

// The attempts row recorded (outcome declined).
[[nodiscard]] Result<store::Id> decline_onsite_retake(store::Database& db, const Clock& clock,
                                                      const PolicyCatalog& policies, const Actor& actor,
                                                      store::Id failed_draw_id);

}  // namespace rc::app
