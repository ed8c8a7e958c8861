// The exam tables (V007) on both backends: one paper per sitting and registration, sealed papers
// and answer steps are append-only in the database, attempts only move forwards, the same answer
// step twice is stored once, and the answer is the highest sequence whatever the arrival order.
#include <gtest/gtest.h>

#include "store/exam_attempt_repository.h"
#include "store/exam_paper_repository.h"
#include "store/sample_records.h"

namespace rc::store::testing {
namespace {

ExamPaper sample_paper(const Seeded& s) {
  return ExamPaper{0, s.sitting, s.registration, AttemptKind::kFirst, R"({"questions":[]})", "42", "ab12", "4442",
                   kT0};
}

ExamAttempt running(Id paper, Timestamp deadline) {
  ExamAttempt a;
  a.paper_id = paper;
  a.started_at = kT0;
  a.deadline_at = deadline;
  a.status = ExamAttemptStatus::kInProgress;
  return a;
}

class ExamAttemptRepositoryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    seeded_ = seed_committed(db());
    auto ids = in_tx([&](Transaction& tx) -> Result<std::pair<Id, Id>> {
      auto paper = ExamPaperRepository(tx).insert(sample_paper(seeded_));
      if (!paper) return fail(paper.error());
      auto attempt = ExamAttemptRepository(tx).insert(running(*paper, at_ms(100 * 60 * 1000)));
      if (!attempt) return fail(attempt.error());
      return std::pair{*paper, *attempt};
    });
    ASSERT_TRUE(ids);
    paper_ = ids->first;
    attempt_ = ids->second;
  }

  Result<AnswerAppend> append(int q, std::int64_t seq, int choice) {
    return db().transaction([&](Transaction& tx) {
      return ExamAttemptRepository(tx).append_answer({attempt_, q, seq, choice, kT0});
    });
  }

  Seeded seeded_;
  Id paper_ = 0, attempt_ = 0;
};

TEST_P(ExamAttemptRepositoryTest, OnePaperPerSittingAndRegistration) {
  auto again = db().transaction([&](Transaction& tx) { return ExamPaperRepository(tx).insert(sample_paper(seeded_)); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto owner = db().read([&](Transaction& tx) { return ExamPaperRepository(tx).owner(paper_); });
  ASSERT_TRUE(owner) << owner.error().message;
  EXPECT_EQ(owner->candidate_id, seeded_.candidate);
  EXPECT_EQ(owner->choice_counts, "4442");
  EXPECT_EQ(owner->theory_starts_at, kT0);
}

TEST_P(ExamAttemptRepositoryTest, SealedPapersCannotBeChangedOrDeleted) {
  for (const char* sql : {"UPDATE exam_papers SET seal = 'x'", "DELETE FROM exam_papers"}) {
    auto r = exec(db(), sql);
    EXPECT_FALSE(r) << sql;
  }
  auto p = db().read([&](Transaction& tx) { return ExamPaperRepository(tx).find(paper_); });
  ASSERT_TRUE(p);
  EXPECT_EQ(p->seal, "ab12");
}

TEST_P(ExamAttemptRepositoryTest, OneAttemptPerPaper) {
  auto again = db().transaction([&](Transaction& tx) {
    return ExamAttemptRepository(tx).insert(running(paper_, at_ms(1000)));
  });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_P(ExamAttemptRepositoryTest, TheSameStepTwiceIsStoredOnce) {
  EXPECT_EQ(append(1, 1, 2).value(), AnswerAppend::kStored);
  EXPECT_EQ(append(1, 1, 2).value(), AnswerAppend::kAlreadyStored);
  EXPECT_EQ(append(1, 1, 3).value(), AnswerAppend::kDifferentChoice);
  auto all = db().read([&](Transaction& tx) { return ExamAttemptRepository(tx).all_answers(attempt_); });
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].choice, 2);
}

TEST_P(ExamAttemptRepositoryTest, TheHighestSequenceIsTheAnswerWhateverTheArrivalOrder) {
  ASSERT_TRUE(append(2, 7, 3));
  ASSERT_TRUE(append(2, 4, 1));  // arrives late: stored as a step, but not the answer
  ASSERT_TRUE(append(1, 5, 0));
  auto latest = db().read([&](Transaction& tx) { return ExamAttemptRepository(tx).latest_answers(attempt_); });
  ASSERT_TRUE(latest);
  ASSERT_EQ(latest->size(), 2u);
  EXPECT_EQ((*latest)[0].question_no, 1);
  EXPECT_EQ((*latest)[1].question_no, 2);
  EXPECT_EQ((*latest)[1].choice, 3);
  EXPECT_EQ((*latest)[1].sequence, 7);
  auto max = db().read([&](Transaction& tx) { return ExamAttemptRepository(tx).max_sequence(attempt_); });
  EXPECT_EQ(max.value(), 7);
}

TEST_P(ExamAttemptRepositoryTest, AnswerStepsAreAppendOnly) {
  ASSERT_TRUE(append(1, 1, 0));
  EXPECT_FALSE(exec(db(), "UPDATE exam_answers SET choice = 3"));
  EXPECT_FALSE(exec(db(), "DELETE FROM exam_answers"));
  EXPECT_FALSE(append(0, 1, 0));   // question numbers start at 1
  EXPECT_FALSE(append(1, 2, 4));   // choices are 0-3
}

TEST_P(ExamAttemptRepositoryTest, AttemptsOnlyMoveForwards) {
  auto closed = db().transaction([&](Transaction& tx) {
    return ExamAttemptRepository(tx).close(attempt_, ExamAttemptStatus::kSubmitted, at_ms(60000));
  });
  ASSERT_TRUE(closed);
  EXPECT_TRUE(*closed);
  auto twice = db().transaction([&](Transaction& tx) {
    return ExamAttemptRepository(tx).close(attempt_, ExamAttemptStatus::kTimedOut, at_ms(70000));
  });
  ASSERT_TRUE(twice);
  EXPECT_FALSE(*twice);
  EXPECT_FALSE(exec(db(), "UPDATE exam_attempts SET status = 'in_progress'"));
  EXPECT_FALSE(exec(db(), "UPDATE exam_attempts SET deadline_at = deadline_at + 60000"));
  ExamMark m{80, 80000, at_ms(61000), std::nullopt};
  ASSERT_TRUE(db().transaction([&](Transaction& tx) { return ExamAttemptRepository(tx).mark(attempt_, m); }));
  auto again = db().transaction([&](Transaction& tx) { return ExamAttemptRepository(tx).mark(attempt_, m); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto a = db().read([&](Transaction& tx) { return ExamAttemptRepository(tx).find(attempt_); });
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, ExamAttemptStatus::kSubmitted);
  EXPECT_EQ(a->score_milli, 80000);
}

TEST_P(ExamAttemptRepositoryTest, OverdueListsOnlyInProgressAttemptsPastTheirDeadline) {
  auto before = db().read([&](Transaction& tx) { return ExamAttemptRepository(tx).overdue(at_ms(1000), 10); });
  ASSERT_TRUE(before);
  EXPECT_TRUE(before->empty());
  auto after = db().read([&](Transaction& tx) {
    return ExamAttemptRepository(tx).overdue(at_ms(100 * 60 * 1000), 10);
  });
  ASSERT_TRUE(after);
  EXPECT_EQ(*after, std::vector<Id>{attempt_});
}

}  // namespace
RC_INSTANTIATE_STORE_TEST(ExamAttemptRepositoryTest);

// A batch of steps (the answer journal's group commit) gets the outcome per step that the
// one-by-one loop gives, whichever way it is written: new, stored before with the same choice or
// another, and a key twice in the batch (same choice, other choice). The multi-row INSERT is
// chunked at 1,000 rows: 2,500 new steps cross two chunk borders.
TEST_P(ExamAttemptRepositoryTest, ABatchOfStepsHasTheOutcomeOfTheLoopWhicheverMethod) {
  ASSERT_TRUE(append(1, 1, 2));
  ASSERT_TRUE(append(2, 2, 0));
  int round = 0;
  for (auto method : {AppendMethod::kOneByOne, AppendMethod::kMultiRow, AppendMethod::kAuto}) {
    const std::int64_t base = 1000 + 10000 * round++;
    std::vector<ExamAnswer> rows{
        {attempt_, 3, base, 1, kT0},      // new
        {attempt_, 1, 1, 2, kT0},         // stored before, same choice
        {attempt_, 2, 2, 3, kT0},         // stored before, another choice
        {attempt_, 4, base + 1, 0, kT0},  // new ...
        {attempt_, 4, base + 1, 0, kT0},  // ... and again in the batch, same choice
        {attempt_, 5, base + 2, 1, kT0},  // new ...
        {attempt_, 5, base + 2, 2, kT0},  // ... and again in the batch, another choice
    };
    for (int i = 0; i < 2500; ++i) rows.push_back({attempt_, 1 + i % 100, base + 3 + i, i % 2, kT0});
    auto out = db().transaction([&](Transaction& tx) { return ExamAttemptRepository(tx).append_answers(rows, method); });
    ASSERT_TRUE(out) << out.error().message;
    ASSERT_EQ(out->size(), rows.size());
    const std::vector<AnswerAppend> expected{AnswerAppend::kStored,        AnswerAppend::kAlreadyStored,
                                             AnswerAppend::kDifferentChoice, AnswerAppend::kStored,
                                             AnswerAppend::kAlreadyStored, AnswerAppend::kStored,
                                             AnswerAppend::kDifferentChoice};
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ((*out)[i], expected[i]) << "row " << i;
    for (std::size_t i = expected.size(); i < rows.size(); ++i) ASSERT_EQ((*out)[i], AnswerAppend::kStored) << i;
  }
  auto all = db().read([&](Transaction& tx) { return ExamAttemptRepository(tx).all_answers(attempt_); });
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 2u + 3 * (3 + 2500));
  auto choice_of = [&](int q, std::int64_t seq) {
    for (const auto& a : *all)
      if (a.question_no == q && a.sequence == seq) return a.choice;
    return -1;
  };
  EXPECT_EQ(choice_of(2, 2), 0);     // never overwritten
  EXPECT_EQ(choice_of(5, 11002), 1);  // the first of the two in the batch
}

}  // namespace rc::store::testing
