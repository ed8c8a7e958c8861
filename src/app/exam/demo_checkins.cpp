#include "app/exam/demo_checkins.h"

#include "app/demo/demo_people.h"
#include "app/registration/actor.h"
#include "store/checkin_repository.h"
#include "store/exam_room_repository.h"
#include "store/seat_plan_repository.h"
#include "store/sitting_repository.h"
#include "store/sitting_staff_repository.h"
#include "store/statement.h"
#include "store/storage_error.h"
#include "store/user_repository.h"

namespace rc::app {
namespace {

// The demo exam's sitting: the station's newest sitting with sealed papers.
constexpr std::string_view kDemoExamSitting =
    "SELECT s.id FROM sittings s WHERE s.station_id = :station_id"
    " AND EXISTS (SELECT 1 FROM exam_papers p WHERE p.sitting_id = s.id) ORDER BY s.id DESC";
constexpr std::string_view kPapersOfSitting =
    "SELECT p.registration_id, ss.ticket_no FROM exam_papers p LEFT JOIN sitting_seats ss"
    " ON ss.sitting_id = p.sitting_id AND ss.registration_id = p.registration_id"
    " WHERE p.sitting_id = :sitting_id ORDER BY p.registration_id";
// An approved registration at the station with no history, paper or seat (the late arrival).
constexpr std::string_view kUnseatedApproved =
    "SELECT r.id FROM registrations r JOIN batches b ON b.id = r.batch_id WHERE b.station_id = :station_id"
    " AND r.status = 'approved' AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.registration_id = r.id)"
    " AND NOT EXISTS (SELECT 1 FROM exam_papers p WHERE p.registration_id = r.id)"
    " AND NOT EXISTS (SELECT 1 FROM sitting_seats ss WHERE ss.registration_id = r.id) ORDER BY r.id DESC";

constexpr const char* kLateRoomName = "第九考场（迟到演示）";
constexpr const char* kDemoNote = "演示数据：已核对身份证原件，本人与准考证照片一致";

template <class T>
Result<std::vector<T>> ids(store::Transaction& tx, std::string_view sql, store::Id bound) {
  return store::guarded("读取演示数据", [&]() -> Result<std::vector<T>> {
    std::vector<T> out;
    T v{};
    store::Statement st(tx, sql);
    st.bind(bound).into(v);
    for (bool more = st.execute(); more; more = st.fetch()) out.push_back(v);
    return out;
  });
}

struct PaperSeat {
  store::Id registration_id = 0;
  std::optional<std::string> ticket_no;
};

void note_login(Platform& p, DemoReport& report, store::Id registration_id, const std::string& note) {
  const auto username = candidate_username_of(p, registration_id);
  for (auto& l : report.logins)
    if (l.username == username) {
      l.note = note;
      return;
    }
  report.logins.push_back({username, kDemoPassword, "考生", note});
}

// Admits every demo exam candidate but the last seated one; returns that one (if any).
Result<std::optional<PaperSeat>> admit_demo_candidates(Platform& p, store::Id station_id, const Actor& proctor) {
  const auto now = to_timestamp(p.clock().now());
  return p.database().transaction([&](store::Transaction& tx) -> Result<std::optional<PaperSeat>> {
    auto sittings = ids<store::Id>(tx, kDemoExamSitting, station_id);
    if (!sittings) return fail(sittings.error());
    if (sittings->empty()) return std::optional<PaperSeat>{};
    const store::Id sitting = sittings->front();
    std::vector<PaperSeat> papers;
    auto read = store::guarded("读取演示试卷", [&]() -> Result<void> {
      PaperSeat row;
      store::Statement st(tx, kPapersOfSitting);
      st.bind(sitting).into(row.registration_id).into(row.ticket_no);
      for (bool more = st.execute(); more; more = st.fetch()) papers.push_back(row);
      return ok();
    });
    if (!read) return fail(read.error());
    std::optional<PaperSeat> waiting;
    for (auto it = papers.rbegin(); it != papers.rend() && !waiting; ++it)
      if (it->ticket_no) waiting = *it;
    store::CheckinRepository checkins(tx);
    for (const auto& paper : papers) {
      if (waiting && paper.registration_id == waiting->registration_id) continue;
      store::ExamCheckin row{0,
                             sitting,
                             paper.registration_id,
                             store::Subject::kTheory,
                             store::CheckinOutcome::kAdmitted,
                             store::CheckinMethod::kManual,
                             std::nullopt,
                             kDemoNote,
                             now,
                             proctor.user_id == 0 ? std::nullopt : std::optional(proctor.user_id)};
      auto id = checkins.record(row);
      if (!id) return fail(id.error());
      nlohmann::json detail{{"sitting", sitting}, {"method", "manual"}, {"demo", true}};
      if (auto a = audit(tx, proctor, now, {"checkin.admit", "registration", paper.registration_id, detail}); !a)
        return fail(a.error());
    }
    return waiting;
  });
}

// A sitting whose door closed five minutes ago (D11) in a room of its own, one candidate seated,
// the proctor on the room; the candidate's registration and ticket number.
Result<std::optional<PaperSeat>> seat_late_candidate(Platform& p, store::Id station_id, const Actor& proctor) {
  const auto clock_now = p.clock().now();
  const auto now = to_timestamp(clock_now);
  auto policy = p.policies().in_force_on(china_date(clock_now));
  if (!policy) return fail(policy.error());
  return p.database().transaction([&](store::Transaction& tx) -> Result<std::optional<PaperSeat>> {
    auto fresh = ids<store::Id>(tx, kUnseatedApproved, station_id);
    if (!fresh) return fail(fresh.error());
    if (fresh->empty() || proctor.user_id == 0) return std::optional<PaperSeat>{};
    store::Sitting s;
    s.station_id = station_id;
    s.level = 5;
    s.theory_starts_at = now - std::chrono::minutes((*policy)->late_arrival_minutes + 5);  // D11: 5 minutes late
    s.held_on = china_date(std::chrono::system_clock::time_point(s.theory_starts_at->time_since_epoch()));
    s.theory_minutes = (*policy)->theory.duration_minutes;
    s.capacity = 30;
    s.status = store::SittingStatus::kOpen;
    s.created_at = now;
    auto sitting = store::SittingRepository(tx).insert(s);
    if (!sitting) return fail(sitting.error());
    PaperSeat seat{fresh->front(), "D11LATE-" + std::to_string(*sitting)};
    store::ExamRoomRepository rooms(tx);
    auto room = rooms.insert({0, station_id, kLateRoomName, 30, store::RoomKind::kTheory, now});
    if (!room) return fail(room.error());
    if (auto r = rooms.add_to_sitting(*sitting, *room); !r) return fail(r.error());
    store::SittingSeat row;
    row.sitting_id = *sitting;
    row.registration_id = seat.registration_id;
    row.room_id = *room;
    row.seat_no = 1;
    row.theory_kind = store::AttemptKind::kFirst;
    row.ticket_no = *seat.ticket_no;
    row.assigned_at = now;
    if (auto id = store::SeatPlanRepository(tx).insert(row); !id) return fail(id.error());
    if (auto r = store::SittingStaffRepository(tx).insert({*sitting, *room, proctor.user_id, store::StaffDuty::kProctor, now});
        !r)
      return fail(r.error());
    return std::optional<PaperSeat>{seat};
  });
}

}  // namespace

Result<void> seed_demo_checkins(Platform& p, store::Id station_id, DemoReport& report) {
  auto user =
      p.database().read([&](store::Transaction& tx) { return store::UserRepository(tx).find_by_username("proctor"); });
  if (!user) return fail(user.error());
  const Actor proctor = *user ? actor_of(**user) : system_actor();
  auto waiting = admit_demo_candidates(p, station_id, proctor);
  if (!waiting) return fail(waiting.error());
  if (*waiting)
    note_login(p, report, (*waiting)->registration_id,
               "理论考试：待监考员入场核验（准考证号 " + *(*waiting)->ticket_no + "）");
  auto policy = p.policies().in_force_on(china_date(p.clock().now()));
  if (!policy) return fail(policy.error());
  const int late_minutes = (*policy)->late_arrival_minutes;
  auto late = seat_late_candidate(p, station_id, proctor);
  if (!late) return fail(late.error());
  if (*late)
    note_login(p, report, (*late)->registration_id,
               "理论考试：迟到，开考已超过 " + std::to_string(late_minutes) + " 分钟（准考证号 " +
                   *(*late)->ticket_no + "）");
  return ok();
}

}  // namespace rc::app
