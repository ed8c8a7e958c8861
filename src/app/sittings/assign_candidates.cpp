#include "app/sittings/assign_candidates.h"

#include <set>
#include <utility>

#include "app/exam/prepare_exam_papers.h"
#include "app/registration/station_registration.h"
#include "app/sittings/seat_rights.h"
#include "app/sittings/sitting_access.h"
#include "store/exam_room_repository.h"
#include "store/seat_plan_repository.h"

namespace rc::app {
namespace {

std::string padded(long long n, std::size_t width) {
  std::string s = std::to_string(n);
  return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
}

struct FreeSeat {
  int room_place = 0;
  const store::ExamRoom* room = nullptr;
  int seat_no = 0;
};

// Free seats in fill order: rooms by name, seats by number.
std::vector<FreeSeat> free_seats(const std::vector<store::ExamRoom>& rooms, const std::vector<store::SittingSeat>& taken) {
  std::set<std::pair<store::Id, int>> used;
  for (const auto& s : taken) used.insert({s.room_id, s.seat_no});
  std::vector<FreeSeat> out;
  for (std::size_t i = 0; i < rooms.size(); ++i)
    for (int n = 1; n <= rooms[i].seats; ++n)
      if (!used.count({rooms[i].id, n})) out.push_back({static_cast<int>(i) + 1, &rooms[i], n});
  return out;
}

// The registration may be seated here, and with what (R12).
Result<SeatSubjects> check_registration(store::Transaction& tx, const PolicyCatalog& policies, const Actor& actor,
                                        const store::Sitting& sitting, store::Id registration_id, CivilDate today) {
  auto sr = station_registration(tx, actor, registration_id);
  if (!sr) {
    if (sr.error().code == ErrorCode::kForbidden)
      return fail(ErrorCode::kForbidden, "registration_id", "只能安排报送到本鉴定站的考生");
    return fail(sr.error());
  }
  const std::string who = sr->candidate.name + "（" + sr->candidate.id_number_masked + "）";
  if (sr->registration.status != store::RegistrationStatus::kApproved)
    return fail(ErrorCode::kWrongState, "registration_id", who + "的报名尚未审核通过，不能安排座位（F5）");
  if (sr->registration.level != sitting.level)
    return fail(ErrorCode::kInvalidValue, "registration_id", who + "报考的等级与该场次不同");
  auto here = store::SeatPlanRepository(tx).find_for(sitting.id, registration_id);
  if (!here) return fail(here.error());
  if (*here) return fail(ErrorCode::kConflict, "registration_id", who + "已在本场次安排了座位");
  auto subjects = seat_subjects(tx, policies, sr->registration, sr->candidate, sitting, today);
  if (!subjects) return fail(subjects.error());
  if (!subjects->any())
    return fail(ErrorCode::kNoRightForSitting, "registration_id", who + "不能参加该场次：" + subjects->reason, subjects->rule);
  return subjects;
}

// Inserts the seat; a ticket number that happens to be taken gets fresh random digits.
Result<store::Id> insert_seat(store::SeatPlanRepository& repo, RandomSource& random, store::SittingSeat& seat, int room_place) {
  for (int attempt = 0;; ++attempt) {
    seat.ticket_no = make_ticket_number(seat.sitting_id, room_place, seat.seat_no, static_cast<unsigned>(random.uniform(10000)));
    auto taken = repo.find_by_ticket(seat.ticket_no);
    if (!taken) return fail(taken.error());
    if (!*taken) return repo.insert(seat);
    if (attempt == 8) return fail(ErrorCode::kConflict, "ticket_no", "准考证号生成冲突，请重试");
  }
}

}  // namespace

std::string make_ticket_number(store::Id sitting_id, int room_place, int seat_no, unsigned salt) {
  return padded(sitting_id, 6) + padded(room_place, 2) + padded(seat_no, 3) + padded(salt, 4);
}

Result<SeatAssignmentReport> assign_candidates(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                               RandomSource& random, const Actor& actor, store::Id sitting_id,
                                               const std::vector<store::Id>& registration_ids) {
  if (registration_ids.empty()) return fail(ErrorCode::kInvalidValue, "registrations", "请选择要安排座位的考生");
  if (std::set<store::Id>(registration_ids.begin(), registration_ids.end()).size() != registration_ids.size())
    return fail(ErrorCode::kInvalidValue, "registrations", "同一考生不能重复选择");
  const auto now = to_timestamp(clock.now());
  const CivilDate today = china_date(clock.now());
  auto report = db.transaction([&](store::Transaction& tx) -> Result<SeatAssignmentReport> {
    auto sitting = station_sitting(tx, actor, sitting_id);
    if (!sitting) return fail(sitting.error());
    if (auto p = require_plannable(*sitting); !p) return fail(p.error());
    std::vector<SeatSubjects> subjects;
    for (auto id : registration_ids) {
      auto s = check_registration(tx, policies, actor, *sitting, id, today);
      if (!s) return fail(s.error());
      subjects.push_back(*s);
    }
    auto rooms = store::ExamRoomRepository(tx).rooms_of_sitting(sitting_id);
    if (!rooms) return fail(rooms.error());
    store::SeatPlanRepository repo(tx);
    auto taken = repo.list_by_sitting(sitting_id);
    if (!taken) return fail(taken.error());
    const auto free = free_seats(*rooms, *taken);
    if (free.size() < registration_ids.size())
      return fail(ErrorCode::kSittingFull, "registrations",
                  "该场次只剩 " + std::to_string(free.size()) + " 个空座位，不能再安排 " +
                      std::to_string(registration_ids.size()) + " 名考生");
    SeatAssignmentReport out;
    for (std::size_t i = 0; i < registration_ids.size(); ++i) {
      store::SittingSeat seat;
      seat.sitting_id = sitting_id;
      seat.registration_id = registration_ids[i];
      seat.room_id = free[i].room->id;
      seat.seat_no = free[i].seat_no;
      seat.theory_kind = subjects[i].theory;
      seat.practical_kind = subjects[i].practical;
      seat.assigned_at = now;
      seat.assigned_by = actor.user_id ? std::optional<store::Id>(actor.user_id) : std::nullopt;
      auto id = insert_seat(repo, random, seat, free[i].room_place);
      if (!id) return fail(id.error());
      seat.id = *id;
      nlohmann::json detail{{"sitting_id", sitting_id},   {"room", free[i].room->name}, {"seat_no", seat.seat_no},
                            {"ticket_no", seat.ticket_no}, {"theory", seat.theory_kind ? store::to_text(*seat.theory_kind) : ""},
                            {"practical", seat.practical_kind ? store::to_text(*seat.practical_kind) : ""}};
      if (auto a = audit(tx, actor, now, {"seat.assign", "registration", seat.registration_id, detail}); !a)
        return fail(a.error());
      out.seated.push_back({seat, free[i].room->name});
    }
    return out;
  });
  if (!report) return report;
  std::vector<PaperAssignment> papers;
  for (const auto& s : report->seated)
    if (s.seat.theory_kind) papers.push_back({s.seat.registration_id, *s.seat.theory_kind});
  if (!papers.empty()) {
    auto made = prepare_exam_papers(db, clock, policies, random, sitting_id, papers);
    if (made) report->papers_created = made->created;
    else report->papers_problem = "座位已安排，但理论试卷尚未生成：" + made.error().message;
  }
  return report;
}

}  // namespace rc::app
