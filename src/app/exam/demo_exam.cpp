#include "app/exam/demo_exam.h"

#include "app/demo/demo_people.h"
#include "app/registration/actor.h"
#include "app/sittings/assign_candidates.h"
#include "app/sittings/assign_sitting_staff.h"
#include "app/sittings/create_exam_room.h"
#include "app/sittings/create_sitting.h"
#include "store/exam_room_repository.h"
#include "store/sitting_repository.h"
#include "store/statement.h"
#include "store/storage_error.h"
#include "store/user_repository.h"

namespace rc::app {
namespace {

// Approved registrations at the station with no attempt recorded yet (the demo's certificate
// holders already have theirs).
constexpr std::string_view kFreshApproved =
    "SELECT r.id FROM registrations r JOIN batches b ON b.id = r.batch_id WHERE b.station_id = :station_id"
    " AND r.status = 'approved' AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.registration_id = r.id)"
    " ORDER BY r.id LIMIT 3";

// The demo's accounts of the station (seed_demo.cpp makes them).
Result<Actor> demo_account(Platform& p, const char* username, store::Role role, store::Id station_id) {
  auto user = p.database().read([&](store::Transaction& tx) { return store::UserRepository(tx).find_by_username(username); });
  if (!user) return fail(user.error());
  if (!*user || (*user)->role != role || (*user)->station_id != station_id)
    return fail(ErrorCode::kNotFound, "user", std::string("演示账号 ") + username + " 不存在");
  return actor_of(**user);
}

// Today's sitting: theory from now (open for the next 100 minutes), in 第一考场 (30 seats).
Result<std::pair<store::Id, store::Id>> todays_sitting(Platform& p, const Actor& station, int theory_minutes) {
  auto room = create_exam_room(p.database(), p.clock(), station, {"第一考场", 30, store::RoomKind::kTheory});
  if (!room) return fail(room.error());
  const auto now = to_timestamp(p.clock().now());
  auto sitting = p.database().transaction([&](store::Transaction& tx) -> Result<store::Id> {
    store::Sitting s;
    s.station_id = station.entity_id;
    s.level = 5;
    s.held_on = china_date(p.clock().now());
    s.theory_starts_at = now;
    s.theory_minutes = theory_minutes;
    s.capacity = 0;
    s.status = store::SittingStatus::kOpen;
    s.created_at = now;
    auto id = store::SittingRepository(tx).insert(s);
    if (!id) return fail(id.error());
    if (auto added = store::ExamRoomRepository(tx).add_to_sitting(*id, *room); !added) return fail(added.error());
    return *id;
  });
  if (!sitting) return fail(sitting.error());
  return std::pair{*sitting, *room};
}

// A sitting 30 days on with 第二考场 (40 seats) and nobody seated: the station assigns from the UI.
Result<store::Id> planned_sitting(Platform& p, const Actor& station, store::Id first_room) {
  auto room = create_exam_room(p.database(), p.clock(), station, {"第二考场", 40, store::RoomKind::kTheory});
  if (!room) return fail(room.error());
  NewSitting s{china_date(p.clock().now()).plus_days(30), 5, 9 * 60, 14 * 60, {first_room, *room}};
  return create_sitting(p.database(), p.clock(), p.policies(), station, s);
}

}  // namespace

Result<void> seed_demo_exam(Platform& p, store::Id station_id, DemoReport& report) {
  auto policy = p.policies().in_force_on(china_date(p.clock().now()));
  if (!policy) return fail(policy.error());
  auto station = demo_account(p, "station", store::Role::kStation, station_id);
  auto proctor = demo_account(p, "proctor", store::Role::kProctor, station_id);
  auto examiner = demo_account(p, "examiner", store::Role::kExaminer, station_id);
  if (!station || !proctor || !examiner) return fail(!station ? station.error() : !proctor ? proctor.error() : examiner.error());
  std::vector<store::Id> regs;
  auto found = p.database().read([&](store::Transaction& tx) {
    return store::guarded("读取演示报名", [&]() -> Result<void> {
      store::Id id = 0;
      store::Statement st(tx, kFreshApproved);
      st.bind(station_id).into(id);
      for (bool more = st.execute(); more; more = st.fetch()) regs.push_back(id);
      return ok();
    });
  });
  if (!found) return fail(found.error());
  auto today = todays_sitting(p, *station, (*policy)->theory.duration_minutes);
  if (!today) return fail(today.error());
  const auto [sitting, room] = *today;
  // Seats, tickets and sealed papers (assign_candidates makes the papers, F9).
  if (!regs.empty()) {
    auto seated = assign_candidates(p.database(), p.clock(), p.policies(), p.random(), *station, sitting, regs);
    if (!seated) return fail(seated.error());
    if (!seated->papers_problem.empty()) return fail(ErrorCode::kExamBankShortfall, "bank", seated->papers_problem);
  }
  for (const Actor* who : {&*proctor, &*examiner})
    if (auto a = assign_sitting_staff(p.database(), p.clock(), *station, sitting, room, who->user_id); !a)
      return fail(a.error());
  if (auto planned = planned_sitting(p, *station, room); !planned) return fail(planned.error());
  for (auto r : regs)
    report.logins.push_back({candidate_username_of(p, r), kDemoPassword, "考生", "理论考试：可开始作答"});
  return ok();
}

}  // namespace rc::app
