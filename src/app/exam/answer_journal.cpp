#include "app/exam/answer_journal.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <future>

#include "store/exam_attempt_repository.h"

namespace rc::app {
namespace {

Error not_stored(const Error& cause) {
  return make_error(ErrorCode::kStorageFailure, "answer", "答案未能保存，请重试（" + cause.message + "）");
}

Error not_closed(const Error& cause) {
  return make_error(ErrorCode::kStorageFailure, "attempt", "未能交卷，请重试（" + cause.message + "）");
}

// A callback that throws must not take its thread (and every later waiter) with it.
template <class F, class... R>
void deliver(F& callback, R&&... result) noexcept {
  if (!callback) return;
  try {
    callback(std::forward<R>(result)...);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rescuecert: answer journal callback threw: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "rescuecert: answer journal callback threw\n");
  }
}

}  // namespace

// What one transaction of saves and finishes decided, per job (index into the batch).
struct AnswerJournal::BatchResults {
  explicit BatchResults(std::size_t n)
      : acks(n, fail(ErrorCode::kStorageFailure, "answer", "答案未能保存，请重试")),
        finishes(n, fail(ErrorCode::kStorageFailure, "attempt", "未能交卷，请重试")) {}
  std::vector<Result<AnswerAck>> acks;
  std::vector<Result<FinishOutcome>> finishes;
  static constexpr std::size_t kNoJob = static_cast<std::size_t>(-1);
  struct Closing {
    store::Id attempt_id;
    std::chrono::system_clock::time_point at;
    std::size_t job;  // the finish that asked, or npos (a time-out found by a save or the sweep)
  };
  std::vector<Closing> closing;  // closed (or found closed, unmarked) in this transaction
  int closed_now = 0;
};

AnswerJournal::AnswerJournal(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                             JournalOptions options)
    : db_(db), clock_(clock), policies_(policies), options_(options) {
  marker_ = std::thread([this] { run_marker(); });
  writer_ = std::thread([this] { run(); });
}

AnswerJournal::~AnswerJournal() { shutdown(); }

void AnswerJournal::shutdown() {
  std::call_once(shutdown_once_, [this] {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    wake_.notify_all();
    writer_.join();  // the queue is drained: the marker gets nothing more
    {
      std::lock_guard lock(mark_mu_);
      mark_stopping_ = true;
    }
    mark_wake_.notify_all();
    marker_.join();
  });
}

void AnswerJournal::save(const Actor& actor, const AnswerSave& save, AckCallback done) {
  Job job;
  job.actor = actor;
  job.save = save;
  job.received = clock_.now();
  job.ack = std::move(done);
  enqueue(std::move(job));
}

void AnswerJournal::start(const Actor& actor, store::Id paper_id, StartCallback done) {
  Job job;
  job.kind = Job::Kind::kStart;
  job.actor = actor;
  job.save.attempt_id = paper_id;  // the paper, for a start
  job.received = clock_.now();
  job.started = std::move(done);
  enqueue(std::move(job));
}

void AnswerJournal::finish(const Actor& actor, store::Id attempt_id, store::ExamAttemptStatus to,
                           FinishCallback done) {
  Job job;
  job.kind = Job::Kind::kFinish;
  job.actor = actor;
  job.save.attempt_id = attempt_id;
  job.to = to;
  job.received = clock_.now();
  job.finished = std::move(done);
  enqueue(std::move(job));
}

// Queues a job, or answers it at once when the journal is stopping or its queue is full: the
// check and the push are one step under the lock, so no job is left in a queue that nobody will
// take (a waiter would hang for ever) and the bound holds for every kind of job.
void AnswerJournal::enqueue(Job job) {
  std::unique_lock lock(mu_);
  if (stopping_ || queue_.size() >= options_.max_queue) {
    const bool stopping = stopping_;
    ++stats_.refused;
    lock.unlock();
    refuse(job, make_error(ErrorCode::kTooManyRequests, "answer",
                           stopping ? "服务器正在停止，本次操作未执行，请稍后重试" : "服务器繁忙，本次操作未执行，请稍后重试"));
    return;
  }
  queue_.push_back(std::move(job));
  lock.unlock();
  wake_.notify_one();
}

void AnswerJournal::refuse(Job& job, const Error& why) {
  switch (job.kind) {
    case Job::Kind::kSave:
      return deliver(job.ack, Result<AnswerAck>(fail(why)));
    case Job::Kind::kStart:
      return deliver(job.started, Result<StartedAttempt>(fail(why)));
    case Job::Kind::kFinish:
      return deliver(job.finished, Result<FinishOutcome>(fail(why)));
    case Job::Kind::kSweep:
      return deliver(job.swept, Result<int>(fail(why)));
  }
}

Result<AnswerAck> AnswerJournal::save_and_wait(const Actor& actor, const AnswerSave& s) {
  std::promise<Result<AnswerAck>> p;
  auto f = p.get_future();
  save(actor, s, [&p](Result<AnswerAck> r) { p.set_value(std::move(r)); });
  return f.get();
}

Result<FinishOutcome> AnswerJournal::finish_and_wait(const Actor& actor, store::Id attempt_id,
                                                     store::ExamAttemptStatus to) {
  std::promise<Result<FinishOutcome>> p;
  auto f = p.get_future();
  finish(actor, attempt_id, to, [&p](Result<FinishOutcome> r) { p.set_value(std::move(r)); });
  return f.get();
}

Result<int> AnswerJournal::sweep_and_wait() {
  std::promise<Result<int>> p;
  auto f = p.get_future();
  Job job;
  job.kind = Job::Kind::kSweep;
  job.swept = [&p](Result<int> r) { p.set_value(std::move(r)); };
  enqueue(std::move(job));
  return f.get();
}

void AnswerJournal::wait_for_marking() {
  std::promise<void> p;
  auto f = p.get_future();
  MarkJob barrier;
  barrier.barrier = [&p] { p.set_value(); };
  std::vector<MarkJob> one;
  one.push_back(std::move(barrier));
  to_marker(std::move(one));
  f.wait();
}

JournalStats AnswerJournal::stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

// The writer: sleeps until work arrives or the sweep is due, then takes everything queued. The
// periodic sweep is queued behind what is already waiting, so a save the server received before
// the deadline is stored before the sweep closes its attempt.
void AnswerJournal::run() {
  auto next_sweep = std::chrono::steady_clock::now() + options_.sweep_every;
  std::vector<Job> jobs;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      wake_.wait_until(lock, next_sweep, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty() && stopping_) return;
      if (!stopping_ && std::chrono::steady_clock::now() >= next_sweep) {
        Job sweep_job;
        sweep_job.kind = Job::Kind::kSweep;  // no waiter: a failed sweep is retried at the next one
        queue_.push_back(std::move(sweep_job));
        next_sweep = std::chrono::steady_clock::now() + options_.sweep_every;
      }
      if (!queue_.empty() && options_.gather.count() > 0 && queue_.size() < options_.max_batch && !stopping_) {
        wake_.wait_for(lock, options_.gather, [&] { return stopping_ || queue_.size() >= options_.max_batch; });
      }
      const std::size_t n = std::min(queue_.size(), options_.max_batch);
      jobs.clear();
      for (std::size_t i = 0; i < n; ++i) {
        jobs.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    if (!jobs.empty()) process(jobs);
  }
}

// In queue order; consecutive saves and finishes share one transaction, consecutive starts another.
void AnswerJournal::process(std::vector<Job>& jobs) {
  const auto writes = [](Job::Kind k) { return k == Job::Kind::kSave || k == Job::Kind::kFinish; };
  std::size_t i = 0;
  while (i < jobs.size()) {
    const auto kind = jobs[i].kind;
    if (writes(kind)) {
      std::size_t j = i;
      while (j < jobs.size() && writes(jobs[j].kind)) ++j;
      (void)write_batch(&jobs[i], j - i);
      i = j;
    } else if (kind == Job::Kind::kStart) {
      std::size_t j = i;
      while (j < jobs.size() && jobs[j].kind == kind) ++j;
      write_starts(&jobs[i], j - i);
      i = j;
    } else {
      auto r = sweep();
      auto& job = jobs[i++];
      if (!job.swept) continue;
      if (!r) {
        deliver(job.swept, std::move(r));
        continue;
      }
      // Answered once the attempts it closed are marked (the marker takes them in order).
      MarkJob barrier;
      barrier.barrier = [done = std::move(job.swept), n = *r]() mutable { deliver(done, Result<int>(n)); };
      std::vector<MarkJob> one;
      one.push_back(std::move(barrier));
      to_marker(std::move(one));
    }
  }
}

Result<AttemptFacts*> AnswerJournal::facts_for(store::Transaction& tx, store::Id attempt_id) {
  if (auto it = facts_.find(attempt_id); it != facts_.end()) return &it->second;
  auto loaded = load_attempt_facts(tx, policies_, attempt_id);
  if (!loaded) return fail(loaded.error());
  if (facts_.size() >= options_.max_cached_attempts) facts_.clear();  // rare; reloads are cheap
  return &facts_.emplace(attempt_id, std::move(*loaded)).first->second;
}

// One transaction for n saves and finishes, in order. A finish closes its attempt here (the
// cached facts say so at once, so a later save of the same batch is refused); marking waits for
// the commit. False when a statement failed: the transaction is rolled back, `out` is to be
// thrown away and the cache may hold closes that never happened (the caller clears it).
bool AnswerJournal::try_batch(Job* first, std::size_t n, BatchResults& out) {
  auto tx = db_.begin();
  if (!tx) {
    for (auto& r : out.acks) r = fail(not_stored(tx.error()));
    for (auto& r : out.finishes) r = fail(not_closed(tx.error()));
    return true;  // nothing was attempted: each caller is told to retry
  }
  store::ExamAttemptRepository answers(*tx);
  const auto saved_at = to_timestamp(clock_.now());
  std::vector<store::ExamAnswer> rows;  // the accepted saves, written together after the checks
  std::vector<std::size_t> row_job;
  for (std::size_t i = 0; i < n; ++i) {
    const Job& job = first[i];
    const bool is_finish = job.kind == Job::Kind::kFinish;
    auto refuse_job = [&](Error e) {
      if (is_finish) out.finishes[i] = fail(std::move(e));
      else out.acks[i] = fail(std::move(e));
    };
    auto facts = facts_for(*tx, job.save.attempt_id);
    if (!facts) {
      if (facts.error().code == ErrorCode::kStorageFailure) return false;
      refuse_job(facts.error());
      continue;
    }
    AttemptFacts& f = **facts;
    if (auto own = require_attempt_owner(job.actor, f); !own) {
      refuse_job(own.error());
      continue;
    }
    if (is_finish) {
      if (f.attempt.status != store::ExamAttemptStatus::kInProgress) {
        if (job.actor.user_id != 0 && job.to == store::ExamAttemptStatus::kSubmitted) {
          refuse_job(closed_attempt_error(f.attempt.status));
        } else {  // the system's time-out of a closed attempt: nothing to do but mark it if needed
          out.finishes[i] = FinishOutcome{job.save.attempt_id, f.attempt.status, false, f.attempt.marked_at.has_value()};
          if (!f.attempt.marked_at) out.closing.push_back({job.save.attempt_id, job.received, i});
        }
        continue;
      }
      // Past the deadline the attempt times out, whoever asks: a late submit cannot add time.
      const auto target =
          exam::timed_out(f.window, job.received) ? store::ExamAttemptStatus::kTimedOut : job.to;
      auto closed = close_exam_attempt_in(*tx, job.actor, job.save.attempt_id, target, job.received);
      if (!closed) return false;
      f.attempt.status = target;  // stale if *closed is false: the cache entry goes after the commit
      out.finishes[i] = FinishOutcome{job.save.attempt_id, target, *closed, false};
      out.closing.push_back({job.save.attempt_id, job.received, i});
      if (*closed) ++out.closed_now;
      continue;
    }
    if (auto allowed = check_answer_save(f, job.save, job.received); !allowed) {
      if (allowed.error().code == ErrorCode::kExamTimeOver && f.attempt.status == store::ExamAttemptStatus::kInProgress) {
        // Timed out lazily, in the commit that refuses this save: whoever hears "time is over"
        // then finds the attempt closed.
        auto closed = close_exam_attempt_in(*tx, system_actor(), job.save.attempt_id,
                                            store::ExamAttemptStatus::kTimedOut, job.received);
        if (!closed) return false;
        f.attempt.status = store::ExamAttemptStatus::kTimedOut;
        out.closing.push_back({job.save.attempt_id, job.received, BatchResults::kNoJob});
        if (*closed) ++out.closed_now;
      }
      out.acks[i] = fail(allowed.error());
      continue;
    }
    rows.push_back({job.save.attempt_id, job.save.question_no, job.save.sequence, job.save.choice, saved_at});
    row_job.push_back(i);
  }
  // One multi-row INSERT on PostgreSQL, the statement loop on SQLite (faster there: bench/README.md).
  if (!rows.empty()) {
    auto appended = answers.append_answers(rows);
    if (!appended) return false;
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const std::size_t i = row_job[k];
      if ((*appended)[k] == store::AnswerAppend::kDifferentChoice) {
        out.acks[i] = fail(ErrorCode::kExamSequenceConflict, "sequence", "该答题序号已保存了另一个选项，请使用新的序号重新保存");
        continue;
      }
      out.acks[i] = AnswerAck{rows[k].attempt_id, rows[k].question_no, rows[k].sequence,
                              (*appended)[k] == store::AnswerAppend::kAlreadyStored};
    }
  }
  if (auto c = tx->commit(); !c) {
    facts_.clear();  // closes that did not happen
    for (auto& r : out.acks)
      if (r) r = fail(not_stored(c.error()));
    for (auto& r : out.finishes)
      if (r) r = fail(not_closed(c.error()));
    out.closing.clear();
    out.closed_now = 0;
  }
  return true;
}

int AnswerJournal::write_batch(Job* first, std::size_t n) {
  BatchResults results(n);
  if (!try_batch(first, n, results)) {
    // One bad statement must not cost the others their answers: one transaction each.
    facts_.clear();
    results = BatchResults(n);
    for (std::size_t i = 0; i < n; ++i) {
      BatchResults one(1);
      if (!try_batch(first + i, 1, one)) {
        facts_.clear();
        continue;  // stays "not stored, retry"
      }
      results.acks[i] = std::move(one.acks[0]);
      results.finishes[i] = std::move(one.finishes[0]);
      // In a batch of one, job 0 is job i.
      for (auto c : one.closing)
        results.closing.push_back({c.attempt_id, c.at, c.job == BatchResults::kNoJob ? c.job : i});
      results.closed_now += one.closed_now;
    }
  }
  std::uint64_t stored = 0, refused = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (first[i].kind != Job::Kind::kSave) continue;
    (results.acks[i] ? stored : refused)++;
  }
  {
    std::lock_guard lock(mu_);
    ++stats_.batches;
    stats_.stored += stored;
    stats_.refused += refused;
    stats_.largest_batch = std::max<std::uint64_t>(stats_.largest_batch, n);
  }
  // Committed closes go to the marker BEFORE anyone hears back, so that wait_for_marking() after
  // an answer covers them; the finishes that asked are answered by the marker.
  std::vector<bool> answered_by_marker(n, false);
  std::vector<MarkJob> marks;
  for (const auto& c : results.closing) {
    facts_.erase(c.attempt_id);  // reloaded with its stored state on the next save
    MarkJob m;
    m.attempt_id = c.attempt_id;
    m.at = c.at;
    if (c.job < n) {  // otherwise a time-out nobody waits for: no outcome to answer with
      m.outcome = *results.finishes[c.job];
      m.done = std::move(first[c.job].finished);
      answered_by_marker[c.job] = true;
    }
    marks.push_back(std::move(m));
  }
  if (!marks.empty()) to_marker(std::move(marks));
  for (std::size_t i = 0; i < n; ++i) {
    if (first[i].kind == Job::Kind::kSave) deliver(first[i].ack, std::move(results.acks[i]));
    else if (!answered_by_marker[i]) deliver(first[i].finished, std::move(results.finishes[i]));
  }
  return results.closed_now;
}

bool AnswerJournal::try_starts(Job* first, std::size_t n, Result<StartedAttempt>* results) {
  auto tx = db_.begin();
  if (!tx) {
    for (std::size_t i = 0; i < n; ++i) results[i] = fail(tx.error());
    return true;
  }
  for (std::size_t i = 0; i < n; ++i) {
    auto r = start_exam_attempt_in(*tx, policies_, first[i].actor, first[i].save.attempt_id, first[i].received);
    // A failed statement (a start racing the page's own) spoils the transaction on PostgreSQL.
    if (!r && (r.error().code == ErrorCode::kStorageFailure || r.error().code == ErrorCode::kConflict)) return false;
    results[i] = std::move(r);
  }
  if (auto c = tx->commit(); !c)
    for (std::size_t i = 0; i < n; ++i)
      if (results[i]) results[i] = fail(c.error());
  return true;
}

void AnswerJournal::write_starts(Job* first, std::size_t n) {
  const auto retry = [] { return fail(ErrorCode::kStorageFailure, "paper", "未能开始作答，请重试"); };
  std::vector<Result<StartedAttempt>> results(n, retry());
  if (!try_starts(first, n, results.data())) {
    for (std::size_t i = 0; i < n; ++i) {
      results[i] = retry();
      // Twice: a start that lost the race to the page's own finds the attempt on the second pass.
      if (!try_starts(first + i, 1, &results[i]) && !try_starts(first + i, 1, &results[i])) results[i] = retry();
    }
  }
  for (std::size_t i = 0; i < n; ++i) deliver(first[i].started, std::move(results[i]));
}

// Every overdue attempt, a page at a time (a whole exam day times out at once: 30,000 attempts,
// not the first page only), closed in group commits like submits. Stops when a page closes
// nothing (a storage failure: the next sweep tries again) so that it never loops on an attempt
// it cannot close.
Result<int> AnswerJournal::sweep() {
  const auto now = clock_.now();
  const int page = static_cast<int>(std::max<std::size_t>(1, options_.sweep_page));
  int closed = 0;
  for (;;) {
    auto due = db_.read([&](store::Transaction& tx) {
      return store::ExamAttemptRepository(tx).overdue(to_timestamp(now), page);
    });
    if (!due) return fail(due.error());
    std::vector<Job> jobs;
    jobs.reserve(due->size());
    for (store::Id id : *due) {
      Job job;
      job.kind = Job::Kind::kFinish;
      job.actor = system_actor();
      job.save.attempt_id = id;
      job.to = store::ExamAttemptStatus::kTimedOut;
      job.received = now;
      jobs.push_back(std::move(job));
    }
    int progress = 0;
    for (std::size_t i = 0; i < jobs.size(); i += options_.max_batch)
      progress += write_batch(&jobs[i], std::min(options_.max_batch, jobs.size() - i));
    closed += progress;
    if (static_cast<int>(due->size()) < page || progress == 0) break;
  }
  return closed;
}

// --- the marker ----------------------------------------------------------------------------------

void AnswerJournal::to_marker(std::vector<MarkJob> jobs) {
  std::unique_lock lock(mark_mu_);
  if (mark_stopping_) {  // only after shutdown() (the writer has stopped): answer, never hang
    lock.unlock();
    for (auto& j : jobs) {
      deliver(j.barrier);
      deliver(j.done, Result<FinishOutcome>(j.outcome));
    }
    return;
  }
  for (auto& j : jobs) marks_.push_back(std::move(j));
  lock.unlock();
  mark_wake_.notify_one();
}

void AnswerJournal::run_marker() {
  std::vector<MarkJob> jobs;
  for (;;) {
    {
      std::unique_lock lock(mark_mu_);
      mark_wake_.wait(lock, [&] { return mark_stopping_ || !marks_.empty(); });
      if (marks_.empty() && mark_stopping_) return;
      jobs.clear();
      const std::size_t n = std::min(marks_.size(), std::max<std::size_t>(1, options_.mark_batch));
      for (std::size_t i = 0; i < n; ++i) {
        jobs.push_back(std::move(marks_.front()));
        marks_.pop_front();
      }
    }
    mark(jobs);
  }
}

// Marks the attempts of `jobs` in one transaction; when one fails (a paper that fails its seal, a
// storage error) each is marked in its own, so that one bad paper does not leave the others
// unmarked. A marking failure leaves the attempt closed and unmarked (answers are never lost by
// it) and is logged; the finish is still answered, with marked false.
void AnswerJournal::mark(std::vector<MarkJob>& jobs) {
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < jobs.size(); ++i)
    if (!jobs[i].barrier) todo.push_back(i);
  std::vector<bool> marked(jobs.size(), false);
  bool together = false;
  if (todo.size() > 1) {
    auto all = db_.transaction([&](store::Transaction& tx) -> Result<void> {
      for (std::size_t i : todo)
        if (auto m = mark_exam_attempt_in(tx, policies_, jobs[i].attempt_id, jobs[i].at); !m) return fail(m.error());
      return ok();
    });
    together = all.has_value();
  }
  for (std::size_t i : todo) {
    if (together) {
      marked[i] = true;
      continue;
    }
    auto m = mark_exam_attempt(db_, policies_, jobs[i].attempt_id, jobs[i].at);
    if (m) {
      marked[i] = true;
    } else {
      std::fprintf(stderr, "rescuecert: attempt %lld closed but not marked: %s\n",
                   static_cast<long long>(jobs[i].attempt_id), m.error().message.c_str());
    }
  }
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (jobs[i].barrier) {
      deliver(jobs[i].barrier);
      continue;
    }
    if (marked[i]) ++n;
    jobs[i].outcome.marked = marked[i];
    deliver(jobs[i].done, Result<FinishOutcome>(jobs[i].outcome));
  }
  std::lock_guard lock(mu_);
  stats_.marked += n;
}

}  // namespace rc::app
