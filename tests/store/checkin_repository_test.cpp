// The exam room door's tables (V008: exam_checkins, exam_incidents) through CheckinRepository and
// IncidentRepository on both backends: round trips, the schema's checks (an admission needs a
// method, a manual one a note; one check-in per candidate, sitting and subject), append-only rows,
// the bulk admission of the exam-day set-up, and the door's reads of the seat plan and staff.
#include "store/checkin_repository.h"

#include <gtest/gtest.h>

#include "store/exam_paper_repository.h"
#include "store/exam_room_repository.h"
#include "store/sample_records.h"
#include "store/seat_plan_repository.h"
#include "store/sitting_staff_repository.h"

namespace rc::store::testing {
namespace {

class CheckinRepositoryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    s_ = seed_committed(db());
    auto made = in_tx([&](Transaction& tx) -> Result<void> {
      auto room = ExamRoomRepository(tx).insert({0, s_.station, "第一考场", 30, RoomKind::kTheory, kT0});
      if (!room) return fail(room.error());
      room_ = *room;
      if (auto r = ExamRoomRepository(tx).add_to_sitting(s_.sitting, room_); !r) return fail(r.error());
      SittingSeat seat{0,   s_.sitting,  s_.registration, room_, 7, AttemptKind::kRetake, std::nullopt, "NC2025-0007",
                       kT0, std::nullopt};
      if (auto r = SeatPlanRepository(tx).insert(seat); !r) return fail(r.error());
      User u;
      u.username = "proctor1";
      u.role = Role::kProctor;
      u.station_id = s_.station;
      u.created_at = kT0;
      auto uid = UserRepository(tx).insert(u);
      if (!uid) return fail(uid.error());
      proctor_ = *uid;
      return SittingStaffRepository(tx).insert({s_.sitting, room_, proctor_, StaffDuty::kProctor, kT0});
    });
    ASSERT_TRUE(made);
  }

  ExamCheckin admitted(CheckinMethod method, std::string note = "") const {
    return ExamCheckin{0,
                       s_.sitting,
                       s_.registration,
                       Subject::kTheory,
                       CheckinOutcome::kAdmitted,
                       method,
                       method == CheckinMethod::kFace ? std::optional<int>(412) : std::nullopt,
                       std::move(note),
                       kT0,
                       proctor_};
  }
  Result<Id> record(const ExamCheckin& c) {
    return db().transaction([&](Transaction& tx) { return CheckinRepository(tx).record(c); });
  }

  Seeded s_;
  Id room_ = 0, proctor_ = 0;
};

TEST_P(CheckinRepositoryTest, AnAdmissionRoundTripsAndIsKeptOnce) {
  auto id = record(admitted(CheckinMethod::kFace, "人脸核验通过"));
  ASSERT_TRUE(id) << id.error().message;
  auto found = db().read(
      [&](Transaction& tx) { return CheckinRepository(tx).find(s_.sitting, s_.registration, Subject::kTheory); });
  ASSERT_TRUE(found && *found);
  auto expected = admitted(CheckinMethod::kFace, "人脸核验通过");
  expected.id = *id;
  EXPECT_EQ(**found, expected);
  auto twice = record(admitted(CheckinMethod::kManual, "再次"));
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(exec(db(), "UPDATE exam_checkins SET note = 'x'"));
  EXPECT_FALSE(exec(db(), "DELETE FROM exam_checkins"));
}

TEST_P(CheckinRepositoryTest, TheSchemaRefusesAnAdmissionWithoutMethodOrAManualOneWithoutNote) {
  auto no_method = admitted(CheckinMethod::kManual, "x");
  no_method.method.reset();
  auto a = record(no_method);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, ErrorCode::kInvalidValue);
  auto b = record(admitted(CheckinMethod::kManual, ""));
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().code, ErrorCode::kInvalidValue);
  ExamCheckin absent{
      0,  s_.sitting, s_.registration, Subject::kTheory, CheckinOutcome::kAbsent, std::nullopt, std::nullopt,
      "", kT0,        std::nullopt};
  EXPECT_TRUE(record(absent));
}

TEST_P(CheckinRepositoryTest, TheDoorReadsTheSeatPlanAndTheStaff) {
  auto read = db().read([&](Transaction& tx) -> Result<void> {
    CheckinRepository r(tx);
    auto seat = r.seat_by_ticket("NC2025-0007");
    if (!seat) return fail(seat.error());
    EXPECT_TRUE(*seat);
    if (*seat) {
      EXPECT_EQ((*seat)->seat_no, 7);
      EXPECT_EQ((*seat)->theory_kind, AttemptKind::kRetake);
      EXPECT_EQ((*seat)->name, "张三1");
      EXPECT_EQ((*seat)->policy_id, "policy-2025");
      EXPECT_FALSE((*seat)->theory_outcome);
    }
    EXPECT_FALSE(*r.seat_by_ticket("NC2025-9999"));
    EXPECT_TRUE(*r.proctor_room(proctor_, s_.sitting, room_));
    EXPECT_FALSE(*r.proctor_room(proctor_ + 1, s_.sitting, room_));
    EXPECT_TRUE(*r.room_in_sitting(s_.sitting, room_));
    auto rooms = r.proctor_rooms(proctor_, date("2025-03-15"), date("2025-03-15"));
    EXPECT_TRUE(rooms && rooms->size() == 1u && rooms->front().seated == 1 && rooms->front().room_name == "第一考场");
    EXPECT_TRUE(r.proctor_rooms(proctor_, date("2025-03-16"), date("2025-03-20"))->empty());
    // The session started at kT0: before it nobody is unchecked, from it the seat is.
    EXPECT_TRUE(r.unchecked_seats(kT0 - std::chrono::minutes(1), std::nullopt)->empty());
    auto unchecked = r.unchecked_seats(kT0 + std::chrono::minutes(16), s_.sitting);
    EXPECT_TRUE(unchecked && unchecked->size() == 1u && unchecked->front().theory_kind == AttemptKind::kRetake);
    return ok();
  });
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_TRUE(record(admitted(CheckinMethod::kManual, "已核对证件")));
  auto after = db().read([&](Transaction& tx) -> Result<std::vector<DoorSeat>> {
    return CheckinRepository(tx).seats_of_room(s_.sitting, room_);
  });
  ASSERT_TRUE(after && after->size() == 1u);
  EXPECT_EQ(after->front().theory_outcome, CheckinOutcome::kAdmitted);
  EXPECT_EQ(after->front().theory_method, CheckinMethod::kManual);
  EXPECT_TRUE(db().read([&](Transaction& tx) {
                    return CheckinRepository(tx).unchecked_seats(kT0 + std::chrono::minutes(16), std::nullopt);
                  })
                  ->empty());
}

TEST_P(CheckinRepositoryTest, BulkAdmissionCoversEveryPaperOnce) {
  ASSERT_TRUE(in_tx([&](Transaction& tx) {
    return ExamPaperRepository(tx).insert(
        {0, s_.sitting, s_.registration, AttemptKind::kFirst, R"({"questions":[]})", "42", "ab12", "4442", kT0});
  }));
  auto bulk = [&] {
    return db().transaction([&](Transaction& tx) {
      return CheckinRepository(tx).admit_all_with_papers(s_.sitting, "批量准予入场", kT0, std::nullopt);
    });
  };
  auto first = bulk();
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(*first, 1);
  EXPECT_EQ(*bulk(), 0);
  auto row = db().read(
      [&](Transaction& tx) { return CheckinRepository(tx).find(s_.sitting, s_.registration, Subject::kTheory); });
  ASSERT_TRUE(row && *row);
  EXPECT_EQ((*row)->method, CheckinMethod::kManual);
  EXPECT_EQ((*row)->note, "批量准予入场");
  EXPECT_EQ((*row)->recorded_at, kT0);
}

TEST_P(CheckinRepositoryTest, IncidentsAreKeptInOrderAndNeverChanged) {
  auto add = [&](IncidentKind kind, std::string text) {
    return db().transaction([&](Transaction& tx) {
      return IncidentRepository(tx).record(
          {0, s_.sitting, room_, s_.registration, kind, std::move(text), kT0, proctor_});
    });
  };
  ASSERT_TRUE(add(IncidentKind::kLate, "迟到 20 分钟"));
  ASSERT_TRUE(add(IncidentKind::kCheating, "携带手机"));
  auto empty = add(IncidentKind::kOther, "");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidValue);
  auto list = db().read([&](Transaction& tx) { return IncidentRepository(tx).list_of_room(s_.sitting, room_); });
  ASSERT_TRUE(list && list->size() == 2u);
  EXPECT_EQ((*list)[0].kind, IncidentKind::kLate);
  EXPECT_EQ((*list)[1].description, "携带手机");
  EXPECT_FALSE(exec(db(), "UPDATE exam_incidents SET description = 'x'"));
}

RC_INSTANTIATE_STORE_TEST(CheckinRepositoryTest);

}  // namespace
}  // namespace rc::store::testing
