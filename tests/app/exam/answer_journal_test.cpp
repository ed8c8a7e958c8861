// The attempt workflow through the answer journal on both backends: start once and only by the
// owner, idempotent saves, sequence ordering, refusals after the deadline and after submit,
// resume state with the server's remaining time, marking on submit (score held, history linked),
// lazy and swept time-outs, and many threads saving at once with every acknowledged save stored.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "app/exam/answer_journal.h"
#include "app/exam/exam_attempt_state.h"
#include "exam_fixture.h"
#include "store/attempt_repository.h"
#include "store/exam_attempt_repository.h"

namespace rc::app::testing {
namespace {

class AnswerJournalTest : public ExamTest {
 protected:
  void SetUp() override {
    ExamTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    journal_ = std::make_unique<AnswerJournal>(db(), clock_, *policies_);
  }
  void TearDown() override {
    journal_.reset();
    ExamTest::TearDown();
  }
  Result<AnswerAck> save(int who, store::Id attempt, int q, std::int64_t seq, int choice) {
    return journal_->save_and_wait(candidate(who), {attempt, q, seq, choice});
  }
  std::vector<store::ExamAnswer> stored(store::Id attempt) {
    return db().read([&](store::Transaction& tx) { return store::ExamAttemptRepository(tx).all_answers(attempt); }).value();
  }
  Result<ExamAttemptState> state(int who, store::Id attempt) {
    return exam_attempt_state(db(), clock_, *policies_, candidate(who), attempt, false);
  }
  std::unique_ptr<AnswerJournal> journal_;
};

TEST_P(AnswerJournalTest, StartsOnceOnlyForTheOwnerAndOnlyInTheSession) {
  at_minute(-5);
  auto early = start_exam_attempt(db(), clock_, *policies_, candidate(0), papers_[0].id);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kWrongState);
  at_minute(3);
  auto other = start_exam_attempt(db(), clock_, *policies_, candidate(1), papers_[0].id);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kForbidden);
  auto first = start_exam_attempt(db(), clock_, *policies_, candidate(0), papers_[0].id);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(first->started_now);
  // The deadline is the session's: start + 100 minutes, not 100 minutes from a late start.
  EXPECT_EQ(first->attempt.deadline_at, kT0 + std::chrono::minutes(100));
  at_minute(10);
  auto again = start_exam_attempt(db(), clock_, *policies_, candidate(0), papers_[0].id);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->started_now);
  EXPECT_EQ(again->attempt.id, first->attempt.id);
  EXPECT_EQ(again->attempt.deadline_at, first->attempt.deadline_at);
  at_minute(100);
  auto late = start_exam_attempt(db(), clock_, *policies_, candidate(1), papers_[1].id);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kWrongState);
}

TEST_P(AnswerJournalTest, TheSameSaveTwiceIsAcknowledgedTwiceAndStoredOnce) {
  const auto a = start(0);
  auto first = save(0, a, 3, 1, 2);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_FALSE(first->repeated);
  auto second = save(0, a, 3, 1, 2);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_TRUE(second->repeated);
  EXPECT_EQ(stored(a).size(), 1u);
  auto conflicting = save(0, a, 3, 1, 1);
  ASSERT_FALSE(conflicting);
  EXPECT_EQ(conflicting.error().code, ErrorCode::kExamSequenceConflict);
  EXPECT_EQ(code_name(conflicting.error().code), "exam.sequence_conflict");
  EXPECT_EQ(stored(a).size(), 1u);
}

TEST_P(AnswerJournalTest, ALowerSequenceDoesNotOverrideTheAnswer) {
  const auto a = start(0);
  ASSERT_TRUE(save(0, a, 1, 5, 2));
  ASSERT_TRUE(save(0, a, 1, 3, 1));  // an older click arriving late
  auto s = state(0, a);
  ASSERT_TRUE(s) << s.error().message;
  ASSERT_EQ(s->answers.size(), 1u);
  EXPECT_EQ(s->answers[0].choice, 2);
  EXPECT_EQ(s->max_sequence, 5);
}

TEST_P(AnswerJournalTest, RefusesOthersAndOutOfRangeValues) {
  const auto a = start(0);
  auto other = save(1, a, 1, 1, 0);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kForbidden);
  const int n = static_cast<int>(papers_[0].choice_counts.size());
  for (auto [q, c] : std::vector<std::pair<int, int>>{{0, 0}, {n + 1, 0}, {1, 4}, {n, 2}}) {
    auto r = save(0, a, q, 1, c);
    ASSERT_FALSE(r) << q << "/" << c;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue) << q << "/" << c;
  }
  auto missing = journal_->save_and_wait(candidate(0), {a + 1000, 1, 1, 0});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(stored(a).empty());
}

TEST_P(AnswerJournalTest, ResumeStateHasEveryAnswerAndTheServersRemainingTime) {
  at_minute(1);
  const auto a = start(0);
  ASSERT_TRUE(save(0, a, 1, 1, 0));
  ASSERT_TRUE(save(0, a, 2, 2, 3));
  ASSERT_TRUE(save(0, a, 1, 3, 1));
  at_minute(40);
  auto s = state(0, a);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->remaining_seconds, 60 * 60);
  ASSERT_EQ(s->answers.size(), 2u);
  EXPECT_EQ(s->answers[0].choice, 1);
  EXPECT_EQ(s->answers[1].choice, 3);
  auto j = attempt_state_json(*s);
  EXPECT_EQ(j["next_sequence"], 4);
  EXPECT_FALSE(j.contains("score"));
  auto other = state(1, a);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kForbidden);
}

TEST_P(AnswerJournalTest, SubmitMarksHoldsTheScoreAndRecordsTheTheoryOutcome) {
  const auto a = start(0);
  const auto p = paper(0);
  std::int64_t seq = 0;
  for (std::size_t q = 0; q < p.questions.size(); ++q)  // every answer right
    ASSERT_TRUE(save(0, a, static_cast<int>(q + 1), ++seq, p.questions[q].key));
  auto done = journal_->finish_and_wait(candidate(0), a, store::ExamAttemptStatus::kSubmitted);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->status, store::ExamAttemptStatus::kSubmitted);
  EXPECT_TRUE(done->marked);
  auto after = save(0, a, 1, ++seq, 0);
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().code, ErrorCode::kExamClosed);
  auto row = db().read([&](store::Transaction& tx) { return store::ExamAttemptRepository(tx).find(a); });
  ASSERT_TRUE(row);
  EXPECT_EQ(row->score_milli, 100000);
  auto history = db().read([&](store::Transaction& tx) {
    return store::AttemptRepository(tx).list_by_registration(registrations_[0]);
  });
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].outcome, store::Outcome::kPass);
  EXPECT_EQ((*history)[0].score_milli, 100000);
  EXPECT_EQ(row->result_attempt_id, (*history)[0].id);
  auto s = state(0, a);
  ASSERT_TRUE(s);
  EXPECT_FALSE(attempt_state_json(*s).contains("score"));  // R8: not before publication
  // A second submit is refused with the exam's code; the server's time-out of it changes nothing.
  auto twice = journal_->finish_and_wait(candidate(0), a, store::ExamAttemptStatus::kSubmitted);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kExamClosed);
  auto timeout = journal_->finish_and_wait(system_actor(), a, store::ExamAttemptStatus::kTimedOut);
  ASSERT_TRUE(timeout) << timeout.error().message;
  EXPECT_FALSE(timeout->closed_now);
  EXPECT_EQ(timeout->status, store::ExamAttemptStatus::kSubmitted);
}

TEST_P(AnswerJournalTest, BelowThePassMarkFails) {
  const auto a = start(1);
  const auto p = paper(1);
  for (int q = 0; q < 59; ++q) ASSERT_TRUE(save(1, a, q + 1, q + 1, p.questions[q].key));
  ASSERT_TRUE(journal_->finish_and_wait(candidate(1), a, store::ExamAttemptStatus::kSubmitted));
  auto history = db().read([&](store::Transaction& tx) {
    return store::AttemptRepository(tx).list_by_registration(registrations_[1]);
  });
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].outcome, store::Outcome::kFail);
  EXPECT_EQ((*history)[0].score_milli, 59000);
}

TEST_P(AnswerJournalTest, AfterTheDeadlineSavesAreRefusedAndTheAttemptTimesOut) {
  const auto a = start(0);
  ASSERT_TRUE(save(0, a, 1, 1, 0));
  at_minute(100);
  auto late = save(0, a, 2, 2, 0);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kExamTimeOver);
  EXPECT_EQ(code_name(late.error().code), "exam.time_over");
  EXPECT_NE(late.error().message.find("时间已到"), std::string::npos);
  auto s = state(0, a);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->facts.attempt.status, store::ExamAttemptStatus::kTimedOut);  // lazily, by that save
  EXPECT_TRUE(s->facts.attempt.marked_at.has_value());
  EXPECT_EQ(stored(a).size(), 1u);
  // Now closed: further saves and the candidate's submit get exam.closed.
  auto closed = save(0, a, 3, 3, 0);
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, ErrorCode::kExamClosed);
  auto submit = journal_->finish_and_wait(candidate(0), a, store::ExamAttemptStatus::kSubmitted);
  ASSERT_FALSE(submit);
  EXPECT_EQ(submit.error().code, ErrorCode::kExamClosed);
  EXPECT_EQ(code_name(submit.error().code), "exam.closed");
}

TEST_P(AnswerJournalTest, TheSweepTimesOutForgottenAttempts) {
  const auto a = start(0);
  const auto b = start(1);
  ASSERT_TRUE(journal_->finish_and_wait(candidate(1), b, store::ExamAttemptStatus::kSubmitted));
  at_minute(99);
  EXPECT_EQ(journal_->sweep_and_wait().value(), 0);
  at_minute(101);
  EXPECT_EQ(journal_->sweep_and_wait().value(), 1);
  auto s = state(0, a);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->facts.attempt.status, store::ExamAttemptStatus::kTimedOut);
  EXPECT_EQ(s->remaining_seconds, 0);
}

TEST_P(AnswerJournalTest, ManyThreadsSavingAtOnceLoseNoAcknowledgedAnswer) {
  std::vector<store::Id> attempts;
  for (int i = 0; i < kCandidates; ++i) attempts.push_back(start(i));
  constexpr int kThreads = 6, kSaves = 150;
  std::atomic<int> acked{0};
  std::vector<std::thread> threads;
  std::mutex mu;
  std::vector<std::tuple<store::Id, int, std::int64_t>> acks;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const int who = t % kCandidates;
      for (int i = 0; i < kSaves; ++i) {
        // Threads of one candidate use disjoint sequences; questions cycle over the paper.
        const std::int64_t seq = 1 + (t / kCandidates) + 2 * i;
        const int q = 1 + i % 80;
        auto r = journal_->save_and_wait(candidate(who), {attempts[who], q, seq, i % 4});
        if (r) {
          ++acked;
          std::lock_guard lock(mu);
          acks.emplace_back(attempts[who], q, seq);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(acked.load(), kThreads * kSaves);
  for (int i = 0; i < kCandidates; ++i) EXPECT_EQ(stored(attempts[i]).size(), 2u * kSaves);
  for (const auto& [a, q, seq] : acks) {
    auto rows = stored(a);
    const bool found = std::any_of(rows.begin(), rows.end(), [&](const auto& r) {
      return r.question_no == q && r.sequence == seq;
    });
    ASSERT_TRUE(found) << a << " " << q << " " << seq;
  }
  EXPECT_GT(journal_->stats().largest_batch, 1u);  // the saves were group-committed
}

}  // namespace
RC_INSTANTIATE_STORE_TEST(AnswerJournalTest);
}  // namespace rc::app::testing
