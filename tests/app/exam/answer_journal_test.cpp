// The attempt workflow through the answer journal on both backends: start once and only by the
// owner, idempotent saves, sequence ordering, refusals after the deadline and after submit,
// resume state with the server's remaining time, marking on submit (score held, history linked),
// lazy and swept time-outs, and many threads saving at once with every acknowledged save stored.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <optional>
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
  // A journal that waits `gather` to fill a batch: saves sent together share one transaction.
  void use_journal(JournalOptions o) {
    journal_.reset();
    journal_ = std::make_unique<AnswerJournal>(db(), clock_, *policies_, o);
  }
  static JournalOptions gathering() {
    JournalOptions o;
    o.gather = std::chrono::milliseconds(300);
    return o;
  }
  // Queued without waiting for the answer.
  std::future<Result<AnswerAck>> save_async(int who, store::Id attempt, int q, std::int64_t seq, int choice) {
    auto p = std::make_shared<std::promise<Result<AnswerAck>>>();
    auto f = p->get_future();
    journal_->save(candidate(who), {attempt, q, seq, choice}, [p](Result<AnswerAck> r) { p->set_value(std::move(r)); });
    return f;
  }
  void sql(const std::string& text) {
    auto r = store::testing::exec(db(), text);
    ASSERT_TRUE(r) << r.error().message << "\n" << text;
  }
  bool postgres() const { return GetParam() == store::Backend::kPostgresql; }
  std::unique_ptr<AnswerJournal> journal_;
};

template <class T>
bool answered(std::future<T>& f) {
  return f.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
}

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
  journal_->wait_for_marking();  // marking runs on the marker thread, after the close's commit
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

// A statement that fails in the middle of a batch (here a trigger refusing question 77, a real
// database error) costs only that save: the batch is rolled back and retried one save per
// transaction, so the others are stored and acknowledged, and the failed one is told to retry
// and is not stored.
TEST_P(AnswerJournalTest, AStatementFailingMidBatchCostsOnlyThatSave) {
  const auto a = start(0);
  use_journal(gathering());
  if (postgres()) {
    sql("CREATE FUNCTION rc_test_refuse_77() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NEW.question_no = 77 THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$");
    sql("CREATE TRIGGER rc_test_refuse_77 BEFORE INSERT ON exam_answers FOR EACH ROW EXECUTE FUNCTION rc_test_refuse_77()");
  } else {
    sql("CREATE TRIGGER rc_test_refuse_77 BEFORE INSERT ON exam_answers WHEN NEW.question_no = 77 "
        "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
  }
  std::vector<std::future<Result<AnswerAck>>> saves;
  for (int q = 1; q <= 10; ++q) {
    saves.push_back(save_async(0, a, q, q, 0));
    if (q == 5) saves.push_back(save_async(0, a, 77, 77, 0));
  }
  int acked = 0;
  for (std::size_t i = 0; i < saves.size(); ++i) {
    ASSERT_TRUE(answered(saves[i]));
    auto r = saves[i].get();
    if (i == 5) {
      ASSERT_FALSE(r);
      EXPECT_EQ(r.error().code, ErrorCode::kStorageFailure);
    } else {
      ASSERT_TRUE(r) << i << ": " << r.error().message;
      ++acked;
    }
  }
  EXPECT_EQ(acked, 10);
  EXPECT_EQ(journal_->stats().largest_batch, 11u);  // they were one batch
  auto rows = stored(a);
  EXPECT_EQ(rows.size(), 10u);
  for (const auto& row : rows) EXPECT_NE(row.question_no, 77);
}

// A COMMIT that fails (a deferred constraint, checked only at commit) acknowledges nobody of the
// batch and stores nothing; the journal and its connections work on afterwards.
TEST_P(AnswerJournalTest, ACommitThatFailsAcknowledgesNobodyOfTheBatch) {
  const auto a = start(0);
  use_journal(gathering());
  if (postgres()) {
    sql("CREATE FUNCTION rc_test_commit_77() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NEW.question_no = 77 THEN RAISE EXCEPTION 'injected commit failure'; END IF; RETURN NULL; END $$");
    sql("CREATE CONSTRAINT TRIGGER rc_test_commit_77 AFTER INSERT ON exam_answers DEFERRABLE INITIALLY DEFERRED "
        "FOR EACH ROW EXECUTE FUNCTION rc_test_commit_77()");
  } else {
    // A deferred foreign key is checked at COMMIT (foreign_keys is on).
    sql("CREATE TABLE rc_test_parent (id INTEGER PRIMARY KEY)");
    sql("CREATE TABLE rc_test_guard (ref INTEGER REFERENCES rc_test_parent (id) DEFERRABLE INITIALLY DEFERRED)");
    sql("CREATE TRIGGER rc_test_commit_77 AFTER INSERT ON exam_answers WHEN NEW.question_no = 77 "
        "BEGIN INSERT INTO rc_test_guard VALUES (12345); END");
  }
  std::vector<std::future<Result<AnswerAck>>> saves;
  for (int q = 1; q <= 6; ++q) saves.push_back(save_async(0, a, q, q, 0));
  saves.push_back(save_async(0, a, 77, 77, 0));
  for (auto& f : saves) {
    ASSERT_TRUE(answered(f));
    auto r = f.get();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kStorageFailure);
  }
  EXPECT_TRUE(stored(a).empty());
  sql(postgres() ? "DROP TRIGGER rc_test_commit_77 ON exam_answers" : "DROP TRIGGER rc_test_commit_77");
  auto again = save(0, a, 1, 1, 0);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again->repeated);  // it was not stored the first time
  EXPECT_EQ(stored(a).size(), 1u);
}

// Backpressure: beyond max_queue every kind of job is refused at once (429), not queued.
TEST_P(AnswerJournalTest, AFullQueueRefusesAtOnce) {
  const auto a = start(0);
  auto o = gathering();
  o.max_queue = 2;
  use_journal(o);
  auto first = save_async(0, a, 1, 1, 0);
  auto second = save_async(0, a, 2, 2, 0);
  auto third = save_async(0, a, 3, 3, 0);  // the writer is still gathering the first two
  ASSERT_TRUE(answered(third));
  auto r = third.get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTooManyRequests);
  ASSERT_TRUE(answered(first) && answered(second));
  EXPECT_TRUE(first.get());
  EXPECT_TRUE(second.get());
  EXPECT_EQ(stored(a).size(), 2u);
}

// Shutdown finishes what is queued (each caller is answered, the saves are stored) and answers
// anything sent afterwards at once, whatever its kind: nobody waits for ever.
TEST_P(AnswerJournalTest, ShutdownAnswersEveryCaller) {
  const auto a = start(0);
  use_journal(gathering());
  std::vector<std::future<Result<AnswerAck>>> saves;
  for (int q = 1; q <= 5; ++q) saves.push_back(save_async(0, a, q, q, 1));
  journal_->shutdown();
  for (auto& f : saves) {
    ASSERT_TRUE(answered(f));
    EXPECT_TRUE(f.get());
  }
  EXPECT_EQ(stored(a).size(), 5u);
  auto late_save = save_async(0, a, 6, 6, 1);
  ASSERT_TRUE(answered(late_save));
  EXPECT_EQ(late_save.get().error().code, ErrorCode::kTooManyRequests);
  std::promise<Result<FinishOutcome>> fin;
  auto fin_f = fin.get_future();
  journal_->finish(candidate(0), a, store::ExamAttemptStatus::kSubmitted,
                   [&fin](Result<FinishOutcome> r) { fin.set_value(std::move(r)); });
  ASSERT_TRUE(answered(fin_f));
  EXPECT_EQ(fin_f.get().error().code, ErrorCode::kTooManyRequests);
  std::promise<Result<StartedAttempt>> st;
  auto st_f = st.get_future();
  journal_->start(candidate(1), papers_[1].id, [&st](Result<StartedAttempt> r) { st.set_value(std::move(r)); });
  ASSERT_TRUE(answered(st_f));
  EXPECT_FALSE(st_f.get());
  auto swept = std::async(std::launch::async, [&] { return journal_->sweep_and_wait(); });
  ASSERT_TRUE(answered(swept));
  EXPECT_FALSE(swept.get());
  EXPECT_EQ(stored(a).size(), 5u);
}

// A callback that throws is logged; the writer goes on answering everyone else.
TEST_P(AnswerJournalTest, AThrowingCallbackDoesNotStopTheWriter) {
  const auto a = start(0);
  journal_->save(candidate(0), {a, 1, 1, 0}, [](Result<AnswerAck>) { throw std::runtime_error("reply failed"); });
  auto next = save(0, a, 2, 2, 0);
  ASSERT_TRUE(next) << next.error().message;
  EXPECT_EQ(stored(a).size(), 2u);
}

// The sweep closes every overdue attempt, not only the first page of them.
TEST_P(AnswerJournalTest, TheSweepReadsEveryPage) {
  JournalOptions o;
  o.sweep_page = 1;
  use_journal(o);
  std::vector<store::Id> attempts;
  for (int i = 0; i < kCandidates; ++i) attempts.push_back(start(i));
  at_minute(101);
  EXPECT_EQ(journal_->sweep_and_wait().value(), kCandidates);
  for (int i = 0; i < kCandidates; ++i) {
    auto s = state(i, attempts[static_cast<std::size_t>(i)]);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->facts.attempt.status, store::ExamAttemptStatus::kTimedOut);
  }
}

// Marking runs on the marker thread, not the writer: a finish whose reply blocks (its callback
// runs on the marker) does not stop anyone's answer saves.
TEST_P(AnswerJournalTest, MarkingDoesNotHoldUpAnswerSaves) {
  const auto a = start(0);
  const auto b = start(1);
  std::promise<void> release;
  auto released = release.get_future().share();
  std::promise<Result<FinishOutcome>> finished;
  auto finished_f = finished.get_future();
  journal_->finish(candidate(1), b, store::ExamAttemptStatus::kSubmitted,
                   [released, &finished](Result<FinishOutcome> r) {
                     released.wait();  // the marker is busy until the test lets it go
                     finished.set_value(std::move(r));
                   });
  auto saved = std::async(std::launch::async, [&] { return save(0, a, 1, 1, 0); });
  ASSERT_TRUE(answered(saved)) << "a save waited for the marking of another attempt";
  EXPECT_TRUE(saved.get());
  release.set_value();
  ASSERT_TRUE(answered(finished_f));
  auto f = finished_f.get();
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_TRUE(f->marked);
  EXPECT_EQ(f->status, store::ExamAttemptStatus::kSubmitted);
}

// Saves and a submit in ONE batch keep their queue order: the save before the submit is marked,
// the one after it is refused with exam.closed and not stored.
TEST_P(AnswerJournalTest, ASubmitInTheMiddleOfABatchKeepsTheOrder) {
  const auto a = start(0);
  const auto p = paper(0);
  use_journal(gathering());
  auto before = save_async(0, a, 1, 1, p.questions[0].key);
  std::promise<Result<FinishOutcome>> fin;
  auto fin_f = fin.get_future();
  journal_->finish(candidate(0), a, store::ExamAttemptStatus::kSubmitted,
                   [&fin](Result<FinishOutcome> r) { fin.set_value(std::move(r)); });
  auto after = save_async(0, a, 2, 2, p.questions[1].key);
  ASSERT_TRUE(answered(before) && answered(fin_f) && answered(after));
  EXPECT_TRUE(before.get());
  auto f = fin_f.get();
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_TRUE(f->closed_now);
  EXPECT_TRUE(f->marked);
  auto refused = after.get();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kExamClosed);
  EXPECT_EQ(journal_->stats().largest_batch, 3u);
  EXPECT_EQ(stored(a).size(), 1u);
  auto row = db().read([&](store::Transaction& tx) { return store::ExamAttemptRepository(tx).find(a); });
  ASSERT_TRUE(row);
  EXPECT_EQ(row->score_milli, 1000);  // one right answer: the one saved before the submit
  EXPECT_EQ(row->status, store::ExamAttemptStatus::kSubmitted);
}

// Auto-submit at time-out, by the periodic sweep, on the injected clock: nobody asks, yet the
// attempt is closed as timed out and marked, with its answers, and the theory outcome recorded.
TEST_P(AnswerJournalTest, ThePeriodicSweepTimesOutAndMarksOnTheServersClock) {
  JournalOptions o;
  o.sweep_every = std::chrono::milliseconds(20);
  use_journal(o);
  const auto a = start(0);
  const auto p = paper(0);
  for (int q = 0; q < 70; ++q) ASSERT_TRUE(save(0, a, q + 1, q + 1, p.questions[static_cast<std::size_t>(q)].key));
  at_minute(99);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // several sweeps: not yet due
  EXPECT_EQ(state(0, a)->facts.attempt.status, store::ExamAttemptStatus::kInProgress);
  at_minute(100);  // the deadline
  std::optional<store::ExamAttempt> row;
  for (int i = 0; i < 500; ++i) {
    auto r = db().read([&](store::Transaction& tx) { return store::ExamAttemptRepository(tx).find(a); });
    ASSERT_TRUE(r);
    if (r->marked_at) {
      row = *r;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(row) << "not timed out and marked within 10 s";
  EXPECT_EQ(row->status, store::ExamAttemptStatus::kTimedOut);
  EXPECT_EQ(row->score_milli, 70000);
  auto history = db().read([&](store::Transaction& tx) {
    return store::AttemptRepository(tx).list_by_registration(registrations_[0]);
  });
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].outcome, store::Outcome::kPass);
  EXPECT_GE(journal_->stats().marked, 1u);
}

// A submit at the deadline (the page's timer a little late) closes the attempt as timed out.
TEST_P(AnswerJournalTest, ASubmitAfterTheDeadlineClosesAsTimedOut) {
  const auto a = start(0);
  at_minute(100);
  auto f = journal_->finish_and_wait(candidate(0), a, store::ExamAttemptStatus::kSubmitted);
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_EQ(f->status, store::ExamAttemptStatus::kTimedOut);
  EXPECT_TRUE(f->closed_now);
  EXPECT_TRUE(f->marked);
}

}  // namespace
RC_INSTANTIATE_STORE_TEST(AnswerJournalTest);
}  // namespace rc::app::testing
