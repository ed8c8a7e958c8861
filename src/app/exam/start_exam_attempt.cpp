#include "app/exam/start_exam_attempt.h"

#include "app/exam/exam_attempt_facts.h"
#include "store/checkin_repository.h"
#include "store/exam_attempt_repository.h"
#include "store/exam_paper_repository.h"

namespace rc::app {
Result<StartedAttempt> start_exam_attempt_in(store::Transaction& tx, const PolicyCatalog& policies, const Actor& actor,
                                             store::Id paper_id, std::chrono::system_clock::time_point now) {
  auto owner = store::ExamPaperRepository(tx).owner(paper_id);
  if (!owner) return fail(owner.error());
  if (actor.role != store::Role::kCandidate || actor.entity_id != owner->candidate_id)
    return fail(ErrorCode::kForbidden, "paper", "这不是您的试卷，无权开始作答");
  store::ExamAttemptRepository attempts(tx);
  auto existing = attempts.find_by_paper(paper_id);
  if (!existing) return fail(existing.error());
  if (*existing) return StartedAttempt{std::move(**existing), false};
  auto policy = policies.by_id(owner->policy_id);
  if (!policy) return fail(policy.error());
  auto window = session_window(*owner, **policy);
  if (!window) return fail(window.error());
  if (now < window->session_start)
    return fail(ErrorCode::kWrongState, "paper", "理论考试尚未开始，请在开考后再开始作答", "R6");
  if (exam::timed_out(*window, now))
    return fail(ErrorCode::kWrongState, "paper", "本场理论考试时间已结束，不能再开始作答", "R6");
  // Admission at the room door comes first (R6: identity and face checked by the proctor; D11).
  auto checkin = store::CheckinRepository(tx).find(owner->sitting_id, owner->registration_id, store::Subject::kTheory);
  if (!checkin) return fail(checkin.error());
  if (!*checkin)
    return fail(ErrorCode::kNotCheckedIn, "paper", "您尚未通过考场入场核验，请由监考员核验身份准予入场后再开始作答",
                "R6");
  if ((*checkin)->outcome != store::CheckinOutcome::kAdmitted)
    return fail(
        ErrorCode::kCheckInLate, "paper",
        "开考 " + std::to_string((*policy)->late_arrival_minutes) + " 分钟后未入场，已按缺考处理，不能开始作答（D11）",
        "D11");
  store::ExamAttempt a;
  a.paper_id = paper_id;
  a.started_at = to_timestamp(now);
  a.deadline_at = to_timestamp(window->deadline());
  a.status = store::ExamAttemptStatus::kInProgress;
  auto id = attempts.insert(a);
  if (!id) return fail(id.error());
  a.id = *id;
  if (auto au = audit(tx, actor, a.started_at, {"exam_attempt.start", "exam_attempt", a.id}); !au) return fail(au.error());
  return StartedAttempt{a, true};
}

Result<StartedAttempt> start_exam_attempt(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                          const Actor& actor, store::Id paper_id) {
  const auto now = clock.now();
  auto r = db.transaction([&](store::Transaction& tx) { return start_exam_attempt_in(tx, policies, actor, paper_id, now); });
  // Two starts racing: the loser's insert hits UNIQUE(paper_id); the winner's attempt is the one.
  if (!r && r.error().code == ErrorCode::kConflict)
    r = db.transaction([&](store::Transaction& tx) { return start_exam_attempt_in(tx, policies, actor, paper_id, now); });
  return r;
}

}  // namespace rc::app
