#pragma once
// What the practical use-case tests share (F12, R7, R12b): the app fixture (apptest::AppTest: both
// backends, the policies, the fixed clock, station NC001 and organisation 甲 with their accounts),
// a sitting held today (the fixed clock's China date) at NC001, two practical rooms — room A with
// examiners 0-2, room B with examiners 3-5 — a practical room with two examiners and one with four
// (odd-number rule), and three approved candidates of a batch of 甲 seated for the practical with
// tickets T2026PR0001.. (plain SQL for the seat plan, V008).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/app_fixture.h"
#include "app/practical/open_practical.h"
#include "app/practical/practical_support.h"
#include "app/practical/submit_score_sheet.h"
#include "practical/draw.h"
#include "store/attempt_repository.h"
#include "store/batch_repository.h"
#include "store/candidate_repository.h"
#include "store/practical_repository.h"
#include "store/registration_repository.h"
#include "store/sample_records.h"
#include "store/sitting_repository.h"
#include "store/statement.h"

namespace rc::app::testing {

class PracticalTest : public apptest::AppTest {
 protected:
  static constexpr int kCandidates = 3;

  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto seeded = in_tx([&](store::Transaction& tx) -> Result<void> {
      const store::Id batch = store::BatchRepository(tx).insert(store::testing::sample_batch(org_a_, station_)).value();
      auto sitting = store::testing::sample_sitting(station_, china_date(clock_.now()).to_string().c_str());
      sitting_ = store::SittingRepository(tx).insert(sitting).value();
      room_a_ = room(tx, "实操 A");
      room_b_ = room(tx, "实操 B");
      room_two_ = room(tx, "实操 两人");
      room_four_ = room(tx, "实操 四人");
      for (int i = 0; i < 12; ++i)
        examiners_.push_back(add_user(tx, "examiner" + std::to_string(i), store::Role::kExaminer, station_).user_id);
      for (int i = 0; i < 3; ++i) staff(tx, room_a_, examiners_[i]);
      for (int i = 3; i < 6; ++i) staff(tx, room_b_, examiners_[i]);
      for (int i = 6; i < 8; ++i) staff(tx, room_two_, examiners_[i]);
      for (int i = 8; i < 12; ++i) staff(tx, room_four_, examiners_[i]);
      for (int i = 0; i < kCandidates; ++i) {
        auto c = store::CandidateRepository(tx).insert(store::testing::sample_candidate(10 + i)).value();
        auto reg = store::testing::sample_registration(c, batch);
        reg.status = store::RegistrationStatus::kApproved;
        auto r = store::RegistrationRepository(tx).insert(reg).value();
        registrations_.push_back(r);
        store::Statement st(tx, "INSERT INTO sitting_seats (sitting_id, registration_id, room_id, seat_no, practical_kind,"
                                " ticket_no, assigned_at) VALUES (:s, :r, :room, :n, 'first', :t, :at)");
        st.bind(sitting_).bind(r).bind(room_a_).bind(i + 1).bind(ticket(i)).bind(store::testing::kT0);
        st.execute();
      }
      return ok();
    });
    ASSERT_TRUE(seeded) << seeded.error().message;
  }

  store::Id room(store::Transaction& tx, const char* name) {
    store::Id id = 0;
    store::Statement st(tx, "INSERT INTO exam_rooms (station_id, name, seats, kind, created_at)"
                            " VALUES (:st, :name, 30, 'practical', :at) RETURNING id");
    st.bind(station_).bind(name).bind(store::testing::kT0).into(id);
    st.execute();
    store::Statement link(tx, "INSERT INTO sitting_rooms (sitting_id, room_id) VALUES (:s, :r)");
    link.bind(sitting_).bind(id);
    link.execute();
    return id;
  }
  void staff(store::Transaction& tx, store::Id room_id, store::Id user) {
    store::Statement st(tx, "INSERT INTO sitting_staff (sitting_id, room_id, user_id, duty, assigned_at)"
                            " VALUES (:s, :r, :u, 'examiner', :at)");
    st.bind(sitting_).bind(room_id).bind(user).bind(store::testing::kT0);
    st.execute();
  }

  static std::string ticket(int i) { return "T2026PR000" + std::to_string(i + 1); }
  Actor examiner(int i) const {
    return Actor{examiners_[static_cast<std::size_t>(i)], "examiner" + std::to_string(i), store::Role::kExaminer, station_};
  }

  // Opens candidate i in room A as examiner 0.
  store::Id open(int i, store::Id room_id = 0, int as = 0) {
    SeededRandom random(1000 + static_cast<std::uint64_t>(i));
    auto o = open_practical(db(), clock_, random, *policies_, examiner(as), sitting_, room_id ? room_id : room_a_, ticket(i));
    EXPECT_TRUE(o) << o.error().message;
    return o ? o->draw_id : 0;
  }

  app::LoadedDraw loaded(store::Id draw_id) {
    auto l = db().read([&](store::Transaction& tx) { return load_draw(tx, draw_id); });
    EXPECT_TRUE(l) << l.error().message;
    return *l;
  }

  // Every line at `percent` of its points.
  practical::ScoreSheet sheet(store::Id draw_id, int percent) {
    auto l = loaded(draw_id);
    practical::ScoreSheet s;
    for (const auto* it : practical::assessed_items(*l.scheme, l.draw))
      for (const auto& line : it->lines) s.line_tenths[it->id + "." + line.id] = line.points * 10 * percent / 100;
    return s;
  }

  // Examiners first..first+2 submit sheets at the given percentages; returns the last outcome.
  Result<SheetOutcome> score(store::Id draw_id, std::vector<practical::ScoreSheet> sheets, int first = 0) {
    Result<SheetOutcome> last = fail(ErrorCode::kInvalidValue);
    for (std::size_t k = 0; k < sheets.size(); ++k) {
      last = submit_score_sheet(db(), clock_, examiner(first + static_cast<int>(k)), draw_id, sheets[k]);
      if (!last) return last;
    }
    return last;
  }

  std::vector<store::Attempt> history(int i) {
    return db()
        .read([&](store::Transaction& tx) {
          return store::AttemptRepository(tx).list_by_registration(registrations_[static_cast<std::size_t>(i)]);
        })
        .value();
  }

  store::Id sitting_ = 0, room_a_ = 0, room_b_ = 0, room_two_ = 0, room_four_ = 0;
  std::vector<store::Id> examiners_, registrations_;
};

}  // namespace rc::app::testing
