#pragma once
// Use case: the station moves one seated candidate to a free seat of the same sitting (F6). The
// admission ticket keeps its number (a printed ticket stays valid; the page and PDF show the new
// room and seat). Audited ("seat.move"). Thread-safe (its own transaction).

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

// kForbidden: not the sitting's station; kNotFound: no such seat; kWrongState: the sitting is no
// longer planned/open; kInvalidValue: a room not used by the sitting or a seat number outside the
// room; kSeatTaken: someone sits there already.
[[nodiscard]] Result<void> move_seat(store::Database& db, const Clock& clock, const Actor& actor, store::Id seat_id,
                                     store::Id room_id, int seat_no);

}  // namespace rc::app
