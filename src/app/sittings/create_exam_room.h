#pragma once
// Use case: a station adds an exam room (考场) with its number of seats (F6). Names are unique per
// station, 1-64 characters; seats 1-500; kind theory (computer room) or practical.
// Audited ("room.create"). Thread-safe (its own transaction).

#include <string>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "store/database.h"
#include "store/seat_plan_records.h"

namespace rc::app {

struct NewExamRoom {
  std::string name;
  int seats = 0;
  store::RoomKind kind = store::RoomKind::kTheory;
};

// The new room's id. kForbidden for anyone but a station user; kInvalidValue (field name or
// seats) for a bad name or seat count; kConflict when the station already has a room of that name.
[[nodiscard]] Result<store::Id> create_exam_room(store::Database& db, const Clock& clock, const Actor& actor,
                                                 const NewExamRoom& room);

}  // namespace rc::app
