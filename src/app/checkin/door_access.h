#pragma once
// What every check-in use case checks first (R6, D11): the actor is a proctor (监考员) assigned to
// this room of this sitting (sitting_staff), and which instant the door closes: the theory
// session's start plus the policy's late-arrival minutes (D11: 15). Arriving later counts as
// absent. A seat is looked up by its admission ticket number and must be in the proctor's room.
// Plain functions; thread-safe as their Transaction.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "app/registration/actor.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "store/checkin_records.h"
#include "store/database.h"

namespace rc::app {

// kForbidden unless the actor is a proctor of (sitting, room); kNotFound (for a proctor) when the
// sitting has no such room.
[[nodiscard]] Result<store::ProctorRoom> require_proctor_room(store::Transaction& tx, const Actor& actor,
                                                              store::Id sitting_id, store::Id room_id);

// The instant after which the candidate may no longer enter (D11); kWrongState when the sitting has
// no theory session.
[[nodiscard]] Result<store::Timestamp> door_closes_at(std::optional<store::Timestamp> theory_starts_at,
                                                      const Policy& policy);
[[nodiscard]] Result<store::Timestamp> door_closes_at(const PolicyCatalog& policies, const store::DoorSeat& seat,
                                                      std::optional<store::Timestamp> theory_starts_at);

// The refusal of a late arrival, with the policy's minutes (D11).
Error late_arrival_error(const Policy& policy);

// The seat of a ticket in the proctor's room: kTicketInvalid when no seat has this ticket, or it is
// for another sitting or room; kWrongState when the candidate does not sit the theory here.
[[nodiscard]] Result<store::DoorSeat> seat_in_room(store::Transaction& tx, const store::ProctorRoom& room,
                                                   std::string_view ticket_no);

// Free text typed at the door (notes, incident descriptions) without surrounding white space; its
// length in characters (as the schema's length() counts) is sheet::utf8_length.
std::string trimmed_text(std::string_view s);

// "HH:MM" China time.
std::string china_clock(store::Timestamp t);

}  // namespace rc::app
