#include "app/exam/finish_exam_attempt.h"

#include <cstdio>

#include "app/exam/exam_paper_document.h"
#include "app/results/attempt_outcome.h"
#include "exam/marking.h"
#include "store/attempt_repository.h"
#include "store/exam_attempt_repository.h"
#include "store/exam_paper_repository.h"

namespace rc::app {
namespace {

// The theory outcome in the R12 history: the pending row the check-in recorded for this sitting
// and kind gets it, or a row is added (record_attempt_outcome, the practical results' writer too).
Result<store::Id> record_history(store::Transaction& tx, const store::ExamPaper& paper, bool passed,
                                 std::int32_t score_milli, store::Timestamp at) {
  store::Attempt row;
  row.registration_id = paper.registration_id;
  row.sitting_id = paper.sitting_id;
  row.subject = store::Subject::kTheory;
  row.kind = paper.attempt_kind;
  row.outcome = passed ? store::Outcome::kPass : store::Outcome::kFail;
  row.score_milli = score_milli;
  row.recorded_at = at;
  return record_attempt_outcome(tx, row);
}

Result<exam::PaperMark> mark_stored(store::Transaction& tx, const Policy& policy, const store::ExamPaper& row,
                                    store::Id attempt_id) {
  auto paper = paper_from_json_text(row.paper_json);
  if (!paper) return fail(paper.error());
  return mark_stored_answers(tx, *paper, attempt_id, policy.theory);
}

}  // namespace

Result<exam::PaperMark> mark_stored_answers(store::Transaction& tx, const exam::Paper& paper, store::Id attempt_id,
                                            const TheoryPaper& scoring) {
  auto stored = store::ExamAttemptRepository(tx).all_answers(attempt_id);
  if (!stored) return fail(stored.error());
  std::vector<exam::AnswerStep> steps;
  steps.reserve(stored->size());
  for (const auto& a : *stored)
    steps.push_back({static_cast<std::size_t>(a.question_no - 1), static_cast<std::uint64_t>(a.sequence),
                     static_cast<std::uint8_t>(a.choice)});
  auto answers = exam::final_answers(paper, steps);
  if (!answers) return fail(answers.error());
  return exam::mark_paper(paper, *answers, scoring);
}

Error closed_attempt_error(store::ExamAttemptStatus status) {
  return make_error(ErrorCode::kExamClosed, "attempt",
                    status == store::ExamAttemptStatus::kSubmitted ? "您已交卷，不能重复交卷" : "考试时间已到，系统已自动交卷",
                    "R6");
}

Result<bool> mark_exam_attempt_in(store::Transaction& tx, const PolicyCatalog& policies, store::Id attempt_id,
                                  std::chrono::system_clock::time_point now) {
  const auto at = to_timestamp(now);
  {
    store::ExamAttemptRepository attempts(tx);
    auto attempt = attempts.find(attempt_id);
    if (!attempt) return fail(attempt.error());
    if (attempt->marked_at) return false;
    if (attempt->status == store::ExamAttemptStatus::kInProgress)
      return fail(ErrorCode::kWrongState, "attempt", "尚未交卷，不能评分");
    auto paper = store::ExamPaperRepository(tx).find(attempt->paper_id);
    if (!paper) return fail(paper.error());
    auto owner = store::ExamPaperRepository(tx).owner(paper->id);
    if (!owner) return fail(owner.error());
    auto policy = policies.by_id(owner->policy_id);
    if (!policy) return fail(policy.error());
    auto mark = mark_stored(tx, **policy, *paper, attempt_id);
    if (!mark) return fail(mark.error());
    const std::int32_t score_milli = mark->score.points * 1000;
    auto history = record_history(tx, *paper, mark->score.passed, score_milli, at);
    if (!history) return fail(history.error());
    const int correct = mark->correct_single_choice + mark->correct_true_false;
    if (auto m = attempts.mark(attempt_id, {correct, score_milli, at, *history}); !m) return fail(m.error());
    // The score itself stays out of the trail's detail: it is held until publication (R8).
    if (auto a = audit(tx, system_actor(), at, {"exam_attempt.mark", "exam_attempt", attempt_id}); !a)
      return fail(a.error());
    return true;
  }
}

Result<bool> mark_exam_attempt(store::Database& db, const PolicyCatalog& policies, store::Id attempt_id,
                               std::chrono::system_clock::time_point now) {
  return db.transaction(
      [&](store::Transaction& tx) -> Result<bool> { return mark_exam_attempt_in(tx, policies, attempt_id, now); });
}

Result<bool> close_exam_attempt_in(store::Transaction& tx, const Actor& actor, store::Id attempt_id,
                                   store::ExamAttemptStatus target, std::chrono::system_clock::time_point now) {
  const auto at = to_timestamp(now);
  auto changed = store::ExamAttemptRepository(tx).close(attempt_id, target, at);
  if (!changed) return fail(changed.error());
  if (!*changed) return false;
  const char* action = target == store::ExamAttemptStatus::kSubmitted ? "exam_attempt.submit" : "exam_attempt.timeout";
  if (auto a = audit(tx, actor.user_id == 0 ? system_actor() : actor, at, {action, "exam_attempt", attempt_id}); !a)
    return fail(a.error());
  return true;
}

Result<FinishOutcome> finish_exam_attempt(store::Database& db, const PolicyCatalog& policies, const Actor& actor,
                                          store::Id attempt_id, store::ExamAttemptStatus to,
                                          std::chrono::system_clock::time_point now) {
  auto closed = db.transaction([&](store::Transaction& tx) -> Result<FinishOutcome> {
    auto facts = load_attempt_facts(tx, policies, attempt_id);
    if (!facts) return fail(facts.error());
    if (auto own = require_attempt_owner(actor, *facts); !own) return fail(own.error());
    FinishOutcome out{attempt_id, facts->attempt.status, false, facts->attempt.marked_at.has_value()};
    if (facts->attempt.status != store::ExamAttemptStatus::kInProgress) {
      // A candidate's second submit is refused with the exam's own code (the page then shows the
      // closed attempt); the server's time-out of a closed attempt changes nothing, quietly.
      if (actor.user_id != 0 && to == store::ExamAttemptStatus::kSubmitted)
        return fail(closed_attempt_error(facts->attempt.status));
      return out;
    }
    // Past the deadline the attempt times out, whoever asks: a late submit cannot add time.
    const auto target = exam::timed_out(facts->window, now) ? store::ExamAttemptStatus::kTimedOut : to;
    if (target == store::ExamAttemptStatus::kInProgress) return out;
    auto changed = close_exam_attempt_in(tx, actor, attempt_id, target, now);
    if (!changed) return fail(changed.error());
    out.status = target;
    out.closed_now = *changed;
    return out;
  });
  if (!closed || closed->marked) return closed;
  auto marked = mark_exam_attempt(db, policies, attempt_id, now);
  if (marked) {
    closed->marked = true;
  } else {
    std::fprintf(stderr, "rescuecert: attempt %lld closed but not marked: %s\n", static_cast<long long>(attempt_id),
                 marked.error().message.c_str());
  }
  return closed;
}

}  // namespace rc::app
