#pragma once
// Use case: the attempt as the candidate's page needs it to (re)start: the questions of the
// sealed paper, every acknowledged answer (the highest sequence per question), the next
// sequence to use, and the remaining time computed on the server (exam/timing.h). This is what
// makes a reload, a browser crash or a network cut resume exactly where the server is.
// The score is not shown before publication day (R8, D17: 00:00 China time on publish_on).
// Thread-safe (one read transaction).

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/exam/exam_attempt_facts.h"
#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/policy/policy_catalog.h"
#include "store/database.h"
#include "store/exam_records.h"

namespace rc::app {

struct ExamAttemptState {
  AttemptFacts facts;
  std::int64_t remaining_seconds = 0;
  bool overdue = false;  // in progress but past the deadline: the caller should time it out
  std::vector<store::ExamAnswer> answers;  // latest per question
  std::int64_t max_sequence = 0;
  nlohmann::json questions;  // exam_question_views; empty unless asked for
  std::optional<std::int32_t> published_score_milli;  // only from publication day on
};

// kNotFound; kForbidden for someone else's attempt.
[[nodiscard]] Result<ExamAttemptState> exam_attempt_state(store::Database& db, const Clock& clock,
                                                          const PolicyCatalog& policies, const Actor& actor,
                                                          store::Id attempt_id, bool with_questions);

// {"attempt", "paper", "status", "status_label", "remaining_seconds", "deadline_at" (ms),
//  "answers": [{"question", "sequence", "choice"}], "next_sequence", "question_count",
//  "questions" (when loaded), "score" (only when published)}
nlohmann::json attempt_state_json(const ExamAttemptState& state);

}  // namespace rc::app
