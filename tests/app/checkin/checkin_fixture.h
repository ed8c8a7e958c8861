#pragma once
// The exam fixture (three approved candidates with sealed papers, theory at kT0) without the
// admissions, plus the door: two rooms of the sitting's station, the seat plan (candidates 0 and 1
// in room A, seats 1-2; candidate 2 in room B) with ticket numbers, two proctors (A on room A, B on
// room B) and a station user, written with plain SQL as the sittings use cases would.

#include <gtest/gtest.h>

#include <string>

#include "app/app_fixture.h"  // apptest::key
#include "app/checkin/admit_candidate.h"
#include "app/exam/exam_fixture.h"
#include "domain/common/random.h"
#include "identity/personal_data_cipher.h"
#include "store/attempt_repository.h"
#include "store/checkin_repository.h"
#include "store/sitting_repository.h"
#include "store/statement.h"

namespace rc::app::testing {

class CheckinTest : public ExamTest {
 protected:
  CheckinTest() { admit_on_setup_ = false; }

  void SetUp() override {
    ExamTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto made = in_tx([&](store::Transaction& tx) -> Result<void> {
      auto sitting = store::SittingRepository(tx).find(sitting_);
      if (!sitting) return fail(sitting.error());
      station_ = sitting->station_id;
      room_a_ = insert_id(tx,
                          "INSERT INTO exam_rooms (station_id, name, seats, created_at) "
                          "VALUES (:s, '第一考场', 30, :t) RETURNING id");
      room_b_ = insert_id(tx,
                          "INSERT INTO exam_rooms (station_id, name, seats, created_at) "
                          "VALUES (:s, '第二考场', 30, :t) RETURNING id");
      for (auto room : {room_a_, room_b_}) {
        store::Statement st(tx, "INSERT INTO sitting_rooms (sitting_id, room_id) VALUES (:s, :r)");
        st.bind(sitting_).bind(room).execute();
      }
      const store::Id rooms[] = {room_a_, room_a_, room_b_};
      const int seat_nos[] = {1, 2, 1};
      for (int i = 0; i < kCandidates; ++i) {
        store::Statement st(tx,
                            "INSERT INTO sitting_seats (sitting_id, registration_id, room_id, seat_no, theory_kind,"
                            " practical_kind, ticket_no, assigned_at) VALUES "
                            "(:s, :r, :room, :n, 'first', 'first', :t, :at)");
        st.bind(sitting_).bind(registrations_[i]).bind(rooms[i]).bind(seat_nos[i]).bind(ticket(i)).bind(kT0).execute();
      }
      proctor_a_ = user(tx, "proctor_a", store::Role::kProctor);
      proctor_b_ = user(tx, "proctor_b", store::Role::kProctor);
      station_user_ = user(tx, "station_user", store::Role::kStation);
      staff(tx, room_a_, proctor_a_.user_id);
      staff(tx, room_b_, proctor_b_.user_id);
      return ok();
    });
    ASSERT_TRUE(made);
  }

  static std::string ticket(int i) { return "T2025-00000" + std::to_string(i + 1); }

  store::Id insert_id(store::Transaction& tx, const char* sql) {
    store::Id id = 0;
    store::Statement st(tx, sql);
    st.bind(station_).bind(kT0).into(id);
    st.execute();
    return id;
  }
  Actor user(store::Transaction& tx, const std::string& name, store::Role role) {
    store::User u;
    u.username = name;
    u.role = role;
    u.station_id = station_;
    u.created_at = kT0;
    auto id = store::UserRepository(tx).insert(u);
    EXPECT_TRUE(id) << id.error().message;
    return Actor{id.value_or(0), name, role, station_};
  }
  void staff(store::Transaction& tx, store::Id room, store::Id user_id) {
    store::Statement st(tx,
                        "INSERT INTO sitting_staff (sitting_id, room_id, user_id, duty, assigned_at)"
                        " VALUES (:s, :r, :u, 'proctor', :t)");
    st.bind(sitting_).bind(room).bind(user_id).bind(kT0).execute();
  }

  Result<Admission> admit(const Actor& who, int i, std::string_view note = "已核对身份证原件，本人与照片一致") {
    return admit_manually(db(), clock_, *policies_, who, sitting_,
                          who.user_id == proctor_b_.user_id ? room_b_ : room_a_, ticket(i), note);
  }
  std::optional<store::ExamCheckin> checkin_of(int i) {
    return db()
        .read([&](store::Transaction& tx) {
          return store::CheckinRepository(tx).find(sitting_, registrations_[i], store::Subject::kTheory);
        })
        .value();
  }
  std::vector<store::Attempt> history_of(int i) {
    return db()
        .read([&](store::Transaction& tx) {
          return store::AttemptRepository(tx).list_by_registration(registrations_[i]);
        })
        .value();
  }
  std::int64_t count(const std::string& where) {
    return db()
        .read([&](store::Transaction& tx) -> Result<std::int64_t> {
          std::int64_t n = 0;
          store::Statement st(tx, "SELECT count(*) FROM " + where);
          st.into(n);
          st.execute();
          return n;
        })
        .value();
  }

  store::Id station_ = 0, room_a_ = 0, room_b_ = 0;
  Actor proctor_a_, proctor_b_, station_user_;
  SeededRandom random_{7};
  identity::PersonalDataCipher cipher_{apptest::key(1), apptest::key(2), apptest::key(3), random_};
};

}  // namespace rc::app::testing
