#pragma once
// Use case: the station returns an application to the candidate with a reason (F5): confirmed ->
// returned. The candidate sees the reason (candidate_application), corrects, and agrees again
// (agree_and_submit: returned -> confirmed). The agreement is cleared so it must be given again.
// Audited with the reason. Thread-safe.

#include <string>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "store/database.h"

namespace rc::app {

// kReasonRequired for an empty reason; kInvalidValue / kTooLarge over 200 characters;
// kForbidden; kWrongState.
[[nodiscard]] Result<void> return_application(store::Database& db, const Clock& clock, const Actor& actor,
                                              store::Id registration_id, std::string_view reason);

}  // namespace rc::app
