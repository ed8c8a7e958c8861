#include "app/sittings/move_seat.h"

#include "app/sittings/sitting_access.h"
#include "store/exam_room_repository.h"
#include "store/seat_plan_repository.h"

namespace rc::app {

Result<void> move_seat(store::Database& db, const Clock& clock, const Actor& actor, store::Id seat_id, store::Id room_id,
                       int seat_no) {
  if (auto r = require_station_user(actor); !r) return fail(r.error());
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<void> {
    store::SeatPlanRepository repo(tx);
    auto seat = repo.find(seat_id);
    if (!seat) return fail(seat.error());
    auto sitting = station_sitting(tx, actor, seat->sitting_id);
    if (!sitting) return fail(sitting.error());
    if (auto p = require_plannable(*sitting); !p) return fail(p.error());
    auto rooms = store::ExamRoomRepository(tx).rooms_of_sitting(seat->sitting_id);
    if (!rooms) return fail(rooms.error());
    const store::ExamRoom* room = nullptr;
    for (const auto& r : *rooms)
      if (r.id == room_id) room = &r;
    if (!room) return fail(ErrorCode::kInvalidValue, "room_id", "所选考场不属于该场次");
    if (seat_no < 1 || seat_no > room->seats)
      return fail(ErrorCode::kInvalidValue, "seat_no", room->name + "的座位号应在 1 到 " + std::to_string(room->seats) + " 之间");
    if (seat->room_id == room_id && seat->seat_no == seat_no) return ok();
    auto all = repo.list_by_sitting(seat->sitting_id);
    if (!all) return fail(all.error());
    for (const auto& s : *all)
      if (s.room_id == room_id && s.seat_no == seat_no)
        return fail(ErrorCode::kSeatTaken, "seat_no", room->name + std::to_string(seat_no) + " 号座位已有考生");
    if (auto m = repo.move(seat_id, room_id, seat_no); !m) {
      if (m.error().code == ErrorCode::kConflict)  // taken by a concurrent move
        return fail(ErrorCode::kSeatTaken, "seat_no", room->name + std::to_string(seat_no) + " 号座位已有考生");
      return fail(m.error());
    }
    nlohmann::json detail{{"sitting_id", seat->sitting_id}, {"from_room", seat->room_id}, {"from_seat", seat->seat_no},
                          {"room", room->name}, {"seat_no", seat_no}, {"ticket_no", seat->ticket_no}};
    return audit(tx, actor, now, {"seat.move", "registration", seat->registration_id, detail});
  });
}

}  // namespace rc::app
