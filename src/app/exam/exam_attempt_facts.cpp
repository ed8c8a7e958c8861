#include "app/exam/exam_attempt_facts.h"

#include "store/exam_attempt_repository.h"
#include "store/exam_paper_repository.h"

namespace rc::app {

Result<exam::AttemptWindow> session_window(const store::ExamPaperOwner& owner, const Policy& policy) {
  if (!owner.theory_starts_at)
    return fail(ErrorCode::kWrongState, "sitting", "该场次没有理论考试");
  const auto start = std::chrono::system_clock::time_point(owner.theory_starts_at->time_since_epoch());
  return exam::make_attempt_window(start, policy.theory.duration_minutes, std::chrono::seconds(0));
}

Result<AttemptFacts> load_attempt_facts(store::Transaction& tx, const PolicyCatalog& policies, store::Id attempt_id) {
  auto attempt = store::ExamAttemptRepository(tx).find(attempt_id);
  if (!attempt) {
    if (attempt.error().code == ErrorCode::kNotFound) return fail(ErrorCode::kNotFound, "attempt", "考试作答记录不存在");
    return fail(attempt.error());
  }
  auto owner = store::ExamPaperRepository(tx).owner(attempt->paper_id);
  if (!owner) return fail(owner.error());
  auto policy = policies.by_id(owner->policy_id);
  if (!policy) return fail(policy.error());
  auto window = session_window(*owner, **policy);
  if (!window) return fail(window.error());
  // The stored deadline is the one the server fixed at the start; an extension shows as the
  // difference (never negative).
  const auto stored = std::chrono::system_clock::time_point(attempt->deadline_at.time_since_epoch());
  if (stored > window->deadline())
    window->extension = std::chrono::duration_cast<std::chrono::seconds>(stored - window->deadline());
  return AttemptFacts{std::move(*attempt), std::move(*owner), *window};
}

Result<void> require_attempt_owner(const Actor& actor, const AttemptFacts& facts) {
  if (actor.user_id == 0) return ok();  // the system (auto-submit)
  if (actor.role == store::Role::kCandidate && actor.entity_id == facts.owner.candidate_id) return ok();
  return fail(ErrorCode::kForbidden, "attempt", "这不是您的试卷，无权作答或查看");
}

Result<void> check_answer_save(const AttemptFacts& facts, const AnswerSave& save,
                               std::chrono::system_clock::time_point at) {
  switch (facts.attempt.status) {
    case store::ExamAttemptStatus::kInProgress:
      break;
    case store::ExamAttemptStatus::kSubmitted:
      return fail(ErrorCode::kExamClosed, "attempt", "您已交卷，答案不能再修改", "R6");
    case store::ExamAttemptStatus::kTimedOut:
      return fail(ErrorCode::kExamClosed, "attempt", "考试时间已到，系统已自动交卷，答案未保存", "R6");
  }
  if (exam::timed_out(facts.window, at))
    return fail(ErrorCode::kExamTimeOver, "attempt", "考试时间已到，答案未保存", "R6");
  if (auto t = exam::check_answer_time(facts.window, at); !t) return t;
  const auto& counts = facts.owner.choice_counts;
  if (save.question_no < 1 || static_cast<std::size_t>(save.question_no) > counts.size())
    return fail(ErrorCode::kInvalidValue, "question",
                "题号应为 1 至 " + std::to_string(counts.size()) + " 之间的整数");
  const int choices = counts[static_cast<std::size_t>(save.question_no - 1)] - '0';
  if (save.choice < 0 || save.choice >= choices)
    return fail(ErrorCode::kInvalidValue, "choice",
                choices == 2 ? "判断题只能选择“正确”或“错误”" : "单选题只能选择 A、B、C、D 之一");
  if (save.sequence < 1) return fail(ErrorCode::kInvalidValue, "sequence", "答题序号应为正整数");
  return ok();
}

std::int64_t remaining_seconds(const AttemptFacts& facts, std::chrono::system_clock::time_point now) {
  if (facts.attempt.status != store::ExamAttemptStatus::kInProgress) return 0;
  return exam::remaining(facts.window, now).count();
}

std::string_view attempt_status_label(store::ExamAttemptStatus s) {
  switch (s) {
    case store::ExamAttemptStatus::kInProgress:
      return "作答中";
    case store::ExamAttemptStatus::kSubmitted:
      return "已交卷";
    case store::ExamAttemptStatus::kTimedOut:
      return "超时自动交卷";
  }
  return "";
}

}  // namespace rc::app
