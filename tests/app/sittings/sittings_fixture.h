#pragma once
// What the sitting tests share (F6, F7): the app fixture on both backends (stations NC001 and
// CD001 with their station accounts), a batch of NC001 whose candidates are made approved (or in
// another state) directly in the store, exam rooms, sittings made by create_sitting, and a proctor
// and an examiner of NC001. The clock is kT0: 2025-03-15 10:00 China time.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/app_fixture.h"
#include "app/sittings/assign_candidates.h"
#include "app/sittings/create_exam_room.h"
#include "app/sittings/create_sitting.h"
#include "store/attempt_repository.h"
#include "store/batch_repository.h"
#include "store/candidate_repository.h"
#include "store/registration_repository.h"
#include "store/sample_records.h"
#include "store/sitting_repository.h"

namespace rc::app::sittingtest {

using store::testing::kT0;

class SittingsTest : public apptest::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto made = in_tx([&](store::Transaction& tx) -> Result<void> {
      batch_ = *store::BatchRepository(tx).insert(store::testing::sample_batch(org_a_, station_));
      other_batch_ = *store::BatchRepository(tx).insert(store::testing::sample_batch(org_b_, other_station_));
      proctor_ = add_user(tx, "proctor_nc", store::Role::kProctor, station_);
      examiner_ = add_user(tx, "examiner_nc", store::Role::kExaminer, station_);
      other_proctor_ = add_user(tx, "proctor_cd", store::Role::kProctor, other_station_);
      return rc::ok();
    });
    ASSERT_TRUE(made);
  }

  // A registration of candidate n (level 5) in `batch` (default: NC001's), approved unless said.
  store::Id registration(int n, store::RegistrationStatus status = store::RegistrationStatus::kApproved,
                         store::Id batch = 0, int level = 5) {
    auto r = in_tx([&](store::Transaction& tx) -> Result<store::Id> {
      auto c = store::CandidateRepository(tx).insert(store::testing::sample_candidate(n));
      if (!c) return fail(c.error());
      auto reg = store::testing::sample_registration(*c, batch ? batch : batch_);
      reg.status = status;
      reg.level = level;
      return store::RegistrationRepository(tx).insert(reg);
    });
    return r.value_or(0);
  }

  store::Id room(const std::string& name, int seats, const Actor* who = nullptr) {
    auto r = create_exam_room(db(), clock_, who ? *who : station_actor_, {name, seats, store::RoomKind::kTheory});
    EXPECT_TRUE(r) << r.error().message;
    return r.value_or(0);
  }

  // A sitting on 2025-04-20: theory 09:00, practical 14:00, in `rooms`.
  store::Id sitting(const std::vector<store::Id>& rooms, const char* on = "2025-04-20") {
    NewSitting s{*CivilDate::parse(on), 5, 9 * 60, 14 * 60, rooms};
    auto r = create_sitting(db(), clock_, *policies_, station_actor_, s);
    EXPECT_TRUE(r) << r.error().message;
    return r.value_or(0);
  }

  // A sitting held in the past (inserted directly) where the registration sat both subjects.
  void past_attempts(store::Id registration, store::Outcome theory, store::Outcome practical,
                     const char* held_on = "2025-03-01") {
    auto r = in_tx([&](store::Transaction& tx) -> Result<void> {
      auto past = store::SittingRepository(tx).insert(store::testing::sample_sitting(station_, held_on));
      if (!past) return fail(past.error());
      for (auto [subject, outcome] : {std::pair{store::Subject::kTheory, theory}, std::pair{store::Subject::kPractical, practical}}) {
        store::Attempt a;
        a.registration_id = registration;
        a.sitting_id = *past;
        a.subject = subject;
        a.kind = store::AttemptKind::kFirst;
        a.outcome = outcome;
        a.recorded_at = kT0;
        if (auto id = store::AttemptRepository(tx).record(a); !id) return fail(id.error());
      }
      return rc::ok();
    });
    ASSERT_TRUE(r);
  }

  Result<SeatAssignmentReport> assign(store::Id sitting_id, const std::vector<store::Id>& regs,
                                      const Actor* who = nullptr) {
    return assign_candidates(db(), clock_, *policies_, random_, who ? *who : station_actor_, sitting_id, regs);
  }

  store::Id batch_ = 0, other_batch_ = 0;
  Actor proctor_, examiner_, other_proctor_;
};

}  // namespace rc::app::sittingtest
