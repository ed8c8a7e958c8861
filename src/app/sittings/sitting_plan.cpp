#include "app/sittings/sitting_plan.h"

#include <map>

#include "app/sittings/sitting_access.h"
#include "store/candidate_repository.h"
#include "store/exam_room_repository.h"
#include "store/registration_repository.h"
#include "store/seat_plan_repository.h"
#include "store/sitting_repository.h"
#include "store/sitting_staff_repository.h"
#include "store/user_repository.h"

namespace rc::app {
namespace {

Result<std::vector<UnseatedCandidate>> unseated(store::Transaction& tx, const PolicyCatalog& policies,
                                                const store::Sitting& sitting, CivilDate today) {
  auto ids = store::SeatPlanRepository(tx).unseated_approved(sitting.station_id, sitting.level, sitting.id);
  if (!ids) return fail(ids.error());
  std::vector<UnseatedCandidate> out;
  for (auto id : *ids) {
    auto reg = store::RegistrationRepository(tx).find(id);
    if (!reg) return fail(reg.error());
    auto candidate = store::CandidateRepository(tx).find(reg->candidate_id);
    if (!candidate) return fail(candidate.error());
    auto subjects = seat_subjects(tx, policies, *reg, *candidate, sitting, today);
    if (!subjects) return fail(subjects.error());
    out.push_back({id, candidate->name, candidate->id_number_masked, *subjects});
  }
  return out;
}

Result<std::vector<StaffAssignment>> staff_of(store::Transaction& tx, store::Id sitting_id,
                                              const std::map<store::Id, std::string>& room_names) {
  auto staff = store::SittingStaffRepository(tx).list_by_sitting(sitting_id);
  if (!staff) return fail(staff.error());
  std::vector<StaffAssignment> out;
  for (const auto& s : *staff) {
    auto user = store::UserRepository(tx).find(s.user_id);
    if (!user) return fail(user.error());
    auto room = room_names.find(s.room_id);
    out.push_back({s, room == room_names.end() ? "" : room->second, user->username});
  }
  return out;
}

}  // namespace

Result<std::vector<store::ExamRoom>> station_rooms(store::Database& db, const Actor& actor) {
  if (auto r = require_station_user(actor); !r) return fail(r.error());
  return db.read([&](store::Transaction& tx) { return store::ExamRoomRepository(tx).list_by_station(actor.entity_id); });
}

Result<std::vector<SittingSummary>> station_sittings(store::Database& db, const Clock& clock, const Actor& actor) {
  if (auto r = require_station_user(actor); !r) return fail(r.error());
  const CivilDate today = china_date(clock.now());
  return db.read([&](store::Transaction& tx) -> Result<std::vector<SittingSummary>> {
    auto list = store::SittingRepository(tx).list_by_station(actor.entity_id, today.plus_days(-366), *CivilDate::parse("9999-12-31"));
    if (!list) return fail(list.error());
    std::vector<SittingSummary> out;
    for (const auto& s : *list) {
      auto n = store::SeatPlanRepository(tx).count_in_sitting(s.id);
      if (!n) return fail(n.error());
      out.push_back({s, *n});
    }
    return out;
  });
}

Result<SittingPlan> sitting_plan(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                 const Actor& actor, store::Id sitting_id) {
  const CivilDate today = china_date(clock.now());
  return db.read([&](store::Transaction& tx) -> Result<SittingPlan> {
    auto sitting = station_sitting(tx, actor, sitting_id);
    if (!sitting) return fail(sitting.error());
    SittingPlan plan;
    plan.sitting = *sitting;
    auto rooms = store::ExamRoomRepository(tx).rooms_of_sitting(sitting_id);
    auto seats = store::SeatPlanRepository(tx).plan_rows(sitting_id);
    auto members = store::SittingStaffRepository(tx).station_members(sitting->station_id);
    if (!rooms || !seats || !members) return fail(!rooms ? rooms.error() : !seats ? seats.error() : members.error());
    std::map<store::Id, std::string> names;
    for (const auto& r : *rooms) {
      int used = 0;
      for (const auto& s : *seats) used += s.seat.room_id == r.id ? 1 : 0;
      plan.rooms.push_back({r, used});
      names[r.id] = r.name;
    }
    plan.seats = std::move(*seats);
    plan.members = std::move(*members);
    auto staff = staff_of(tx, sitting_id, names);
    if (!staff) return fail(staff.error());
    plan.staff = std::move(*staff);
    auto waiting = unseated(tx, policies, *sitting, today);
    if (!waiting) return fail(waiting.error());
    plan.unseated = std::move(*waiting);
    return plan;
  });
}

}  // namespace rc::app
