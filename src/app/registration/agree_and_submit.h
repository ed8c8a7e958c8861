#pragma once
// Use case: the candidate clicks 同意 (R4): once every required step is done (own_application.h)
// the application goes to the station's review: submitted -> confirmed, or, after the station
// returned it and the candidate corrected it, returned -> confirmed (resubmission, F5).
// Audited. Thread-safe.

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "store/database.h"

namespace rc::app {

// kStepsIncomplete naming what is missing (field = the first missing item's field);
// kForbidden; kWrongState.
[[nodiscard]] Result<void> agree_and_submit(store::Database& db, const Clock& clock, const Actor& actor,
                                            store::Id registration_id);

}  // namespace rc::app
