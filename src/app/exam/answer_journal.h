#pragma once
// AnswerJournal: the one writer of theory-exam attempts while the server runs (F10). Every
// answer is acknowledged only after the transaction that stores it has committed (SQLite: WAL,
// synchronous=FULL; PostgreSQL: COMMIT), and thousands of candidates answering at once must not
// cost one fsync each: saves are GROUP-COMMITTED. Callers enqueue and return at once; one writer
// thread takes everything queued (up to max_batch, optionally waiting `gather` to fill a batch),
// checks each save against its attempt (owner, state, deadline, question and choice ranges; the
// attempt's facts are cached in memory, so a save costs no read), appends the steps in ONE
// transaction, commits, and only then calls each caller back. If the commit fails nobody is
// acknowledged; if one statement fails the batch is retried one job per transaction.
//
// Starts are batched the same way (a room starting together). Submits and time-outs go through
// the same queue and the same transactions as the saves, so they are ordered with them: a save
// queued before a submit is in the marked answers, one queued after it is refused (exam.closed).
// The writer only CLOSES attempts (one UPDATE and an audit row in the batch's commit); MARKING
// (the paper's seal checked, the answers scored, the history row written) runs on a second
// thread, the marker, after that commit, several attempts per transaction: a wave of submits or
// a whole room timing out does not delay anyone's answer saves. A submit is answered once its
// attempt is marked ("marked": true). Attempts time out lazily (a save arriving after the
// deadline closes its attempt in the same commit that refuses it, exam.time_over) and by a sweep
// every `sweep_every` (and on sweep_and_wait()), queued behind the saves already waiting.
//
// Callbacks run on the writer or the marker thread and must be quick (send a reply, set a
// promise) and must not wait for the journal (deadlock); one that throws is logged and the
// thread goes on. Memory is bounded: at most max_queue jobs of any kind wait (beyond it, and once
// shutdown() has begun, a job is answered at once with kTooManyRequests: every caller always
// hears back); the marker's queue holds at most one entry per closed attempt; at most
// max_cached_attempts attempts' facts are cached.
// Thread safety: every member may be called from any thread. shutdown() (and the destructor)
// refuses new jobs, finishes what is queued (writer, then marker), then stops both threads.
// REQUIRES: db, clock and policies outlive the journal.

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
  std::size_t max_queue = 100000;       // beyond it jobs are refused at once (kTooManyRequests)
  std::chrono::milliseconds sweep_every{std::chrono::seconds(30)};
  std::size_t max_cached_attempts = 200000;
  std::size_t sweep_page = 1000;  // overdue attempts read per query; the sweep reads every page
  std::size_t mark_batch = 64;    // attempts marked in one transaction by the marker
};

struct JournalStats {
  std::uint64_t batches = 0;
  std::uint64_t stored = 0;
  std::uint64_t refused = 0;
  std::uint64_t largest_batch = 0;
  std::uint64_t marked = 0;  // attempts marked by its marker
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
  // Submit (to = kSubmitted) or time-out, after every save queued before it; answered after the
  // marking (on the marker thread). A candidate's submit of a closed attempt: kExamClosed; the
  // system's time-out of one changes nothing (closed_now false).
  void finish(const Actor& actor, store::Id attempt_id, store::ExamAttemptStatus to, FinishCallback done);

  [[nodiscard]] Result<AnswerAck> save_and_wait(const Actor& actor, const AnswerSave& save);
  [[nodiscard]] Result<FinishOutcome> finish_and_wait(const Actor& actor, store::Id attempt_id,
                                                      store::ExamAttemptStatus to);
  // Times out every in-progress attempt past its deadline now, and marks them; how many closed.
  [[nodiscard]] Result<int> sweep_and_wait();
  // Returns once every attempt closed before the call has been through the marker.
  void wait_for_marking();

  JournalStats stats() const;
  // Refuses new jobs, finishes every queued one (each caller is answered, every closed attempt
  // marked), stops both threads. Idempotent; the destructor calls it.
  void shutdown();

 private:
  struct Job {
    enum class Kind { kSave, kStart, kFinish, kSweep } kind = Kind::kSave;
    Actor actor;
    AnswerSave save;
    std::chrono::system_clock::time_point received;  // the server's time when the job arrived
    store::ExamAttemptStatus to = store::ExamAttemptStatus::kSubmitted;
    AckCallback ack;
    StartCallback started;
    FinishCallback finished;
    std::function<void(Result<int>)> swept;
  };
  // An attempt closed by a committed batch, for the marker; `done` answers the finish that
  // closed it (none for a time-out found by a save or the sweep). A job with only `barrier` set
  // answers once everything before it was marked.
  struct MarkJob {
    store::Id attempt_id = 0;
    std::chrono::system_clock::time_point at;
    FinishOutcome outcome;
    FinishCallback done;
    std::function<void()> barrier;
  };
  struct BatchResults;

  void enqueue(Job job);
  static void refuse(Job& job, const Error& why);
  void run();
  void process(std::vector<Job>& jobs);
  // Saves and finishes, in queue order, in one transaction; returns how many attempts it closed.
  int write_batch(Job* first, std::size_t n);
  bool try_batch(Job* first, std::size_t n, BatchResults& out);
  void write_starts(Job* first, std::size_t n);
  bool try_starts(Job* first, std::size_t n, Result<StartedAttempt>* results);
  Result<AttemptFacts*> facts_for(store::Transaction& tx, store::Id attempt_id);
  Result<int> sweep();

  void to_marker(std::vector<MarkJob> jobs);
  void run_marker();
  void mark(std::vector<MarkJob>& jobs);

  store::Database& db_;
  const Clock& clock_;
  const PolicyCatalog& policies_;
  JournalOptions options_;
  std::unordered_map<store::Id, AttemptFacts> facts_;  // writer thread only

  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  JournalStats stats_;
  std::once_flag shutdown_once_;

  std::mutex mark_mu_;
  std::condition_variable mark_wake_;
  std::deque<MarkJob> marks_;
  bool mark_stopping_ = false;

  std::thread marker_;
  std::thread writer_;
};

}  // namespace rc::app
