#include "app/sittings/assign_sitting_staff.h"

#include "app/sittings/sitting_access.h"
#include "store/exam_room_repository.h"
#include "store/sitting_staff_repository.h"
#include "store/user_repository.h"

namespace rc::app {
namespace {

Result<store::Sitting> plannable_sitting(store::Transaction& tx, const Actor& actor, store::Id sitting_id) {
  auto sitting = station_sitting(tx, actor, sitting_id);
  if (!sitting) return sitting;
  if (auto p = require_plannable(*sitting); !p) return fail(p.error());
  return sitting;
}

}  // namespace

Result<void> assign_sitting_staff(store::Database& db, const Clock& clock, const Actor& actor, store::Id sitting_id,
                                  store::Id room_id, store::Id user_id) {
  if (auto r = require_station_user(actor); !r) return fail(r.error());
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<void> {
    auto sitting = plannable_sitting(tx, actor, sitting_id);
    if (!sitting) return fail(sitting.error());
    auto rooms = store::ExamRoomRepository(tx).rooms_of_sitting(sitting_id);
    if (!rooms) return fail(rooms.error());
    bool in_sitting = false;
    for (const auto& r : *rooms) in_sitting = in_sitting || r.id == room_id;
    if (!in_sitting) return fail(ErrorCode::kInvalidValue, "room_id", "所选考场不属于该场次");
    auto user = store::UserRepository(tx).find(user_id);
    if (!user) return fail(user.error());
    const bool staff = user->role == store::Role::kProctor || user->role == store::Role::kExaminer;
    if (!staff || user->station_id != sitting->station_id || user->disabled)
      return fail(ErrorCode::kInvalidValue, "user_id", "只能安排本鉴定站的监考员或考评员");
    const auto duty = user->role == store::Role::kProctor ? store::StaffDuty::kProctor : store::StaffDuty::kExaminer;
    store::SittingStaffRepository repo(tx);
    auto current = repo.list_by_sitting(sitting_id);
    if (!current) return fail(current.error());
    for (const auto& s : *current)
      if (s.room_id == room_id && s.user_id == user_id)
        return fail(ErrorCode::kConflict, "user_id", user->username + " 已安排在该考场");
    if (auto ins = repo.insert({sitting_id, room_id, user_id, duty, now}); !ins) return fail(ins.error());
    nlohmann::json detail{{"sitting_id", sitting_id}, {"room_id", room_id}, {"user", user->username},
                          {"duty", std::string(store::to_text(duty))}};
    return audit(tx, actor, now, {"staff.assign", "sitting", sitting_id, detail});
  });
}

Result<void> remove_sitting_staff(store::Database& db, const Clock& clock, const Actor& actor, store::Id sitting_id,
                                  store::Id room_id, store::Id user_id) {
  if (auto r = require_station_user(actor); !r) return fail(r.error());
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<void> {
    auto sitting = plannable_sitting(tx, actor, sitting_id);
    if (!sitting) return fail(sitting.error());
    if (auto r = store::SittingStaffRepository(tx).remove(sitting_id, room_id, user_id); !r) return fail(r.error());
    return audit(tx, actor, now, {"staff.remove", "sitting", sitting_id, {{"room_id", room_id}, {"user_id", user_id}}});
  });
}

}  // namespace rc::app
