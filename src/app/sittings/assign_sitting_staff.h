#pragma once
// Use case: the station assigns proctors (监考员) and examiners (考评员) to rooms of a sitting (F6),
// and removes them. Only enabled accounts of the station with the matching role: a proctor's duty
// is 'proctor', an examiner's 'examiner'. Audited ("staff.assign", "staff.remove").
// Thread-safe (its own transaction).

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "store/database.h"
#include "store/seat_plan_records.h"

namespace rc::app {

// kForbidden: not the sitting's station; kNotFound: unknown sitting or user; kWrongState: the
// sitting is no longer planned/open; kInvalidValue: a room not used by the sitting, or a user who
// is not a proctor/examiner of this station; kConflict: already assigned to that room.
[[nodiscard]] Result<void> assign_sitting_staff(store::Database& db, const Clock& clock, const Actor& actor,
                                                store::Id sitting_id, store::Id room_id, store::Id user_id);

// kNotFound when the user was not assigned to that room.
[[nodiscard]] Result<void> remove_sitting_staff(store::Database& db, const Clock& clock, const Actor& actor,
                                                store::Id sitting_id, store::Id room_id, store::Id user_id);

}  // namespace rc::app
