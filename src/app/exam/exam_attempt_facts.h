#pragma once
// What the attempt's workflow needs to know about one attempt to accept or refuse a step, read
// in one go (attempt + paper owner + sitting + policy duration), and the checks themselves. The
// answer journal keeps these in memory per attempt, so that a save costs no read.
//
// The clock rule is the exam module's (exam/timing.h): the deadline is the session's start plus
// the policy's duration (R6: 100 minutes), fixed on the server when the attempt starts; an answer
// is refused from the deadline on.
// Plain values and functions; thread-safe as their Transaction.

#include <chrono>
#include <cstdint>
#include <string>

#include "app/registration/actor.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "exam/timing.h"
#include "store/database.h"
#include "store/exam_records.h"

namespace rc::app {

struct AttemptFacts {
  store::ExamAttempt attempt;
  store::ExamPaperOwner owner;
  exam::AttemptWindow window;  // deadline() == attempt.deadline_at
};

// One answer as the candidate gave it.
struct AnswerSave {
  store::Id attempt_id = 0;
  int question_no = 0;        // 1-based
  std::int64_t sequence = 0;  // the page's rising counter
  int choice = 0;             // 0-3 (A-D) or 0/1 (正确/错误)
};

// kNotFound (field "attempt") when there is no such attempt.
[[nodiscard]] Result<AttemptFacts> load_attempt_facts(store::Transaction& tx, const PolicyCatalog& policies,
                                                      store::Id attempt_id);

// The window of a sitting's theory session under a policy (exam::make_attempt_window).
[[nodiscard]] Result<exam::AttemptWindow> session_window(const store::ExamPaperOwner& owner, const Policy& policy);

// kForbidden unless the actor is the candidate whose paper it is (system jobs pass).
[[nodiscard]] Result<void> require_attempt_owner(const Actor& actor, const AttemptFacts& facts);

// Whether `save`, received at `at`, may be stored: the attempt in progress (kExamClosed once
// submitted or timed out), before its deadline (kExamTimeOver, R6), question and choice on the
// paper (kInvalidValue), sequence >= 1 (kInvalidValue).
[[nodiscard]] Result<void> check_answer_save(const AttemptFacts& facts, const AnswerSave& save,
                                             std::chrono::system_clock::time_point at);

// Seconds left at `now` (0 once closed or past the deadline).
std::int64_t remaining_seconds(const AttemptFacts& facts, std::chrono::system_clock::time_point now);

std::string_view attempt_status_label(store::ExamAttemptStatus s);  // 作答中, 已交卷, 超时自动交卷

}  // namespace rc::app
