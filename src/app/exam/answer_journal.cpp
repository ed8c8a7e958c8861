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

// A callback that throws must not take the writer thread (and every later waiter) with it.
template <class F, class R>
void deliver(F& callback, R&& result) noexcept {
  if (!callback) return;
  try {
    callback(std::forward<R>(result));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rescuecert: answer journal callback threw: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "rescuecert: answer journal callback threw\n");
  }
}

}  // namespace

AnswerJournal::AnswerJournal(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                             JournalOptions options)
    : db_(db), clock_(clock), policies_(policies), options_(options) {
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
    writer_.join();
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

// In queue order; consecutive saves (or starts) share one transaction.
void AnswerJournal::process(std::vector<Job>& jobs) {
  std::size_t i = 0;
  while (i < jobs.size()) {
    const auto kind = jobs[i].kind;
    if (kind == Job::Kind::kSave || kind == Job::Kind::kStart) {
      std::size_t j = i;
      while (j < jobs.size() && jobs[j].kind == kind) ++j;
      if (kind == Job::Kind::kSave) write_saves(&jobs[i], j - i);
      else write_starts(&jobs[i], j - i);
      i = j;
    } else if (jobs[i].kind == Job::Kind::kFinish) {
      run_finish(jobs[i++]);
    } else {
      auto r = sweep();
      deliver(jobs[i++].swept, std::move(r));
    }
  }
}

Result<const AttemptFacts*> AnswerJournal::facts_for(store::Transaction& tx, store::Id attempt_id) {
  if (auto it = facts_.find(attempt_id); it != facts_.end()) return &it->second;
  auto loaded = load_attempt_facts(tx, policies_, attempt_id);
  if (!loaded) return fail(loaded.error());
  if (facts_.size() >= options_.max_cached_attempts) facts_.clear();  // rare; reloads are cheap
  return &facts_.emplace(attempt_id, std::move(*loaded)).first->second;
}

// One transaction for n saves. False when a statement failed (the transaction is rolled back and
// nothing is acknowledged); results then hold only the refusals decided before the failure.
bool AnswerJournal::try_batch(Job* first, std::size_t n, std::vector<Result<AnswerAck>>& results,
                              std::vector<store::Id>& overdue) {
  auto tx = db_.begin();
  if (!tx) {
    for (auto& r : results) r = fail(not_stored(tx.error()));
    return true;  // nothing was attempted: each caller is told to retry
  }
  store::ExamAttemptRepository answers(*tx);
  const auto saved_at = to_timestamp(clock_.now());
  for (std::size_t i = 0; i < n; ++i) {
    const Job& job = first[i];
    auto facts = facts_for(*tx, job.save.attempt_id);
    if (!facts) {
      if (facts.error().code == ErrorCode::kStorageFailure) return false;
      results[i] = fail(facts.error());
      continue;
    }
    if (auto own = require_attempt_owner(job.actor, **facts); !own) {
      results[i] = fail(own.error());
      continue;
    }
    if (auto allowed = check_answer_save(**facts, job.save, job.received); !allowed) {
      if ((*facts)->attempt.status == store::ExamAttemptStatus::kInProgress &&
          exam::timed_out((*facts)->window, job.received))
        overdue.push_back(job.save.attempt_id);
      results[i] = fail(allowed.error());
      continue;
    }
    store::ExamAnswer row{job.save.attempt_id, job.save.question_no, job.save.sequence, job.save.choice, saved_at};
    auto appended = answers.append_answer(row);
    if (!appended) return false;
    if (*appended == store::AnswerAppend::kDifferentChoice) {
      results[i] = fail(ErrorCode::kExamSequenceConflict, "sequence", "该答题序号已保存了另一个选项，请使用新的序号重新保存");
      continue;
    }
    results[i] = AnswerAck{job.save.attempt_id, job.save.question_no, job.save.sequence,
                           *appended == store::AnswerAppend::kAlreadyStored};
  }
  if (auto c = tx->commit(); !c) {
    facts_.clear();
    for (auto& r : results)
      if (r) r = fail(not_stored(c.error()));
  }
  return true;
}

void AnswerJournal::write_saves(Job* first, std::size_t n) {
  std::vector<Result<AnswerAck>> results(n, fail(ErrorCode::kStorageFailure, "answer", "答案未能保存，请重试"));
  std::vector<store::Id> overdue;
  if (!try_batch(first, n, results, overdue)) {
    // One bad statement must not cost the others their answers: one transaction each.
    overdue.clear();
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<Result<AnswerAck>> one(1, fail(ErrorCode::kStorageFailure, "answer", "答案未能保存，请重试"));
      if (try_batch(first + i, 1, one, overdue)) results[i] = std::move(one[0]);
    }
  }
  std::uint64_t stored = 0, refused = 0;
  for (const auto& r : results) (r ? stored : refused)++;
  {
    std::lock_guard lock(mu_);
    ++stats_.batches;
    stats_.stored += stored;
    stats_.refused += refused;
    stats_.largest_batch = std::max<std::uint64_t>(stats_.largest_batch, n);
  }
  // Attempts found past their deadline are timed out before anyone hears of the refusal, so a
  // caller told "time is over" then finds the attempt closed.
  std::sort(overdue.begin(), overdue.end());
  overdue.erase(std::unique(overdue.begin(), overdue.end()), overdue.end());
  for (store::Id id : overdue) {
    Job job;
    job.kind = Job::Kind::kFinish;
    job.actor = system_actor();
    job.save.attempt_id = id;
    job.to = store::ExamAttemptStatus::kTimedOut;
    job.received = clock_.now();
    job.finished = [](Result<FinishOutcome>) {};
    run_finish(job);
  }
  for (std::size_t i = 0; i < n; ++i) deliver(first[i].ack, std::move(results[i]));
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

void AnswerJournal::run_finish(Job& job) {
  auto r = finish_exam_attempt(db_, policies_, job.actor, job.save.attempt_id, job.to, job.received);
  facts_.erase(job.save.attempt_id);  // reloaded with its new state on the next save
  deliver(job.finished, std::move(r));
}

// Every overdue attempt, a page at a time (a whole exam day times out at once: 30,000 attempts,
// not the first page only). Stops when a page closes nothing (a storage failure: the next sweep
// tries again) so that it never loops on an attempt it cannot close.
Result<int> AnswerJournal::sweep() {
  const auto now = clock_.now();
  const int page = static_cast<int>(std::max<std::size_t>(1, options_.sweep_page));
  int closed = 0;
  for (;;) {
    auto due = db_.read([&](store::Transaction& tx) {
      return store::ExamAttemptRepository(tx).overdue(to_timestamp(now), page);
    });
    if (!due) return fail(due.error());
    int progress = 0;
    for (store::Id id : *due) {
      auto r = finish_exam_attempt(db_, policies_, system_actor(), id, store::ExamAttemptStatus::kTimedOut, now);
      facts_.erase(id);
      if (r) ++progress;
      if (r && r->closed_now) ++closed;
    }
    if (static_cast<int>(due->size()) < page || progress == 0) break;
  }
  return closed;
}

}  // namespace rc::app
