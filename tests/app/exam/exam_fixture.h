#pragma once
// What the exam use-case tests share: the shared app fixture (apptest::AppTest: both backends,
// policies, fixed clock, stations NC001/CD001, organisations 甲/乙 with their accounts, counts,
// audit trail) plus three approved candidates of one sitting at NC001 (organisation 甲's batch)
// whose theory session starts at kT0 (policy-2025: 100 minutes), and their sealed papers
// (prepare_exam_papers, seeded randomness). Every candidate is admitted at the room door
// (exam_checkins, R6), since starting requires it; a fixture that tests the door itself sets
// admit_on_setup_ = false in its constructor.

#include <gtest/gtest.h>

#include <vector>

#include "app/app_fixture.h"
#include "app/exam/exam_paper_document.h"
#include "app/exam/prepare_exam_papers.h"
#include "app/exam/start_exam_attempt.h"
#include "app/registration/actor.h"
#include "store/batch_repository.h"
#include "store/candidate_repository.h"
#include "store/checkin_repository.h"
#include "store/exam_paper_repository.h"
#include "store/registration_repository.h"
#include "store/sample_records.h"
#include "store/sitting_repository.h"

namespace rc::app::testing {

using store::testing::kT0;

class ExamTest : public apptest::AppTest {
 protected:
  static constexpr int kCandidates = 3;

  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto seeded = in_tx([&](store::Transaction& tx) -> Result<void> {
      auto batch = store::BatchRepository(tx).insert(store::testing::sample_batch(org_a_, station_));
      if (!batch) return fail(batch.error());
      auto sitting = store::SittingRepository(tx).insert(store::testing::sample_sitting(station_));
      if (!sitting) return fail(sitting.error());
      sitting_ = *sitting;
      for (int i = 0; i < kCandidates; ++i) {
        auto c = store::CandidateRepository(tx).insert(store::testing::sample_candidate(10 + i));
        if (!c) return fail(c.error());
        auto reg = store::testing::sample_registration(*c, *batch);
        reg.status = store::RegistrationStatus::kApproved;
        auto r = store::RegistrationRepository(tx).insert(reg);
        if (!r) return fail(r.error());
        candidates_.push_back(*c);
        registrations_.push_back(*r);
      }
      return ok();
    });
    ASSERT_TRUE(seeded);
    std::vector<PaperAssignment> a;
    for (auto r : registrations_) a.push_back({r, store::AttemptKind::kFirst});
    SeededRandom random(42);
    auto prepared = prepare_exam_papers(db(), clock_, *policies_, random, sitting_, a);
    ASSERT_TRUE(prepared) << prepared.error().message;
    ASSERT_EQ(prepared->created, kCandidates);
    for (auto r : registrations_) {
      auto p = db().read([&](store::Transaction& tx) { return store::ExamPaperRepository(tx).find_for(sitting_, r); });
      ASSERT_TRUE(p && *p);
      papers_.push_back(**p);
    }
    if (admit_on_setup_) {
      auto admitted = in_tx([&](store::Transaction& tx) {
        return store::CheckinRepository(tx).admit_all_with_papers(sitting_, "测试：已核验证件", kT0, std::nullopt);
      });
      ASSERT_TRUE(admitted && *admitted == kCandidates);
    }
  }

  Actor candidate(int i) const {
    return Actor{1000 + i, "candidate" + std::to_string(i), store::Role::kCandidate, candidates_[i]};
  }
  exam::Paper paper(int i) const { return paper_from_json_text(papers_[i].paper_json).value(); }
  store::Id start(int i) {
    auto s = start_exam_attempt(db(), clock_, *policies_, candidate(i), papers_[i].id);
    EXPECT_TRUE(s) << s.error().message;
    return s ? s->attempt.id : 0;
  }
  void at_minute(int m) { clock_.set(std::chrono::system_clock::time_point((kT0 + std::chrono::minutes(m)).time_since_epoch())); }

  bool admit_on_setup_ = true;
  store::Id sitting_ = 0;
  std::vector<store::Id> candidates_, registrations_;
  std::vector<store::ExamPaper> papers_;
};

}  // namespace rc::app::testing
