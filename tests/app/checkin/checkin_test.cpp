// The proctor's check-in at the theory exam room door on both backends (R6, D11, F10): manual
// admission with a reason, refusal without one, the D11 cut-off (refused with exam.late and
// recorded absent, in exam_checkins and in the rules history), the absence sweep, only an assigned
// proctor, one admission per candidate, starting the exam only after admission, the room list and
// incidents.
#include <gtest/gtest.h>

#include "app/checkin/door_lookup.h"
#include "app/checkin/proctor_rooms.h"
#include "app/checkin/record_absences.h"
#include "app/checkin/record_incident.h"
#include "checkin_fixture.h"

namespace rc::app::testing {
namespace {

TEST_P(CheckinTest, StartingTheExamRequiresAdmissionAtTheDoor) {
  at_minute(3);
  auto refused = start_exam_attempt(db(), clock_, *policies_, candidate(0), papers_[0].id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kNotCheckedIn);
  EXPECT_EQ(code_name(refused.error().code), "exam.not_checked_in");
  EXPECT_EQ(count("exam_attempts"), 0);

  ASSERT_TRUE(admit(proctor_a_, 0));
  auto started = start_exam_attempt(db(), clock_, *policies_, candidate(0), papers_[0].id);
  ASSERT_TRUE(started) << started.error().message;
  EXPECT_TRUE(started->started_now);
  // Candidate 1 is still outside: the other admission does not count for them.
  auto other = start_exam_attempt(db(), clock_, *policies_, candidate(1), papers_[1].id);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kNotCheckedIn);
}

TEST_P(CheckinTest, ManualAdmissionRecordsTheMethodTheReasonAndWhoAdmitted) {
  at_minute(-20);  // the door opens before the session starts
  auto a = admit(proctor_a_, 1, "  身份证原件与照片一致，人脸比对失败（戴眼镜）  ");
  ASSERT_TRUE(a) << a.error().message;
  auto row = checkin_of(1);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->outcome, store::CheckinOutcome::kAdmitted);
  EXPECT_EQ(row->method, store::CheckinMethod::kManual);
  EXPECT_EQ(row->note, "身份证原件与照片一致，人脸比对失败（戴眼镜）");
  EXPECT_EQ(row->recorded_by, proctor_a_.user_id);
  EXPECT_FALSE(row->face_distance_milli);
  EXPECT_EQ(a->seat.seat_no, 2);
  EXPECT_EQ(count("audit_events WHERE action = 'checkin.admit'"), 1);
  // The row is evidence: the database refuses to change it.
  EXPECT_FALSE(store::testing::exec(db(), "UPDATE exam_checkins SET note = 'x'"));
  EXPECT_FALSE(store::testing::exec(db(), "DELETE FROM exam_checkins"));
}

TEST_P(CheckinTest, ManualAdmissionWithoutAReasonIsRefusedAndWritesNothing) {
  at_minute(2);
  for (const char* note : {"", "   "}) {
    auto a = admit(proctor_a_, 0, note);
    ASSERT_FALSE(a);
    EXPECT_EQ(a.error().code, ErrorCode::kReasonRequired);
    EXPECT_EQ(a.error().field, "note");
  }
  auto too_long = admit(proctor_a_, 0, std::string(501, 'x'));
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error().code, ErrorCode::kTooLarge);
  EXPECT_FALSE(checkin_of(0));
  EXPECT_EQ(count("audit_events WHERE action LIKE 'checkin.%'"), 0);
}

TEST_P(CheckinTest, ASecondAdmissionIsAConflict) {
  at_minute(1);
  ASSERT_TRUE(admit(proctor_a_, 0));
  auto again = admit(proctor_a_, 0, "再次核验");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(count("exam_checkins"), 1);
}

TEST_P(CheckinTest, LateArrivalIsRefusedWithExamLateAndRecordedAbsent) {
  at_minute(15);  // D11: "more than 15 minutes" — at 15:00 the door is still open
  ASSERT_TRUE(admit(proctor_a_, 0));
  clock_.set(clock_.now() + std::chrono::seconds(1));
  auto late = admit(proctor_a_, 1);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kCheckInLate);
  EXPECT_EQ(code_name(late.error().code), "exam.late");
  EXPECT_EQ(late.error().rule, "D11");
  EXPECT_NE(late.error().message.find("15 分钟"), std::string::npos) << late.error().message;
  // The refusal committed the absence: the check-in row and the rules history.
  auto row = checkin_of(1);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->outcome, store::CheckinOutcome::kAbsent);
  EXPECT_FALSE(row->method);
  auto history = history_of(1);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].subject, store::Subject::kTheory);
  EXPECT_EQ(history[0].outcome, store::Outcome::kAbsent);
  EXPECT_EQ(history[0].kind, store::AttemptKind::kFirst);
  // Asking again answers the same and writes nothing more; the exam cannot be started.
  auto again = admit(proctor_a_, 1);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kCheckInLate);
  EXPECT_EQ(count("exam_checkins"), 2);
  EXPECT_EQ(history_of(1).size(), 1u);
  auto start = start_exam_attempt(db(), clock_, *policies_, candidate(1), papers_[1].id);
  ASSERT_FALSE(start);
  EXPECT_EQ(start.error().code, ErrorCode::kCheckInLate);
}

TEST_P(CheckinTest, TheSweepRecordsEveryUnadmittedCandidateAbsentInTheRulesHistory) {
  // Candidate 2 already has the pending theory row the seat plan records: it is updated, not
  // doubled.
  ASSERT_TRUE(in_tx([&](store::Transaction& tx) -> Result<void> {
    store::Attempt pending;
    pending.registration_id = registrations_[2];
    pending.sitting_id = sitting_;
    pending.recorded_at = kT0;
    auto id = store::AttemptRepository(tx).record(pending);
    if (!id) return fail(id.error());
    return ok();
  }));
  at_minute(5);
  ASSERT_TRUE(admit(proctor_a_, 0));
  auto early = record_absences(db(), *policies_, clock_.now());
  ASSERT_TRUE(early) << early.error().message;
  EXPECT_EQ(*early, 0);
  at_minute(16);
  auto swept = record_absences(db(), *policies_, clock_.now());
  ASSERT_TRUE(swept) << swept.error().message;
  EXPECT_EQ(*swept, 2);
  EXPECT_EQ(checkin_of(0)->outcome, store::CheckinOutcome::kAdmitted);
  for (int i : {1, 2}) {
    auto row = checkin_of(i);
    ASSERT_TRUE(row) << i;
    EXPECT_EQ(row->outcome, store::CheckinOutcome::kAbsent);
    EXPECT_FALSE(row->recorded_by);  // the system
    auto history = history_of(i);
    ASSERT_EQ(history.size(), 1u) << i;
    EXPECT_EQ(history[0].outcome, store::Outcome::kAbsent);
  }
  EXPECT_TRUE(history_of(0).empty());  // admitted: the marking writes their outcome
  EXPECT_EQ(count("audit_events WHERE action = 'checkin.absent'"), 2);
  auto again = record_absences(db(), *policies_, clock_.now());
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
}

TEST_P(CheckinTest, OnlyTheProctorAssignedToTheRoomMayActThere) {
  at_minute(1);
  for (const Actor& who : {proctor_b_, station_user_, candidate(0)}) {
    auto a = admit_manually(db(), clock_, *policies_, who, sitting_, room_a_, ticket(0), "核验");
    ASSERT_FALSE(a);
    EXPECT_EQ(a.error().code, ErrorCode::kForbidden) << who.username;
    auto roster = room_roster(db(), clock_, *policies_, who, sitting_, room_a_);
    ASSERT_FALSE(roster);
    EXPECT_EQ(roster.error().code, ErrorCode::kForbidden);
    auto card = look_up_at_door(db(), clock_, *policies_, cipher_, who, sitting_, room_a_, ticket(0));
    ASSERT_FALSE(card);
    EXPECT_EQ(card.error().code, ErrorCode::kForbidden);
    auto incident = record_incident(db(), clock_, who, {sitting_, room_a_, "other", "窗户未关", ""});
    ASSERT_FALSE(incident);
    EXPECT_EQ(incident.error().code, ErrorCode::kForbidden);
  }
  // The right proctor, but a ticket of the other room or an unknown one.
  auto other_room = admit_manually(db(), clock_, *policies_, proctor_a_, sitting_, room_a_, ticket(2), "核验");
  ASSERT_FALSE(other_room);
  EXPECT_EQ(other_room.error().code, ErrorCode::kTicketInvalid);
  auto unknown = look_up_at_door(db(), clock_, *policies_, cipher_, proctor_a_, sitting_, room_a_, "T2025-999999");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kTicketInvalid);
  EXPECT_EQ(count("exam_checkins"), 0);
  EXPECT_EQ(count("exam_incidents"), 0);
  auto mine = proctor_rooms_today(db(), clock_, proctor_b_);
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->front().room_id, room_b_);
  EXPECT_EQ(mine->front().seated, 1);
  EXPECT_FALSE(proctor_rooms_today(db(), clock_, station_user_));
}

TEST_P(CheckinTest, TheLookUpShowsTheCandidateMaskedAndIsAudited) {
  at_minute(1);
  auto card = look_up_at_door(db(), clock_, *policies_, cipher_, proctor_a_, sitting_, room_a_, ticket(1));
  ASSERT_TRUE(card) << card.error().message;
  EXPECT_EQ(card->seat.name, "张三11");
  EXPECT_EQ(card->seat.id_number_masked.find("**********"), 4u);
  EXPECT_EQ(card->seat.seat_no, 2);
  EXPECT_FALSE(card->seat.theory_outcome);
  EXPECT_FALSE(card->refusal);
  EXPECT_FALSE(card->face_enrolled);
  EXPECT_EQ(card->door_closes_at, kT0 + std::chrono::minutes(15));
  EXPECT_EQ(count("audit_events WHERE action = 'checkin.lookup' AND "
                  "personal_data_view = 1"),
            1);
  // After the cut-off the look-up itself records the absence and says why (D11).
  at_minute(20);
  auto late = look_up_at_door(db(), clock_, *policies_, cipher_, proctor_a_, sitting_, room_a_, ticket(1));
  ASSERT_TRUE(late) << late.error().message;
  ASSERT_TRUE(late->refusal);
  EXPECT_EQ(late->refusal->code, ErrorCode::kCheckInLate);
  EXPECT_EQ(late->seat.theory_outcome, store::CheckinOutcome::kAbsent);
  EXPECT_EQ(checkin_of(1)->outcome, store::CheckinOutcome::kAbsent);
}

TEST_P(CheckinTest, TheRoomListCountsAndSweepsItsSittingWhenOpened) {
  at_minute(4);
  ASSERT_TRUE(admit(proctor_a_, 0));
  auto before = room_roster(db(), clock_, *policies_, proctor_a_, sitting_, room_a_);
  ASSERT_TRUE(before) << before.error().message;
  ASSERT_EQ(before->seats.size(), 2u);
  EXPECT_EQ(before->seats[0].seat_no, 1);
  EXPECT_EQ(before->admitted, 1);
  EXPECT_EQ(before->waiting, 1);
  EXPECT_EQ(before->absent, 0);
  EXPECT_FALSE(before->door_closed);
  at_minute(30);
  auto after = room_roster(db(), clock_, *policies_, proctor_a_, sitting_, room_a_);
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_TRUE(after->door_closed);
  EXPECT_EQ(after->admitted, 1);
  EXPECT_EQ(after->waiting, 0);
  EXPECT_EQ(after->absent, 1);
  // The sweep ran for the whole sitting: room B's candidate too.
  ASSERT_TRUE(checkin_of(2));
  EXPECT_EQ(checkin_of(2)->outcome, store::CheckinOutcome::kAbsent);
}

TEST_P(CheckinTest, IncidentsAreRecordedForTheRoomAndCheckedFirst) {
  at_minute(40);
  auto id =
      record_incident(db(), clock_, proctor_a_, {sitting_, room_a_, "cheating", "  携带手机进入考场  ", ticket(0)});
  ASSERT_TRUE(id) << id.error().message;
  auto listed =
      db().read([&](store::Transaction& tx) { return store::IncidentRepository(tx).list_of_room(sitting_, room_a_); });
  ASSERT_TRUE(listed && listed->size() == 1u);
  EXPECT_EQ(listed->front().kind, store::IncidentKind::kCheating);
  EXPECT_EQ(listed->front().description, "携带手机进入考场");
  EXPECT_EQ(listed->front().registration_id, registrations_[0]);
  EXPECT_EQ(listed->front().recorded_by, proctor_a_.user_id);
  struct Bad {
    IncidentForm form;
    ErrorCode code;
  };
  for (const auto& bad : {Bad{{sitting_, room_a_, "fire", "着火", ""}, ErrorCode::kUnknownEnumValue},
                          Bad{{sitting_, room_a_, "other", " \n ", ""}, ErrorCode::kMissingField},
                          Bad{{sitting_, room_a_, "other", std::string(2001, 'x'), ""}, ErrorCode::kTooLarge},
                          Bad{{sitting_, room_a_, "other", "说明", ticket(2)}, ErrorCode::kTicketInvalid}}) {
    auto r = record_incident(db(), clock_, proctor_a_, bad.form);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, bad.code) << bad.form.kind;
  }
  EXPECT_EQ(count("exam_incidents"), 1);
  EXPECT_FALSE(store::testing::exec(db(), "DELETE FROM exam_incidents"));
}

RC_INSTANTIATE_STORE_TEST(CheckinTest);

}  // namespace
}  // namespace rc::app::testing
