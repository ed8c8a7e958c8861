#pragma once
// Records of the theory exam's tables (migrations/V007__exam.*.sql), one struct per row. The
// conventions are records.h's: Id, Timestamp (ms since the epoch, UTC), enums as lower-case text.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "store/records.h"

namespace rc::store {

// in_progress -> submitted (by the candidate) | timed_out (the server, at the deadline).
enum class ExamAttemptStatus { kInProgress, kSubmitted, kTimedOut };
inline constexpr std::array<std::string_view, 3> kExamAttemptStatusText{"in_progress", "submitted", "timed_out"};
constexpr std::span<const std::string_view> enum_texts(ExamAttemptStatus) { return kExamAttemptStatusText; }

struct ExamPaper {
  Id id = 0;
  Id sitting_id = 0;
  Id registration_id = 0;
  AttemptKind attempt_kind = AttemptKind::kFirst;  // what the rules history records when marked
  std::string paper_json;                          // the exam module's canonical JSON
  std::string seed;                                // the recorded seed it was drawn from
  std::string seal;                                // its SM3 seal (hex)
  std::string choice_counts;                       // one digit per question: '4' or '2'
  Timestamp created_at{};
  friend bool operator==(const ExamPaper&, const ExamPaper&) = default;
};

// Who a paper belongs to, without its (large) text: what the answer writer caches.
struct ExamPaperOwner {
  Id paper_id = 0;
  Id sitting_id = 0;
  Id registration_id = 0;
  Id candidate_id = 0;
  std::string policy_id;
  std::string choice_counts;
  std::optional<Timestamp> theory_starts_at;  // the sitting's theory session
};

struct ExamAttempt {
  Id id = 0;
  Id paper_id = 0;
  Timestamp started_at{};
  Timestamp deadline_at{};
  ExamAttemptStatus status = ExamAttemptStatus::kInProgress;
  std::optional<Timestamp> submitted_at;
  std::optional<int> correct_count;
  std::optional<std::int32_t> score_milli;  // thousandths of a point; held until publication
  std::optional<Timestamp> marked_at;
  std::optional<Id> result_attempt_id;  // the rules history row (attempts)
  friend bool operator==(const ExamAttempt&, const ExamAttempt&) = default;
};

// One answer step; the highest sequence per question is the answer.
struct ExamAnswer {
  Id attempt_id = 0;
  int question_no = 0;  // 1-based, in paper order
  std::int64_t sequence = 0;
  int choice = 0;  // 0-3 = A-D; true/false: 0 = 正确, 1 = 错误
  Timestamp saved_at{};
  friend bool operator==(const ExamAnswer&, const ExamAnswer&) = default;
};

}  // namespace rc::store
