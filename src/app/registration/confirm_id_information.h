#pragma once
// Use case: the candidate confirms that the identity information the organisation entered (name,
// masked ID number, sex, birth date, shown by candidate_application) is theirs and right (R4).
// Wrong data cannot be edited by the candidate: the organisation corrects it. Audited. Thread-safe.

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "store/database.h"

namespace rc::app {

// kForbidden; kWrongState when the application is not open to the candidate.
[[nodiscard]] Result<void> confirm_id_information(store::Database& db, const Clock& clock, const Actor& actor,
                                                  store::Id registration_id);

}  // namespace rc::app
