#include "app/checkin/proctor_rooms.h"

#include "app/checkin/door_access.h"
#include "app/checkin/record_absences.h"
#include "store/checkin_repository.h"

namespace rc::app {

Result<std::vector<store::ProctorRoom>> proctor_rooms_today(store::Database& db, const Clock& clock,
                                                            const Actor& actor) {
  if (actor.role != store::Role::kProctor || actor.user_id == 0)
    return fail(ErrorCode::kForbidden, "role", "只有监考员可以查看监考安排");
  const auto today = china_date(clock.now());
  return db.read(
      [&](store::Transaction& tx) { return store::CheckinRepository(tx).proctor_rooms(actor.user_id, today, today); });
}

Result<void> require_proctor_of(store::Database& db, const Actor& actor, store::Id sitting_id, store::Id room_id) {
  return db.read([&](store::Transaction& tx) -> Result<void> {
    auto room = require_proctor_room(tx, actor, sitting_id, room_id);
    if (!room) return fail(room.error());
    return ok();
  });
}

Result<RoomRoster> room_roster(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                               const Actor& actor, store::Id sitting_id, store::Id room_id) {
  const auto at = to_timestamp(clock.now());
  // Access first (in the read of the sweep's seats), so that a stranger cannot make the sweep run.
  auto unchecked = db.read([&](store::Transaction& tx) -> Result<std::vector<store::UncheckedSeat>> {
    if (auto room = require_proctor_room(tx, actor, sitting_id, room_id); !room) return fail(room.error());
    return store::CheckinRepository(tx).unchecked_seats(at, sitting_id);
  });
  if (!unchecked) return fail(unchecked.error());
  if (auto swept = record_absences_of(db, policies, at, *unchecked); !swept) return fail(swept.error());
  return db.transaction([&](store::Transaction& tx) -> Result<RoomRoster> {
    auto room = require_proctor_room(tx, actor, sitting_id, room_id);
    if (!room) return fail(room.error());
    RoomRoster r;
    r.room = std::move(*room);
    auto seats = store::CheckinRepository(tx).seats_of_room(sitting_id, room_id);
    if (!seats) return fail(seats.error());
    r.seats = std::move(*seats);
    for (const auto& s : r.seats) {
      if (!s.theory_outcome)
        ++r.waiting;
      else if (*s.theory_outcome == store::CheckinOutcome::kAdmitted)
        ++r.admitted;
      else
        ++r.absent;
    }
    if (auto policy = policies.in_force_on(r.room.held_on); policy && r.room.theory_starts_at) {
      auto closes = door_closes_at(r.room.theory_starts_at, **policy);
      if (closes) {
        r.door_closes_at = *closes;
        r.door_closed = at > *closes;
      }
    }
    auto incidents = store::IncidentRepository(tx).list_of_room(sitting_id, room_id);
    if (!incidents) return fail(incidents.error());
    r.incidents = std::move(*incidents);
    nlohmann::json detail{{"sitting", sitting_id}, {"seats", r.seats.size()}, {"id_numbers", "masked"}};
    if (auto a = audit(tx, actor, at, {"checkin.room_view", "exam_room", room_id, detail, true}); !a)
      return fail(a.error());
    return r;
  });
}

}  // namespace rc::app
