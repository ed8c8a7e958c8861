// Appeals (D13) and retake scheduling (F15; R12, D2, D5, D15): an appeal within the window after
// publication, once per score; the station's outcome appended as a correction and the rights
// recomputed from the full history; candidates placed on later sittings only with a right, free;
// re-registration with the fee due, approval refused until it is paid.

#include <gtest/gtest.h>

#include "app/registration/approve_application.h"
#include "app/results/appeals.h"
#include "app/results/candidate_rights.h"
#include "app/results/result_publication.h"
#include "app/results/retake_scheduling.h"
#include "app/results/score_input.h"
#include "results_fixture.h"
#include "store/appeal_repository.h"
#include "store/registration_repository.h"
#include "store/sitting_repository.h"

namespace rc::app::results_testing {
namespace {

class AppealsTest : public ResultsTest {
 protected:
  // Theory failed at 58.0 on 2025-03-15, practical passed; results recorded (publish 2025-03-30).
  void SetUp() override {
    ResultsTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto r = in_tx([&](store::Transaction& tx) -> Result<void> {
      who_ = add_candidate(tx, 1, date("1990-03-07"));
      reg_ = add_registration(tx, who_.candidate_id, add_batch(tx, org_a_, station_), date("2025-02-01"));
      sitting_ = sitting_on(tx, date("2025-03-15"));
      theory_ = add_attempt(tx, reg_, sitting_, store::Subject::kTheory, store::AttemptKind::kFirst,
                            store::Outcome::kFail, 58000);
      practical_ = add_attempt(tx, reg_, sitting_, store::Subject::kPractical, store::AttemptKind::kFirst,
                               store::Outcome::kPass, 75000);
      later_ = sitting_on(tx, date("2025-06-10"));
      too_late_ = sitting_on(tx, date("2026-03-15"));
      return rc::ok();
    });
    ASSERT_TRUE(r);
    set_date("2025-03-16");
    ASSERT_TRUE(record_complete_publications(db(), *policies_, clock_));
  }
  Result<store::Id> appeal(store::Id attempt, const char* reason = "我认为有题目漏判") {
    return request_appeal(db(), clock_, who_.actor, {attempt, reason});
  }
  Seeded who_;
  store::Id reg_ = 0, sitting_ = 0, theory_ = 0, practical_ = 0, later_ = 0, too_late_ = 0;
};

TEST_P(AppealsTest, RefusedBeforePublicationAndAfterTheWindowAndOncePerScore) {
  set_date("2025-03-29");
  EXPECT_EQ(appeal(theory_).error().code, ErrorCode::kResultNotPublished);
  // The rights would tell the result: held too (R8), for the candidate and the organisation.
  auto held = candidate_rights(db(), *policies_, clock_, who_.actor);
  ASSERT_TRUE(held && *held);
  EXPECT_TRUE((*held)->held);
  EXPECT_EQ((*held)->decision.theory.status, rules::SubjectStatus::kPending);
  EXPECT_EQ(schedule_retake(db(), *policies_, clock_, org_a_actor_, {reg_, later_, store::Subject::kTheory}).error().code,
            ErrorCode::kResultNotPublished);
  auto board = candidates_with_rights(db(), *policies_, clock_, org_a_actor_);
  ASSERT_TRUE(board);
  EXPECT_TRUE(board->candidates.empty());
  set_date("2025-04-13");  // publication 03-30 + 14 days: last day 04-12
  EXPECT_EQ(appeal(theory_).error().code, ErrorCode::kAppealWindowClosed);
  EXPECT_EQ(count("result_appeals"), 0);
  set_date("2025-04-12");
  EXPECT_EQ(appeal(theory_, "  ").error().code, ErrorCode::kMissingField);
  ASSERT_TRUE(appeal(theory_));
  auto again = appeal(theory_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kAppealExists);
  EXPECT_EQ(count("result_appeals"), 1);
  EXPECT_TRUE(appeal(practical_)) << "another subject's score has its own appeal";
  auto listed = station_appeals(db(), clock_, station_actor_);
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->size(), 2u);
  EXPECT_TRUE(has_action(audit_of("station", station_), "appeal.station_view"));
  EXPECT_EQ(station_appeals(db(), clock_, other_station_actor_)->size(), 0u);
  EXPECT_EQ(station_appeals(db(), clock_, who_.actor).error().code, ErrorCode::kForbidden);
}

TEST_P(AppealsTest, CorrectionAppendsHistoryRecomputesRightsAndIsAudited) {
  set_date("2025-04-01");
  auto before = candidate_rights(db(), *policies_, clock_, who_.actor);
  ASSERT_TRUE(before && *before);
  EXPECT_EQ((*before)->decision.theory.status, rules::SubjectStatus::kRetakeAvailable);  // R12a
  auto id = appeal(theory_);
  ASSERT_TRUE(id);
  // Only the sitting's station decides; the reason is required.
  EXPECT_EQ(decide_appeal(db(), *policies_, clock_, other_station_actor_, {*id, false, std::nullopt, "维持"}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(decide_appeal(db(), *policies_, clock_, station_actor_, {*id, true, 61000, ""}).error().code,
            ErrorCode::kMissingField);
  auto out = decide_appeal(db(), *policies_, clock_, station_actor_, {*id, true, 61000, "第 37 题漏判，复核后加 3 分"});
  ASSERT_TRUE(out) << out.error().message;
  ASSERT_TRUE(out->correction);
  EXPECT_EQ(out->correction->old_score_milli, 58000);
  EXPECT_EQ(out->correction->new_outcome, store::Outcome::kPass);
  EXPECT_EQ(out->appeal.status, store::AppealStatus::kCorrected);
  // D13: recomputed from the full history: both passed, completed.
  EXPECT_EQ(out->rights.registration_status, rules::RegistrationStatus::kCompleted);
  auto after = candidate_rights(db(), *policies_, clock_, who_.actor);
  ASSERT_TRUE(after && *after);
  EXPECT_EQ((*after)->decision.theory.status, rules::SubjectStatus::kPassed);
  // Append-only: the correction row can be neither changed nor deleted.
  auto corrections = db().read([&](store::Transaction& tx) { return store::AppealRepository(tx).corrections_of(theory_); });
  ASSERT_TRUE(corrections);
  ASSERT_EQ(corrections->size(), 1u);
  EXPECT_FALSE(db().transaction([&](store::Transaction& tx) -> Result<void> {
    try {
      store::Statement st(tx, "UPDATE score_corrections SET new_score_milli = 100000");
      st.execute();
    } catch (const std::exception&) {
      return fail(ErrorCode::kStorageFailure);
    }
    return rc::ok();
  }));
  EXPECT_TRUE(has_action(audit_of("appeal", *id), "appeal.decide"));
  // Decided once.
  EXPECT_EQ(decide_appeal(db(), *policies_, clock_, station_actor_, {*id, false, std::nullopt, "再次"}).error().code,
            ErrorCode::kWrongState);
}

TEST_P(AppealsTest, UpheldChangesNothing) {
  set_date("2025-04-01");
  auto id = appeal(theory_);
  ASSERT_TRUE(id);
  auto out = decide_appeal(db(), *policies_, clock_, station_actor_, {*id, false, std::nullopt, "复核无误"});
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_FALSE(out->correction);
  EXPECT_EQ(out->rights.theory.status, rules::SubjectStatus::kRetakeAvailable);
  EXPECT_EQ(count("score_corrections"), 0);
}

TEST_P(AppealsTest, ScheduledOnlyWithARightBeforeTheDeadlineOnceAndFree) {
  set_date("2025-04-01");
  // Practical passed: no right (D6 passed).
  auto none = schedule_retake(db(), *policies_, clock_, station_actor_, {reg_, later_, store::Subject::kPractical});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kNoRightForSitting);
  // After the deadline 2026-03-14 (D2).
  auto late = schedule_retake(db(), *policies_, clock_, station_actor_, {reg_, too_late_, store::Subject::kTheory});
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kNoRightForSitting);
  // Another station's user, or an organisation that did not register them.
  EXPECT_EQ(schedule_retake(db(), *policies_, clock_, other_station_actor_, {reg_, later_, store::Subject::kTheory})
                .error().code, ErrorCode::kForbidden);
  EXPECT_EQ(schedule_retake(db(), *policies_, clock_, org_b_actor_, {reg_, later_, store::Subject::kTheory}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(count("retake_placements"), 0);
  auto placed = schedule_retake(db(), *policies_, clock_, org_a_actor_, {reg_, later_, store::Subject::kTheory});
  ASSERT_TRUE(placed) << placed.error().message;
  EXPECT_EQ(placed->kind, store::AttemptKind::kRetake);
  EXPECT_EQ(placed->rule, "R12a");
  EXPECT_EQ(placed->fee_fen, 0);
  EXPECT_EQ(placed->deadline, date("2026-03-14"));
  auto twice = schedule_retake(db(), *policies_, clock_, station_actor_, {reg_, later_, store::Subject::kTheory});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  auto board = candidates_with_rights(db(), *policies_, clock_, station_actor_);
  ASSERT_TRUE(board);
  ASSERT_EQ(board->candidates.size(), 1u);
  EXPECT_EQ(board->candidates[0].placements.size(), 1u);
  EXPECT_EQ(board->later_sittings.size(), 2u);
}

TEST_P(AppealsTest, ReRegistrationNeedsTheFeeBeforeApproval) {
  // Theory retake failed too: the registration ends (D1), re-register and pay (D15).
  ASSERT_TRUE(in_tx([&](store::Transaction& tx) -> Result<void> {
    add_attempt(tx, reg_, sitting_on(tx, date("2025-05-10")), store::Subject::kTheory, store::AttemptKind::kRetake,
                store::Outcome::kFail, 40000);
    return rc::ok();
  }));
  set_date("2025-06-01");
  ASSERT_TRUE(record_complete_publications(db(), *policies_, clock_));  // the retake's result: published 05-25
  EXPECT_EQ(schedule_retake(db(), *policies_, clock_, station_actor_, {reg_, later_, store::Subject::kTheory})
                .error().code, ErrorCode::kNoRightForSitting);
  EXPECT_EQ(re_register(db(), *policies_, clock_, station_actor_, reg_).error().code, ErrorCode::kForbidden);
  auto again = re_register(db(), *policies_, clock_, org_a_actor_, reg_);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->fee_due_fen, 30000);
  Approval approval;
  approval.registration_id = again->registration_id;
  auto refused = approve_application(db(), clock_, *policies_, station_actor_, approval);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kFeeNotPaid);
  approval.fee_paid_fen = 30000;
  ASSERT_TRUE(approve_application(db(), clock_, *policies_, station_actor_, approval));
  // The new registration is ordinary (D9): both subjects pending, nothing to re-register.
  auto rights = candidate_rights(db(), *policies_, clock_, who_.actor);
  ASSERT_TRUE(rights && *rights);
  EXPECT_EQ((*rights)->registration.id, again->registration_id);
  EXPECT_EQ((*rights)->decision.registration_status, rules::RegistrationStatus::kActive);
  EXPECT_EQ((*rights)->decision.theory.status, rules::SubjectStatus::kPending);
  // Not twice: the new registration is the latest and has not ended.
  EXPECT_EQ(re_register(db(), *policies_, clock_, org_a_actor_, reg_).error().code, ErrorCode::kWrongState);
}

TEST(ScoreInput, ParsesExactlyAndRefusesTheRest) {
  EXPECT_EQ(*parse_score_milli("72"), 72000);
  EXPECT_EQ(*parse_score_milli("72.5"), 72500);
  EXPECT_EQ(*parse_score_milli(" 59.975 "), 59975);
  EXPECT_EQ(*parse_score_milli("100.000"), 100000);
  for (const char* bad : {"", "-1", "100.001", "1e2", "72.", ".5", "72.5555", "abc", "1000", "60,5", "+60"})
    EXPECT_FALSE(parse_score_milli(bad)) << bad;
}

RC_INSTANTIATE_RESULTS_TEST(AppealsTest);

}  // namespace
}  // namespace rc::app::results_testing
