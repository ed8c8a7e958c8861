#include "app/sittings/create_sitting.h"

#include <algorithm>

#include "app/sittings/sitting_access.h"
#include "store/exam_room_repository.h"
#include "store/sitting_repository.h"

namespace rc::app {
namespace {

constexpr int kMinutesPerDay = 24 * 60;

Result<void> check_times(const NewSitting& in, int theory_minutes) {
  if (!in.theory_start_minute && !in.practical_start_minute)
    return fail(ErrorCode::kMissingField, "theory_start", "请至少填写理论考试或技能考核的开始时间");
  for (auto [v, field] : {std::pair{in.theory_start_minute, "theory_start"}, std::pair{in.practical_start_minute, "practical_start"}})
    if (v && (*v < 0 || *v >= kMinutesPerDay)) return fail(ErrorCode::kInvalidValue, field, "开始时间应在当天 00:00 到 23:59 之间");
  if (in.theory_start_minute && *in.theory_start_minute + theory_minutes > kMinutesPerDay)
    return fail(ErrorCode::kInvalidValue, "theory_start", "理论考试须在当天结束");
  if (in.theory_start_minute && in.practical_start_minute &&
      *in.practical_start_minute >= *in.theory_start_minute &&
      *in.practical_start_minute < *in.theory_start_minute + theory_minutes)
    return fail(ErrorCode::kInvalidValue, "practical_start", "技能考核不能在理论考试进行中开始");
  return ok();
}

}  // namespace

Result<store::Id> create_sitting(store::Database& db, const Clock& clock, const PolicyCatalog& policies, const Actor& actor,
                                 const NewSitting& in) {
  if (auto r = require_station_user(actor); !r) return fail(r.error());
  const CivilDate today = china_date(clock.now());
  if (in.held_on < today) return fail(ErrorCode::kInvalidDate, "held_on", "考试日期不能早于今天");
  auto policy = policies.in_force_on(in.held_on);
  if (!policy) return fail(policy.error());
  const auto& open = (*policy)->open_levels;
  if (std::find(open.begin(), open.end(), in.level) == open.end())
    return fail(ErrorCode::kLevelClosed, "level", "该等级目前未开放鉴定（R1）", "R1");
  const int theory_minutes = (*policy)->theory.duration_minutes;
  if (auto t = check_times(in, theory_minutes); !t) return fail(t.error());
  if (in.room_ids.empty()) return fail(ErrorCode::kInvalidValue, "rooms", "请至少选择一个考场");
  std::vector<store::Id> rooms = in.room_ids;
  std::sort(rooms.begin(), rooms.end());
  rooms.erase(std::unique(rooms.begin(), rooms.end()), rooms.end());
  const auto now = to_timestamp(clock.now());
  const auto midnight = to_timestamp(china_midnight(in.held_on));
  return db.transaction([&](store::Transaction& tx) -> Result<store::Id> {
    store::ExamRoomRepository room_repo(tx);
    for (auto id : rooms) {
      auto room = room_repo.find(id);
      if (!room && room.error().code != ErrorCode::kNotFound) return fail(room.error());
      if (!room || room->station_id != actor.entity_id)
        return fail(ErrorCode::kInvalidValue, "rooms", "所选考场不属于本鉴定站");
    }
    store::Sitting s;
    s.station_id = actor.entity_id;
    s.level = in.level;
    s.held_on = in.held_on;
    if (in.theory_start_minute) {
      s.theory_starts_at = midnight + std::chrono::minutes(*in.theory_start_minute);
      s.theory_minutes = theory_minutes;
    }
    if (in.practical_start_minute) s.practical_starts_at = midnight + std::chrono::minutes(*in.practical_start_minute);
    s.capacity = 0;
    s.status = store::SittingStatus::kPlanned;
    s.created_at = now;
    auto id = store::SittingRepository(tx).insert(s);
    if (!id) return fail(id.error());
    for (auto room : rooms)
      if (auto added = room_repo.add_to_sitting(*id, room); !added) return fail(added.error());
    nlohmann::json detail{{"held_on", in.held_on.to_string()}, {"level", in.level}, {"rooms", rooms}};
    if (auto a = audit(tx, actor, now, {"sitting.create", "sitting", *id, detail}); !a) return fail(a.error());
    return *id;
  });
}

}  // namespace rc::app
