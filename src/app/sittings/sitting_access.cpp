#include "app/sittings/sitting_access.h"

#include "store/sitting_repository.h"

namespace rc::app {

Result<void> require_station_user(const Actor& actor) {
  if (actor.role == store::Role::kStation && actor.entity_id != 0) return ok();
  return fail(ErrorCode::kForbidden, "actor", "只有鉴定站可以安排考场、场次和座位（F6）");
}

Result<store::Sitting> station_sitting(store::Transaction& tx, const Actor& actor, store::Id sitting_id) {
  if (auto r = require_station_user(actor); !r) return fail(r.error());
  auto sitting = store::SittingRepository(tx).find(sitting_id);
  if (!sitting) return fail(sitting.error());
  if (sitting->station_id != actor.entity_id)
    return fail(ErrorCode::kForbidden, "sitting_id", "只能管理本鉴定站的考试场次");
  return sitting;
}

Result<void> require_plannable(const store::Sitting& sitting) {
  if (sitting.status == store::SittingStatus::kPlanned || sitting.status == store::SittingStatus::kOpen) return ok();
  return fail(ErrorCode::kWrongState, "sitting_id",
              "该场次" + std::string(sitting_status_label(sitting.status)) + "，不能再调整考场、座位或考务人员");
}

std::string_view sitting_status_label(store::SittingStatus s) {
  switch (s) {
    case store::SittingStatus::kPlanned: return "计划中";
    case store::SittingStatus::kOpen: return "已开放";
    case store::SittingStatus::kClosed: return "已结束";
    case store::SittingStatus::kHeld: return "已举行";
    case store::SittingStatus::kCancelled: return "已取消";
  }
  return "";
}

std::string_view duty_label(store::StaffDuty d) { return d == store::StaffDuty::kProctor ? "监考员" : "考评员"; }

}  // namespace rc::app
