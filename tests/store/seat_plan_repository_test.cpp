// Exam rooms, the rooms of a sitting (capacity = sum of seats), the seat plan and the staff of
// a sitting (V008; F6, F7). Runs on SQLite and PostgreSQL.
#include "sample_records.h"
#include "store/exam_room_repository.h"
#include "store/seat_plan_repository.h"
#include "store/sitting_staff_repository.h"

namespace rc::store::testing {
namespace {

class SeatPlanRepositoryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    s_ = seed_committed(db());
    auto rooms = in_tx([&](Transaction& tx) -> Result<std::pair<Id, Id>> {
      auto a = ExamRoomRepository(tx).insert({0, s_.station, "第一考场", 2, RoomKind::kTheory, kT0});
      auto b = ExamRoomRepository(tx).insert({0, s_.station, "第二考场", 3, RoomKind::kTheory, kT0});
      if (!a || !b) return fail(!a ? a.error() : b.error());
      return std::pair{*a, *b};
    });
    ASSERT_TRUE(rooms);
    room_a_ = rooms->first;
    room_b_ = rooms->second;
  }

  SittingSeat seat(Id registration, Id room, int no, std::string ticket) const {
    SittingSeat s;
    s.sitting_id = s_.sitting;
    s.registration_id = registration;
    s.room_id = room;
    s.seat_no = no;
    s.theory_kind = AttemptKind::kFirst;
    s.ticket_no = std::move(ticket);
    s.assigned_at = kT0;
    return s;
  }

  Id another_registration(int n) {
    auto r = in_tx([&](Transaction& tx) -> Result<Id> {
      auto c = CandidateRepository(tx).insert(sample_candidate(n));
      if (!c) return fail(c.error());
      auto reg = sample_registration(*c, s_.batch);
      reg.status = RegistrationStatus::kApproved;
      return RegistrationRepository(tx).insert(reg);
    });
    return r.value_or(0);
  }

  Seeded s_;
  Id room_a_ = 0, room_b_ = 0;
};

TEST_P(SeatPlanRepositoryTest, RoomsRoundTripAndNamesAreUniquePerStation) {
  auto rooms = db().read([&](Transaction& tx) { return ExamRoomRepository(tx).list_by_station(s_.station); });
  ASSERT_TRUE(rooms);
  ASSERT_EQ(rooms->size(), 2u);
  EXPECT_EQ((*rooms)[0].name, "第一考场");  // by name
  EXPECT_EQ((*rooms)[0].seats, 2);
  auto found = db().read([&](Transaction& tx) { return ExamRoomRepository(tx).find(room_b_); });
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, (ExamRoom{room_b_, s_.station, "第二考场", 3, RoomKind::kTheory, kT0}));

  auto twice = db().transaction(
      [&](Transaction& tx) { return ExamRoomRepository(tx).insert({0, s_.station, "第一考场", 5, RoomKind::kTheory, kT0}); });
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  auto too_big = db().transaction(
      [&](Transaction& tx) { return ExamRoomRepository(tx).insert({0, s_.station, "大厅", 501, RoomKind::kTheory, kT0}); });
  ASSERT_FALSE(too_big);
  EXPECT_EQ(too_big.error().code, ErrorCode::kInvalidValue);
}

TEST_P(SeatPlanRepositoryTest, SittingCapacityIsTheSumOfItsRoomsSeats) {
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return ExamRoomRepository(tx).add_to_sitting(s_.sitting, room_a_); }));
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return ExamRoomRepository(tx).add_to_sitting(s_.sitting, room_b_); }));
  auto sitting = db().read([&](Transaction& tx) { return SittingRepository(tx).find(s_.sitting); });
  ASSERT_TRUE(sitting);
  EXPECT_EQ(sitting->capacity, 5);
  auto rooms = db().read([&](Transaction& tx) { return ExamRoomRepository(tx).rooms_of_sitting(s_.sitting); });
  ASSERT_TRUE(rooms);
  EXPECT_EQ(rooms->size(), 2u);
  auto again = db().transaction([&](Transaction& tx) { return ExamRoomRepository(tx).add_to_sitting(s_.sitting, room_a_); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_P(SeatPlanRepositoryTest, SeatsTicketsAndPlacesAreUnique) {
  const Id second = another_registration(2), third = another_registration(3);
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return SeatPlanRepository(tx).insert(seat(s_.registration, room_a_, 1, "00000101001-1234")); }));
  struct Case {
    const char* what;
    SittingSeat seat;
  } cases[] = {
      {"seat taken", seat(second, room_a_, 1, "00000101001-9999")},
      {"ticket reused", seat(second, room_a_, 2, "00000101001-1234")},
      {"registration seated twice", seat(s_.registration, room_b_, 1, "00000102001-5555")},
  };
  for (const auto& c : cases) {
    auto r = db().transaction([&](Transaction& tx) { return SeatPlanRepository(tx).insert(c.seat); });
    ASSERT_FALSE(r) << c.what;
    EXPECT_EQ(r.error().code, ErrorCode::kConflict) << c.what;
  }
  SittingSeat none = seat(third, room_b_, 1, "00000102001-7777");
  none.theory_kind.reset();
  auto r = db().transaction([&](Transaction& tx) { return SeatPlanRepository(tx).insert(none); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue);
  auto n = db().read([&](Transaction& tx) { return SeatPlanRepository(tx).count_in_sitting(s_.sitting); });
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 1);
}

TEST_P(SeatPlanRepositoryTest, SeatsAreFoundByTicketRegistrationAndSittingAndMoved) {
  const Id second = another_registration(2);
  SittingSeat a = seat(s_.registration, room_a_, 2, "00000101002-1111");
  a.practical_kind = AttemptKind::kRetake;
  a.assigned_by = std::nullopt;
  auto id = in_tx([&](Transaction& tx) -> Result<Id> {
    if (auto b = SeatPlanRepository(tx).insert(seat(second, room_b_, 1, "00000102001-2222")); !b) return b;
    return SeatPlanRepository(tx).insert(a);
  });
  ASSERT_TRUE(id);
  a.id = *id;
  auto by_ticket = db().read([&](Transaction& tx) { return SeatPlanRepository(tx).find_by_ticket("00000101002-1111"); });
  ASSERT_TRUE(by_ticket && *by_ticket);
  EXPECT_EQ(**by_ticket, a);
  auto unknown = db().read([&](Transaction& tx) { return SeatPlanRepository(tx).find_by_ticket("00000109009-0000"); });
  ASSERT_TRUE(unknown);
  EXPECT_FALSE(*unknown);
  auto mine = db().read([&](Transaction& tx) { return SeatPlanRepository(tx).list_by_registration(s_.registration); });
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->front(), a);

  auto taken = db().transaction([&](Transaction& tx) { return SeatPlanRepository(tx).move(a.id, room_b_, 1); });
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return SeatPlanRepository(tx).move(a.id, room_b_, 3); }));
  auto moved = db().read([&](Transaction& tx) { return SeatPlanRepository(tx).find_for(s_.sitting, s_.registration); });
  ASSERT_TRUE(moved && *moved);
  EXPECT_EQ((*moved)->room_id, room_b_);
  EXPECT_EQ((*moved)->seat_no, 3);
  EXPECT_EQ((*moved)->ticket_no, "00000101002-1111");  // the ticket keeps its number

  auto rows = db().read([&](Transaction& tx) { return SeatPlanRepository(tx).plan_rows(s_.sitting); });
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].room_name, "第二考场");
  EXPECT_EQ((*rows)[0].seat.seat_no, 1);
  EXPECT_EQ((*rows)[1].candidate_name, sample_candidate(1).name);
  EXPECT_EQ((*rows)[1].id_number_masked, sample_candidate(1).id_number_masked);
}

TEST_P(SeatPlanRepositoryTest, UnseatedApprovedAreTheStationsApprovedOfTheLevelWithoutASeat) {
  const Id second = another_registration(2), third = another_registration(3);
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return SeatPlanRepository(tx).insert(seat(third, room_a_, 1, "00000101001-3333")); }));
  auto ids = db().read([&](Transaction& tx) { return SeatPlanRepository(tx).unseated_approved(s_.station, 5, s_.sitting); });
  ASSERT_TRUE(ids);
  EXPECT_EQ(*ids, std::vector<Id>{second});  // s_.registration is a draft, third is seated
  auto other_level = db().read([&](Transaction& tx) { return SeatPlanRepository(tx).unseated_approved(s_.station, 4, s_.sitting); });
  ASSERT_TRUE(other_level);
  EXPECT_TRUE(other_level->empty());
}

TEST_P(SeatPlanRepositoryTest, StaffAreAssignedOncePerRoomListedAndRemoved) {
  auto users = in_tx([&](Transaction& tx) -> Result<std::pair<Id, Id>> {
    User p;
    p.username = "proctor1";
    p.role = Role::kProctor;
    p.station_id = s_.station;
    p.created_at = kT0;
    User e = p;
    e.username = "examiner1";
    e.role = Role::kExaminer;
    User st = p;
    st.username = "station1";
    st.role = Role::kStation;
    auto a = UserRepository(tx).insert(p);
    auto b = UserRepository(tx).insert(e);
    if (auto c = UserRepository(tx).insert(st); !c) return fail(c.error());
    if (!a || !b) return fail(!a ? a.error() : b.error());
    return std::pair{*a, *b};
  });
  ASSERT_TRUE(users);
  const auto [proctor, examiner] = *users;
  auto members = db().read([&](Transaction& tx) { return SittingStaffRepository(tx).station_members(s_.station); });
  ASSERT_TRUE(members);
  EXPECT_EQ(*members, (std::vector<StaffMember>{{examiner, "examiner1", Role::kExaminer}, {proctor, "proctor1", Role::kProctor}}));

  const SittingStaff duty{s_.sitting, room_a_, proctor, StaffDuty::kProctor, kT0};
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return SittingStaffRepository(tx).insert(duty); }));
  ASSERT_TRUE(in_tx([&](Transaction& tx) {
    return SittingStaffRepository(tx).insert({s_.sitting, room_b_, examiner, StaffDuty::kExaminer, kT0});
  }));
  auto twice = db().transaction([&](Transaction& tx) { return SittingStaffRepository(tx).insert(duty); });
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  auto listed = db().read([&](Transaction& tx) { return SittingStaffRepository(tx).list_by_sitting(s_.sitting); });
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->size(), 2u);
  auto of_proctor = db().read([&](Transaction& tx) { return SittingStaffRepository(tx).list_by_user(proctor); });
  ASSERT_TRUE(of_proctor);
  EXPECT_EQ(*of_proctor, std::vector<SittingStaff>{duty});
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return SittingStaffRepository(tx).remove(s_.sitting, room_a_, proctor); }));
  auto gone = db().transaction([&](Transaction& tx) { return SittingStaffRepository(tx).remove(s_.sitting, room_a_, proctor); });
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
}

RC_INSTANTIATE_STORE_TEST(SeatPlanRepositoryTest);

}  // namespace
}  // namespace rc::store::testing
