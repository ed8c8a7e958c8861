#pragma once
// AnswerJournal: the one writer of theory-exam attempts while the server runs (F10). Every
// answer is acknowledged only after the transaction that stores it has committed (SQLite: WAL,
// synchronous=FULL; PostgreSQL: COMMIT), and thousands of candidates answering at once must not
// cost one fsync each: saves are GROUP-COMMITTED. Callers enqueue and return at once; one writer
// thread takes everything queued (up to max_batch, optionally waiting `gather` to fill a batch),
// checks each save against its attempt (owner, state, deadline, question and choice ranges; the
// attempt's facts are cached in memory, so a save costs no read), appends the steps in ONE
// transaction, commits, and only then calls each caller back. If the commit fails nobody is
// acknowledged; if one statement fails the batch is retried one save per transaction.
//
// Starts are batched the same way (a room starting together). Submits and time-outs go through the same queue, so they are ordered with the saves: a save
// queued before a submit is in the marked answers, one queued after it is refused. The writer
// also times attempts out: lazily when a save arrives after the deadline, and by a sweep every
// `sweep_every` (and on sweep_and_wait()).
//
// Callbacks run on the writer thread and must be quick (send a reply, set a promise) and must not
// wait for the journal (deadlock); one that throws is logged and the writer goes on.
// Memory is bounded: at most max_queue jobs of any kind wait (beyond it, and once shutdown() has
// begun, a job is answered at once with kTooManyRequests: every caller always hears back), and at
// most max_cached_attempts attempts' facts are cached.
// Thread safety: every member may be called from any thread. shutdown() (and the destructor)
// refuses new jobs, finishes what is queued, then stops the thread. REQUIRES: db, clock and
// policies outlive the journal.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "app/exam/exam_attempt_facts.h"
#include "app/exam/finish_exam_attempt.h"
#include "app/exam/start_exam_attempt.h"
#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "store/database.h"

namespace rc::app {

struct AnswerAck {
  store::Id attempt_id = 0;
  int question_no = 0;
  std::int64_t sequence = 0;
  bool repeated = false;  // this exact step was stored before (a retry): acknowledged again
};

using AckCallback = std::function<void(Result<AnswerAck>)>;
using StartCallback = std::function<void(Result<StartedAttempt>)>;
using FinishCallback = std::function<void(Result<FinishOutcome>)>;

struct JournalOptions {
  std::size_t max_batch = 4096;
  std::chrono::microseconds gather{0};  // 0: take what is queued (batches grow with the load)
  std::size_t max_queue = 100000;       // beyond it saves are refused at once (kTooManyRequests)
  std::chrono::milliseconds sweep_every{std::chrono::seconds(30)};
  std::size_t max_cached_attempts = 200000;
  std::size_t sweep_page = 1000;  // overdue attempts read per query; the sweep reads every page
};

struct JournalStats {
  std::uint64_t batches = 0;
  std::uint64_t stored = 0;
  std::uint64_t refused = 0;
  std::uint64_t largest_batch = 0;
};

class AnswerJournal {
 public:
  AnswerJournal(store::Database& db, const Clock& clock, const PolicyCatalog& policies, JournalOptions options = {});
  ~AnswerJournal();
  AnswerJournal(const AnswerJournal&) = delete;
  AnswerJournal& operator=(const AnswerJournal&) = delete;

  // Refusals: kForbidden (not the actor's attempt), kNotFound, kExamClosed (submitted or timed
  // out), kExamTimeOver (past the deadline, R6), kInvalidValue (question, choice, sequence),
  // kExamSequenceConflict (this step was stored with another choice; the same choice again is
  // acknowledged again), kTooManyRequests (queue full), kStorageFailure (not stored: retry).
  void save(const Actor& actor, const AnswerSave& save, AckCallback done);
  // Starts (or finds the running) attempt of a paper (start_exam_attempt): when a whole room
  // starts together, the starts share commits too.
  void start(const Actor& actor, store::Id paper_id, StartCallback done);
  // Submit (to = kSubmitted) or time-out, after every save queued before it; then marks.
  void finish(const Actor& actor, store::Id attempt_id, store::ExamAttemptStatus to, FinishCallback done);

  [[nodiscard]] Result<AnswerAck> save_and_wait(const Actor& actor, const AnswerSave& save);
  [[nodiscard]] Result<FinishOutcome> finish_and_wait(const Actor& actor, store::Id attempt_id,
                                                      store::ExamAttemptStatus to);
  // Times out every in-progress attempt past its deadline now; how many.
  [[nodiscard]] Result<int> sweep_and_wait();

  JournalStats stats() const;
  // Refuses new jobs, finishes every queued one (each caller is answered), stops the writer.
  // Idempotent; the destructor calls it.
  void shutdown();

 private:
  struct Job {
    enum class Kind { kSave, kStart, kFinish, kSweep } kind = Kind::kSave;
    Actor actor;
    AnswerSave save;
    std::chrono::system_clock::time_point received;  // the server's time when the answer arrived
    store::ExamAttemptStatus to = store::ExamAttemptStatus::kSubmitted;
    AckCallback ack;
    StartCallback started;
    FinishCallback finished;
    std::function<void(Result<int>)> swept;
  };
  void enqueue(Job job);
  static void refuse(Job& job, const Error& why);
  void run();
  void process(std::vector<Job>& jobs);
  void write_saves(Job* first, std::size_t n);
  void write_starts(Job* first, std::size_t n);
  bool try_starts(Job* first, std::size_t n, Result<StartedAttempt>* results);
  bool try_batch(Job* first, std::size_t n, std::vector<Result<AnswerAck>>& results,
                 std::vector<store::Id>& overdue);
  Result<const AttemptFacts*> facts_for(store::Transaction& tx, store::Id attempt_id);
  void run_finish(Job& job);
  Result<int> sweep();

  store::Database& db_;
  const Clock& clock_;
  const PolicyCatalog& policies_;
  JournalOptions options_;
  std::unordered_map<store::Id, AttemptFacts> facts_;  // writer thread only

  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::once_flag shutdown_once_;
  JournalStats stats_;
  std::thread writer_;
};

}  // namespace rc::app
