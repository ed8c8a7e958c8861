// Results publication and views (F13; R7, R8, D17): held until day 15 after the exam at 00:00
// China time, recorded only once the sitting's results are complete, nothing of a score reaching
// candidates or organisations before, stations seeing everything with the state; exact totals,
// pass at 60 unrounded, one decimal shown.

#include <gtest/gtest.h>

#include "app/results/result_publication.h"
#include "app/results/result_views.h"
#include "results_fixture.h"
#include "store/sitting_repository.h"

namespace rc::app::results_testing {
namespace {

class PublicationTest : public ResultsTest {
 protected:
  // A candidate of org A at a sitting on 2025-03-15 with theory 72.5 (pass) and practical 59.975 (fail).
  void SetUp() override {
    ResultsTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto r = in_tx([&](store::Transaction& tx) -> Result<void> {
      who_ = add_candidate(tx, 1, date("1990-03-07"));
      other_ = add_candidate(tx, 2, date("1991-04-08"), "李芳");
      reg_ = add_registration(tx, who_.candidate_id, add_batch(tx, org_a_, station_), date("2025-02-01"));
      other_reg_ = add_registration(tx, other_.candidate_id, add_batch(tx, org_b_, station_), date("2025-02-01"));
      sitting_ = sitting_on(tx, date("2025-03-15"));
      theory_ = add_attempt(tx, reg_, sitting_, store::Subject::kTheory, store::AttemptKind::kFirst,
                            store::Outcome::kPass, 72500);
      practical_ = add_attempt(tx, reg_, sitting_, store::Subject::kPractical, store::AttemptKind::kFirst,
                               store::Outcome::kFail, 59975);
      pending_ = add_attempt(tx, other_reg_, sitting_, store::Subject::kTheory, store::AttemptKind::kFirst,
                             store::Outcome::kPending, std::nullopt);
      return rc::ok();
    });
    ASSERT_TRUE(r);
  }
  int record() {
    auto n = record_complete_publications(db(), *policies_, clock_);
    EXPECT_TRUE(n) << (n ? "" : n.error().message);
    return n ? *n : -1;
  }
  Seeded who_, other_;
  store::Id reg_ = 0, other_reg_ = 0, sitting_ = 0, theory_ = 0, practical_ = 0, pending_ = 0;
};

TEST_P(PublicationTest, ScoreTextCutsToOneDecimalSoAFailNeverReadsSixty) {
  EXPECT_EQ(result_score_text(59975), "59.9");
  EXPECT_EQ(result_score_text(60000), "60.0");
  EXPECT_EQ(result_score_text(72550), "72.5");
  EXPECT_EQ(result_score_text(100000), "100.0");
  EXPECT_EQ(result_score_text(0), "0.0");
}

TEST_P(PublicationTest, NotRecordedWhileAnAttemptIsPendingThenRecordedOnceWithDay15AndAudited) {
  set_date("2025-03-20");
  EXPECT_EQ(record(), 0) << "a pending attempt keeps the sitting's results incomplete";
  ASSERT_TRUE(in_tx([&](store::Transaction& tx) {
    return store::AttemptRepository(tx).update_outcome(pending_, {store::Outcome::kAbsent, std::nullopt, kT0, std::nullopt});
  }));
  EXPECT_EQ(record(), 1);
  EXPECT_EQ(record(), 0) << "idempotent";
  auto p = db().read([&](store::Transaction& tx) { return store::SittingRepository(tx).publication_of(sitting_); });
  ASSERT_TRUE(p && *p);
  EXPECT_EQ((*p)->publish_on, date("2025-03-30"));  // 15 days after 2025-03-15 (R8, D17)
  EXPECT_TRUE(has_action(audit_of("sitting", sitting_), "results.publication_record"));
}

TEST_P(PublicationTest, ExamDayItselfIsNotCompleteEvenWithNothingPending) {
  ASSERT_TRUE(in_tx([&](store::Transaction& tx) {
    return store::AttemptRepository(tx).update_outcome(pending_, {store::Outcome::kFail, 30000, kT0, std::nullopt});
  }));
  set_date("2025-03-15");
  EXPECT_EQ(record(), 0);
  set_date("2025-03-16");
  EXPECT_EQ(record(), 1);
}

TEST_P(PublicationTest, CandidateAndOrganisationSeeNoScoreBeforeDay15AtMidnightChinaTime) {
  ASSERT_TRUE(in_tx([&](store::Transaction& tx) {
    return store::AttemptRepository(tx).update_outcome(pending_, {store::Outcome::kFail, 30000, kT0, std::nullopt});
  }));
  set_date("2025-03-16");
  ASSERT_EQ(record(), 1);
  // 2025-03-29 23:59:59 China time = 15:59:59 UTC: still held.
  clock_.set(china_midnight(date("2025-03-30")) - std::chrono::seconds(1));
  auto mine = candidate_results(db(), clock_, who_.actor);
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->size(), 2u);
  for (const auto& l : *mine) {
    EXPECT_FALSE(l.visible);
    EXPECT_EQ(l.state, PublicationState::kScheduled);
    EXPECT_FALSE(l.row.attempt.score_milli.has_value());
    EXPECT_EQ(l.row.attempt.outcome, store::Outcome::kPending);
  }
  auto direct = candidate_result(db(), clock_, who_.actor, theory_);
  ASSERT_FALSE(direct);
  EXPECT_EQ(direct.error().code, ErrorCode::kResultNotPublished);
  auto org = organisation_results(db(), clock_, org_a_actor_);
  ASSERT_TRUE(org);
  ASSERT_EQ(org->size(), 2u);
  for (const auto& l : *org) EXPECT_FALSE(l.row.attempt.score_milli.has_value());
  // The station sees all, with the state.
  auto st = station_sitting_results(db(), *policies_, clock_, station_actor_, sitting_);
  ASSERT_TRUE(st) << st.error().message;
  EXPECT_EQ(st->state, PublicationState::kScheduled);
  EXPECT_EQ(st->lines.size(), 3u);
  for (const auto& l : st->lines) EXPECT_TRUE(l.visible);

  // 00:00 China time on day 15.
  clock_.set(china_midnight(date("2025-03-30")));
  auto line = candidate_result(db(), clock_, who_.actor, practical_);
  ASSERT_TRUE(line) << line.error().message;
  EXPECT_EQ(line->row.attempt.outcome, store::Outcome::kFail);  // 59.975 < 60 unrounded (R7)
  EXPECT_EQ(*line->row.attempt.score_milli, 59975);
  org = organisation_results(db(), clock_, org_a_actor_);
  ASSERT_TRUE(org);
  for (const auto& l : *org) EXPECT_TRUE(l.visible);
  EXPECT_EQ(org->size(), 2u) << "organisation A sees its own candidate only";
  EXPECT_TRUE(has_action(audit_of("organisation", org_a_), "results.organisation_view"));
}

TEST_P(PublicationTest, NothingVisibleWhileResultsAreIncompleteEvenAfterDay15) {
  set_date("2025-05-01");
  auto mine = candidate_results(db(), clock_, who_.actor);
  ASSERT_TRUE(mine);
  for (const auto& l : *mine) EXPECT_FALSE(l.visible);
  auto st = station_sittings(db(), *policies_, clock_, station_actor_);
  ASSERT_TRUE(st);
  ASSERT_EQ(st->size(), 1u);
  EXPECT_EQ((*st)[0].state, PublicationState::kIncomplete);
  EXPECT_EQ((*st)[0].summary.pending, 1);
  EXPECT_EQ(*(*st)[0].expected_publish_on, date("2025-03-30"));
}

TEST_P(PublicationTest, OthersAreRefused) {
  set_date("2025-04-30");
  auto other = candidate_result(db(), clock_, other_.actor, theory_);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  auto wrong_station = station_sitting_results(db(), *policies_, clock_, other_station_actor_, sitting_);
  ASSERT_FALSE(wrong_station);
  EXPECT_EQ(wrong_station.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(candidate_results(db(), clock_, station_actor_).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(organisation_results(db(), clock_, who_.actor).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(sitting_results_workbook(db(), *policies_, clock_, org_a_actor_, sitting_).error().code, ErrorCode::kForbidden);
}

TEST_P(PublicationTest, StationExportIsAnXlsxWorkbookAndAudited) {
  auto file = sitting_results_workbook(db(), *policies_, clock_, station_actor_, sitting_);
  ASSERT_TRUE(file) << file.error().message;
  ASSERT_GT(file->bytes.size(), 100u);
  EXPECT_EQ(file->bytes.substr(0, 2), "PK");
  EXPECT_NE(file->file_name.find("NC001"), std::string::npos);
  EXPECT_TRUE(has_action(audit_of("sitting", sitting_), "results.sitting_export"));
}

RC_INSTANTIATE_RESULTS_TEST(PublicationTest);

}  // namespace
}  // namespace rc::app::results_testing
