// The seat plan (F6): rooms and capacity, automatic fill room by room and seat by seat, moving a
// candidate, refusals (sitting.full, sitting.seat_taken, only approved candidates of the station,
// no seat without a right: R12), unique ticket numbers, theory papers made for the seated, and the
// staff per room. SQLite and PostgreSQL.
#include <set>

#include "app/sittings/assign_sitting_staff.h"
#include "app/sittings/move_seat.h"
#include "app/sittings/sitting_plan.h"
#include "sittings_fixture.h"
#include "store/exam_paper_repository.h"
#include "store/seat_plan_repository.h"

namespace rc::app::sittingtest {
namespace {

class SeatPlanTest : public SittingsTest {
 protected:
  std::vector<store::SittingSeat> seats_of(store::Id sitting_id) {
    auto r = db().read([&](store::Transaction& tx) { return store::SeatPlanRepository(tx).list_by_sitting(sitting_id); });
    EXPECT_TRUE(r);
    return r.value_or(std::vector<store::SittingSeat>{});
  }
};

TEST_P(SeatPlanTest, CapacityIsTheSumOfTheRoomsAndTheTheorySessionLastsThePolicysMinutes) {
  const store::Id a = room("第一考场", 2), b = room("第二考场", 3);
  const store::Id s = sitting({a, b});
  auto found = db().read([&](store::Transaction& tx) { return store::SittingRepository(tx).find(s); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->capacity, 5);
  EXPECT_EQ(found->theory_minutes, 100);  // R6, policy-2025
  EXPECT_EQ(found->status, store::SittingStatus::kPlanned);
  EXPECT_EQ(*found->theory_starts_at, store::Timestamp(std::chrono::duration_cast<std::chrono::milliseconds>(
                                          (china_midnight(*CivilDate::parse("2025-04-20")) + std::chrono::hours(9))
                                              .time_since_epoch())));
  EXPECT_TRUE(has_action(audit_of("sitting", s), "sitting.create"));
}

TEST_P(SeatPlanTest, RoomsAndSittingsAreRefusedWithReasons) {
  auto none = create_exam_room(db(), clock_, station_actor_, {"  ", 30, store::RoomKind::kTheory});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().field, "name");
  auto seats = create_exam_room(db(), clock_, station_actor_, {"大厅", 0, store::RoomKind::kTheory});
  ASSERT_FALSE(seats);
  EXPECT_EQ(seats.error().field, "seats");
  const store::Id a = room("第一考场", 30);
  auto twice = create_exam_room(db(), clock_, station_actor_, {"第一考场", 10, store::RoomKind::kTheory});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  auto by_org = create_exam_room(db(), clock_, org_a_actor_, {"某考场", 10, store::RoomKind::kTheory});
  ASSERT_FALSE(by_org);
  EXPECT_EQ(by_org.error().code, ErrorCode::kForbidden);

  NewSitting past{*CivilDate::parse("2025-03-14"), 5, 9 * 60, std::nullopt, {a}};
  auto p = create_sitting(db(), clock_, *policies_, station_actor_, past);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ErrorCode::kInvalidDate);
  NewSitting no_session{*CivilDate::parse("2025-04-20"), 5, std::nullopt, std::nullopt, {a}};
  EXPECT_EQ(create_sitting(db(), clock_, *policies_, station_actor_, no_session).error().code, ErrorCode::kMissingField);
  NewSitting overlap{*CivilDate::parse("2025-04-20"), 5, 9 * 60, 10 * 60, {a}};
  EXPECT_EQ(create_sitting(db(), clock_, *policies_, station_actor_, overlap).error().field, "practical_start");
  const store::Id foreign = room("成都考场", 10, &other_station_actor_);
  NewSitting theirs{*CivilDate::parse("2025-04-20"), 5, 9 * 60, std::nullopt, {a, foreign}};
  EXPECT_EQ(create_sitting(db(), clock_, *policies_, station_actor_, theirs).error().field, "rooms");
  NewSitting closed{*CivilDate::parse("2025-04-20"), 3, 9 * 60, std::nullopt, {a}};
  EXPECT_EQ(create_sitting(db(), clock_, *policies_, station_actor_, closed).error().code, ErrorCode::kLevelClosed);
  EXPECT_EQ(count("sittings"), 0);
}

TEST_P(SeatPlanTest, AutomaticFillGoesRoomByRoomSeatBySeatWithUniqueTickets) {
  const store::Id b = room("第二考场", 3), a = room("第一考场", 2);
  const store::Id s = sitting({a, b});
  std::vector<store::Id> regs;
  for (int i = 0; i < 4; ++i) regs.push_back(registration(10 + i));
  auto r = assign(s, regs);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->seated.size(), 4u);
  const std::pair<std::string, int> expected[] = {{"第一考场", 1}, {"第一考场", 2}, {"第二考场", 1}, {"第二考场", 2}};
  std::set<std::string> tickets;
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(r->seated[i].seat.registration_id, regs[i]);
    EXPECT_EQ(r->seated[i].room_name, expected[i].first);
    EXPECT_EQ(r->seated[i].seat.seat_no, expected[i].second);
    EXPECT_EQ(r->seated[i].seat.theory_kind, store::AttemptKind::kFirst);
    EXPECT_EQ(r->seated[i].seat.practical_kind, store::AttemptKind::kFirst);
    const std::string& t = r->seated[i].seat.ticket_no;
    EXPECT_EQ(t.size(), 15u);
    EXPECT_EQ(t.substr(0, 6), std::string(6 - std::to_string(s).size(), '0') + std::to_string(s));
    tickets.insert(t);
    EXPECT_TRUE(has_action(audit_of("registration", regs[i]), "seat.assign"));
  }
  EXPECT_EQ(tickets.size(), 4u);  // unique
  // The theory papers of the seated were sealed (F9).
  EXPECT_EQ(r->papers_created, 4);
  EXPECT_TRUE(r->papers_problem.empty()) << r->papers_problem;
  EXPECT_EQ(count("exam_papers"), 4);

  // A fifth fills the last seat; a sixth is refused with sitting.full and changes nothing.
  ASSERT_TRUE(assign(s, {registration(20)}));
  auto full = assign(s, {registration(21)});
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().code, ErrorCode::kSittingFull);
  EXPECT_EQ(code_name(full.error().code), "sitting.full");
  EXPECT_EQ(seats_of(s).size(), 5u);
}

TEST_P(SeatPlanTest, AllOrNothingWhenTheGroupDoesNotFit) {
  const store::Id s = sitting({room("第一考场", 2)});
  auto r = assign(s, {registration(10), registration(11), registration(12)});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kSittingFull);
  EXPECT_EQ(count("sitting_seats"), 0);
  EXPECT_EQ(count("exam_papers"), 0);
}

TEST_P(SeatPlanTest, OnlyApprovedRegistrationsOfTheStationAndTheLevelAreSeated) {
  const store::Id s = sitting({room("第一考场", 30)});
  auto submitted = assign(s, {registration(10, store::RegistrationStatus::kConfirmed)});
  ASSERT_FALSE(submitted);
  EXPECT_EQ(submitted.error().code, ErrorCode::kWrongState);
  auto returned = assign(s, {registration(11, store::RegistrationStatus::kSubmitted)});
  ASSERT_FALSE(returned);
  EXPECT_EQ(returned.error().code, ErrorCode::kWrongState);
  auto foreign = assign(s, {registration(12, store::RegistrationStatus::kApproved, other_batch_)});
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::kForbidden);
  auto level = assign(s, {registration(13, store::RegistrationStatus::kApproved, 0, 4)});
  ASSERT_FALSE(level);
  EXPECT_EQ(level.error().code, ErrorCode::kInvalidValue);
  // One bad registration among good ones seats nobody.
  auto mixed = assign(s, {registration(14), registration(15, store::RegistrationStatus::kDraft)});
  ASSERT_FALSE(mixed);
  auto other_station = assign(s, {registration(16)}, &other_station_actor_);
  ASSERT_FALSE(other_station);
  EXPECT_EQ(other_station.error().code, ErrorCode::kForbidden);
  auto by_proctor = assign(s, {registration(17)}, &proctor_);
  ASSERT_FALSE(by_proctor);
  EXPECT_EQ(by_proctor.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(count("sitting_seats"), 0);

  const store::Id ok = registration(18);
  ASSERT_TRUE(assign(s, {ok}));
  auto again = assign(s, {ok});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_P(SeatPlanTest, RetakesAreRecordedAsSuchAndNoOneWithoutARightIsSeated) {
  const store::Id s = sitting({room("第一考场", 30)});
  // Failed theory, passed practical on 2025-03-01: a theory retake (R12a), no practical.
  const store::Id retake = registration(10);
  past_attempts(retake, store::Outcome::kFail, store::Outcome::kPass);
  // Absent from the practical only: a practical make-up (R12e), theory passed.
  const store::Id makeup = registration(11);
  past_attempts(makeup, store::Outcome::kPass, store::Outcome::kAbsent);
  auto r = assign(s, {retake, makeup});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->seated[0].seat.theory_kind, store::AttemptKind::kRetake);
  EXPECT_FALSE(r->seated[0].seat.practical_kind);
  EXPECT_FALSE(r->seated[1].seat.theory_kind);
  EXPECT_EQ(r->seated[1].seat.practical_kind, store::AttemptKind::kMakeup);
  EXPECT_EQ(r->papers_created, 1);  // only the theory retake needs a paper
  auto paper = db().read([&](store::Transaction& tx) { return store::ExamPaperRepository(tx).find_for(s, retake); });
  ASSERT_TRUE(paper && *paper);
  EXPECT_EQ((*paper)->attempt_kind, store::AttemptKind::kRetake);

  // Both passed (completed), or absent from both (void, R12f): no right, no seat.
  const store::Id done = registration(12), gone = registration(13);
  past_attempts(done, store::Outcome::kPass, store::Outcome::kPass);
  past_attempts(gone, store::Outcome::kAbsent, store::Outcome::kAbsent);
  for (auto reg : {done, gone}) {
    auto refused = assign(s, {reg});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kNoRightForSitting);
    EXPECT_EQ(refused.error().rule, "R12");
    EXPECT_FALSE(refused.error().message.empty());
  }
  // A retake right whose deadline is before the sitting (D2: 2024-03-01 -> 2025-02-28) is gone.
  const store::Id late = registration(14);
  past_attempts(late, store::Outcome::kFail, store::Outcome::kPass, "2024-03-01");
  EXPECT_EQ(assign(s, {late}).error().code, ErrorCode::kNoRightForSitting);
  EXPECT_EQ(seats_of(s).size(), 2u);
}

TEST_P(SeatPlanTest, ASubjectBookedAtAnotherComingSittingIsNotBookedTwice) {
  const store::Id first = sitting({room("第一考场", 30)});
  const store::Id second = sitting({room("第二考场", 30)}, "2025-05-20");
  const store::Id reg = registration(10);
  ASSERT_TRUE(assign(first, {reg}));
  auto twice = assign(second, {reg});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kNoRightForSitting);
}

TEST_P(SeatPlanTest, MovingACandidateNeedsAFreeSeatOfTheSitting) {
  const store::Id a = room("第一考场", 2), b = room("第二考场", 2);
  const store::Id s = sitting({a, b});
  auto r = assign(s, {registration(10), registration(11)});
  ASSERT_TRUE(r);
  const auto first = r->seated[0].seat;
  auto taken = move_seat(db(), clock_, station_actor_, first.id, a, 2);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, ErrorCode::kSeatTaken);
  EXPECT_EQ(code_name(taken.error().code), "sitting.seat_taken");
  EXPECT_EQ(move_seat(db(), clock_, station_actor_, first.id, b, 3).error().code, ErrorCode::kInvalidValue);
  const store::Id elsewhere = room("第三考场", 5);
  EXPECT_EQ(move_seat(db(), clock_, station_actor_, first.id, elsewhere, 1).error().field, "room_id");
  EXPECT_EQ(move_seat(db(), clock_, other_station_actor_, first.id, b, 1).error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(move_seat(db(), clock_, station_actor_, first.id, b, 2));
  auto moved = db().read([&](store::Transaction& tx) { return store::SeatPlanRepository(tx).find(first.id); });
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->room_id, b);
  EXPECT_EQ(moved->seat_no, 2);
  EXPECT_EQ(moved->ticket_no, first.ticket_no);
  EXPECT_TRUE(has_action(audit_of("registration", first.registration_id), "seat.move"));
  // The freed seat is filled first by the next automatic assignment.
  auto next = assign(s, {registration(12)});
  ASSERT_TRUE(next);
  EXPECT_EQ(next->seated[0].seat.room_id, a);
  EXPECT_EQ(next->seated[0].seat.seat_no, 1);
}

TEST_P(SeatPlanTest, ProctorsAndExaminersOfTheStationAreAssignedPerRoom) {
  const store::Id a = room("第一考场", 30);
  const store::Id s = sitting({a});
  ASSERT_TRUE(assign_sitting_staff(db(), clock_, station_actor_, s, a, proctor_.user_id));
  ASSERT_TRUE(assign_sitting_staff(db(), clock_, station_actor_, s, a, examiner_.user_id));
  EXPECT_EQ(assign_sitting_staff(db(), clock_, station_actor_, s, a, proctor_.user_id).error().code, ErrorCode::kConflict);
  EXPECT_EQ(assign_sitting_staff(db(), clock_, station_actor_, s, a, other_proctor_.user_id).error().code,
            ErrorCode::kInvalidValue);
  EXPECT_EQ(assign_sitting_staff(db(), clock_, station_actor_, s, a, org_a_actor_.user_id).error().code,
            ErrorCode::kInvalidValue);
  EXPECT_EQ(assign_sitting_staff(db(), clock_, other_station_actor_, s, a, proctor_.user_id).error().code,
            ErrorCode::kForbidden);
  auto plan = sitting_plan(db(), clock_, *policies_, station_actor_, s);
  ASSERT_TRUE(plan) << plan.error().message;
  ASSERT_EQ(plan->staff.size(), 2u);
  EXPECT_EQ(plan->members.size(), 2u);
  std::set<std::pair<std::string, store::StaffDuty>> seen;
  for (const auto& f : plan->staff) seen.insert({f.username, f.staff.duty});
  EXPECT_TRUE(seen.count({"proctor_nc", store::StaffDuty::kProctor}));
  EXPECT_TRUE(seen.count({"examiner_nc", store::StaffDuty::kExaminer}));
  ASSERT_TRUE(remove_sitting_staff(db(), clock_, station_actor_, s, a, proctor_.user_id));
  EXPECT_EQ(remove_sitting_staff(db(), clock_, station_actor_, s, a, proctor_.user_id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(has_action(audit_of("sitting", s), "staff.assign"));
  EXPECT_TRUE(has_action(audit_of("sitting", s), "staff.remove"));
}

TEST_P(SeatPlanTest, ThePlanListsUnseatedApprovedCandidatesWithWhatTheyMaySit) {
  const store::Id s = sitting({room("第一考场", 30)});
  const store::Id fresh = registration(10), done = registration(11), seated = registration(12);
  registration(13, store::RegistrationStatus::kConfirmed);
  past_attempts(done, store::Outcome::kPass, store::Outcome::kPass);
  ASSERT_TRUE(assign(s, {seated}));
  auto plan = sitting_plan(db(), clock_, *policies_, station_actor_, s);
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->seats.size(), 1u);
  EXPECT_EQ(plan->seats[0].id_number_masked, store::testing::sample_candidate(12).id_number_masked);
  ASSERT_EQ(plan->rooms.size(), 1u);
  EXPECT_EQ(plan->rooms[0].used, 1);
  ASSERT_EQ(plan->unseated.size(), 2u);
  EXPECT_EQ(plan->unseated[0].registration_id, fresh);
  EXPECT_TRUE(plan->unseated[0].subjects.any());
  EXPECT_EQ(plan->unseated[1].registration_id, done);
  EXPECT_FALSE(plan->unseated[1].subjects.any());
  EXPECT_FALSE(plan->unseated[1].subjects.reason.empty());
  EXPECT_EQ(sitting_plan(db(), clock_, *policies_, other_station_actor_, s).error().code, ErrorCode::kForbidden);
}

RC_INSTANTIATE_STORE_TEST(SeatPlanTest);

}  // namespace
}  // namespace rc::app::sittingtest
