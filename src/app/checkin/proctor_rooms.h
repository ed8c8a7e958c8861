#pragma once
// Use cases of the proctor's pages (F10): the rooms the proctor is assigned to today, and one
// room's list at the door — every seat with name, masked ID number and state (待入场, 已入场, 缺考), the
// counts, the door's closing time (D11) and the room's incidents. Opening the list first records as
// absent whoever the door has closed on (record_absences.h), so the list never shows a candidate
// waiting who can no longer enter. The list is a view of personal data: audited. Only a proctor
// assigned to the room (kForbidden). Thread-safe (its own transactions).

#include <optional>
#include <vector>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "store/checkin_records.h"
#include "store/database.h"

namespace rc::app {

// The proctor's rooms at sittings held today (China date), in start order. kForbidden for anyone
// but a proctor.
[[nodiscard]] Result<std::vector<store::ProctorRoom>> proctor_rooms_today(store::Database& db, const Clock& clock,
                                                                          const Actor& actor);

// kForbidden unless the actor is a proctor of this room of the sitting; kNotFound when the sitting
// has no such room. For routes that must refuse before any other work (the face check).
[[nodiscard]] Result<void> require_proctor_of(store::Database& db, const Actor& actor, store::Id sitting_id,
                                              store::Id room_id);

struct RoomRoster {
  store::ProctorRoom room;
  std::vector<store::DoorSeat> seats;  // seat order
  int waiting = 0, admitted = 0, absent = 0;
  std::optional<store::Timestamp> door_closes_at;  // D11 (the policy in force on the sitting's day)
  bool door_closed = false;
  std::vector<store::ExamIncident> incidents;
};

[[nodiscard]] Result<RoomRoster> room_roster(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                             const Actor& actor, store::Id sitting_id, store::Id room_id);

}  // namespace rc::app
