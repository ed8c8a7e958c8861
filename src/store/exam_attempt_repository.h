#pragma once
// ExamAttemptRepository: theory exam attempts and their answer steps (F10). The attempt is a
// state machine that only moves forwards (in_progress -> submitted | timed_out, then marked
// once; the database refuses anything else), and every answer is an immutable step keyed by
// (attempt, question, sequence): appending the same step twice stores it once, and the answer to
// a question is its step with the highest sequence, whatever order the steps arrived in.
//
// Thread safety: as its Transaction (one thread at a time).

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/exam_records.h"

namespace rc::store {

enum class AnswerAppend {
  kStored,          // a new step
  kAlreadyStored,   // the same step was stored before (a retry): nothing written
  kDifferentChoice  // this key was stored before with another choice: nothing written
};

// How append_answers writes: kAuto is the faster one for the backend (bench/README.md,
// exam_answer_batch_bench): one multi-row INSERT on PostgreSQL (a round trip per statement
// dominates), the statement loop on SQLite. The others are for that benchmark.
enum class AppendMethod { kAuto, kOneByOne, kMultiRow };

struct ExamMark {
  int correct_count = 0;
  std::int32_t score_milli = 0;
  Timestamp marked_at{};
  std::optional<Id> result_attempt_id;
};

class ExamAttemptRepository {
 public:
  explicit ExamAttemptRepository(Transaction& tx) : tx_(tx) {}

  // The new id; kConflict when the paper already has an attempt (one attempt per paper).
  [[nodiscard]] Result<Id> insert(const ExamAttempt& attempt);
  [[nodiscard]] Result<ExamAttempt> find(Id id);
  [[nodiscard]] Result<std::optional<ExamAttempt>> find_by_paper(Id paper_id);
  // in_progress -> `to` (submitted or timed_out) at `at`. False when it was no longer in
  // progress (someone closed it first); kNotFound is not distinguished here.
  [[nodiscard]] Result<bool> close(Id id, ExamAttemptStatus to, Timestamp at);
  // Records the mark of a closed, unmarked attempt; kConflict when it is not (marked already or
  // still in progress).
  [[nodiscard]] Result<void> mark(Id id, const ExamMark& mark);
  // In-progress attempts whose deadline has come by `now`, oldest deadline first.
  [[nodiscard]] Result<std::vector<Id>> overdue(Timestamp now, int limit);

  [[nodiscard]] Result<AnswerAppend> append_answer(const ExamAnswer& answer);
  // Many steps, with the outcome per step that append_answer would give them in order (a key
  // twice in `answers`: the later one is judged against the first).
  [[nodiscard]] Result<std::vector<AnswerAppend>> append_answers(const std::vector<ExamAnswer>& answers,
                                                                 AppendMethod method = AppendMethod::kAuto);
  // The answer per question (its highest-sequence step), by question number.
  [[nodiscard]] Result<std::vector<ExamAnswer>> latest_answers(Id attempt_id);
  // Every step, by question and sequence (audit, the kill test).
  [[nodiscard]] Result<std::vector<ExamAnswer>> all_answers(Id attempt_id);
  // 0 when none.
  [[nodiscard]] Result<std::int64_t> max_sequence(Id attempt_id);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
