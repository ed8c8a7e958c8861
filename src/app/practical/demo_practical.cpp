#include "app/practical/demo_practical.h"

#include <cstdio>
#include <utility>
#include <vector>

#include "app/demo/demo_people.h"
#include "app/registration/actor.h"
#include "store/exam_room_repository.h"
#include "store/seat_plan_repository.h"
#include "store/sitting_staff_repository.h"
#include "store/statement.h"
#include "store/storage_error.h"
#include "store/user_repository.h"

namespace rc::app {
namespace {

constexpr std::string_view kTodaysSitting =
    "SELECT s.id FROM sittings s WHERE s.station_id = :station_id AND s.held_on = :held_on"
    " ORDER BY CASE WHEN EXISTS (SELECT 1 FROM exam_papers p WHERE p.sitting_id = s.id) THEN 0 ELSE 1 END, s.id DESC";
// Approved registrations at the station with no history, no paper and no seat at the sitting.
constexpr std::string_view kFreshApproved =
    "SELECT r.id FROM registrations r JOIN batches b ON b.id = r.batch_id WHERE b.station_id = :station_id"
    " AND r.status = 'approved' AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.registration_id = r.id)"
    " AND NOT EXISTS (SELECT 1 FROM exam_papers p WHERE p.registration_id = r.id)"
    " AND NOT EXISTS (SELECT 1 FROM sitting_seats st WHERE st.registration_id = r.id AND st.sitting_id = :sitting_id)"
    " ORDER BY r.id DESC";

struct Made {
  std::vector<std::pair<store::Id, std::string>> seated;  // registration, ticket
};

Result<store::Id> examiner_account(store::Transaction& tx, const char* username, const char* phone, store::Id station_id,
                                   const std::string& password_hash, store::Timestamp at) {
  auto found = store::UserRepository(tx).find_by_username(username);
  if (!found) return fail(found.error());
  if (*found) return (*found)->id;
  store::User u;
  u.username = username;
  u.role = store::Role::kExaminer;
  u.password_hash = password_hash;
  u.phone = phone;
  u.station_id = station_id;
  u.created_at = at;
  return store::UserRepository(tx).insert(u);
}

}  // namespace

Result<void> seed_demo_practical(Platform& p, store::Id station_id, const std::string& password_hash, DemoReport& report) {
  const auto now = to_timestamp(p.clock().now());
  const CivilDate today = china_date(p.clock().now());
  auto made = p.database().transaction([&](store::Transaction& tx) -> Result<std::optional<Made>> {
    return store::guarded("生成技能考核演示数据", [&]() -> Result<std::optional<Made>> {
      store::Id sitting = 0;
      store::Statement find(tx, kTodaysSitting);
      find.bind(station_id).bind(today).into(sitting);
      if (!find.execute()) return std::optional<Made>{};
      std::vector<store::Id> examiners;
      auto first = store::UserRepository(tx).find_by_username("examiner");
      if (!first) return fail(first.error());
      if (*first) examiners.push_back((*first)->id);
      for (auto [name, phone] : {std::pair{"examiner2", "13990000024"}, std::pair{"examiner3", "13990000025"}}) {
        auto id = examiner_account(tx, name, phone, station_id, password_hash, now);
        if (!id) return fail(id.error());
        examiners.push_back(*id);
      }
      store::ExamRoom practical_room{0, station_id, "技能考核一室", 30, store::RoomKind::kPractical, now};
      auto room = store::ExamRoomRepository(tx).insert(practical_room);
      if (!room) return fail(room.error());
      if (auto r = store::ExamRoomRepository(tx).add_to_sitting(sitting, *room); !r) return fail(r.error());
      for (auto user : examiners)
        if (auto r = store::SittingStaffRepository(tx).insert({sitting, *room, user, store::StaffDuty::kExaminer, now}); !r)
          return fail(r.error());
      std::vector<store::Id> regs;
      store::Id reg = 0;
      store::Statement fresh(tx, kFreshApproved);
      fresh.bind(station_id).bind(sitting).into(reg);
      for (bool more = fresh.execute(); more && regs.size() < 3; more = fresh.fetch()) regs.push_back(reg);
      Made m;
      int seat_no = 0;
      for (auto r : regs) {
        char ticket[33];
        std::snprintf(ticket, sizeof ticket, "SJ%06lld%03d", static_cast<long long>(sitting), ++seat_no);
        store::SittingSeat seat;
        seat.sitting_id = sitting;
        seat.registration_id = r;
        seat.room_id = *room;
        seat.seat_no = seat_no;
        seat.practical_kind = store::AttemptKind::kFirst;
        seat.ticket_no = ticket;
        seat.assigned_at = now;
        if (auto id = store::SeatPlanRepository(tx).insert(seat); !id) return fail(id.error());
        m.seated.emplace_back(r, ticket);
      }
      return std::optional<Made>{std::move(m)};
    });
  });
  if (!made) return fail(made.error());
  if (!*made) return ok();
  report.logins.push_back({"examiner2", kDemoPassword, "考评员", "手机 13990000024；技能考核一室"});
  report.logins.push_back({"examiner3", kDemoPassword, "考评员", "手机 13990000025；技能考核一室"});
  for (const auto& [r, ticket] : (*made)->seated)
    report.logins.push_back({candidate_username_of(p, r), kDemoPassword, "考生", "技能考核：准考证 " + ticket});
  return ok();
}

}  // namespace rc::app
