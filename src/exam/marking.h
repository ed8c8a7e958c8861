#pragma once
// Marking (F10, R6): from a sealed paper and the candidate's final answers, the score in whole
// points out of the paper's maximum (100) and pass/fail at the policy's pass mark, with each
// question's outcome kept for item analysis. Pure and idempotent: marking again gives the same
// result, so an appeal (D13) or a regrade replays it. Thread-safe.
//
// The final answers come from the attempt's saved steps through final_answers (the last step by
// sequence wins), so the attempt workflow (app) only appends steps and never edits an answer.

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "domain/common/result.h"
#include "domain/scoring/theory_scoring.h"
#include "exam/paper.h"

namespace rc::exam {

// A displayed choice (single choice 0-3 = A-D as shown; true/false 0 = 正确, 1 = 错误), or none.
using Answer = std::optional<std::uint8_t>;

// One saved answer: idempotent writes are keyed by (attempt, question, sequence).
struct AnswerStep {
  std::size_t question = 0;  // 0-based position on the paper
  std::uint64_t sequence = 0;  // client's counter, increasing per question
  Answer choice;               // none = the candidate cleared the answer
};

// The answer per question after every step (highest sequence wins; order of arrival does not
// matter). kInvalidValue for a question or choice out of range; kConflict for one sequence seen
// with two different choices (a replayed write must be identical). Field "steps[i]".
[[nodiscard]] Result<std::vector<Answer>> final_answers(const Paper& paper, std::span<const AnswerStep> steps);

struct QuestionMark {
  Answer chosen;                       // displayed choice
  std::optional<std::uint8_t> option;  // the item's original option (for distractor analysis)
  bool correct = false;
  int points = 0;
};

struct PaperMark {
  std::vector<QuestionMark> questions;
  int correct_single_choice = 0;
  int correct_true_false = 0;
  TheoryScore score;  // points out of scoring.max_score(); passed at scoring.pass_mark
};

// REQUIRES nothing of the inputs: the seal is verified (kConflict), answers must be one per
// question (kInvalidValue "answers"), choices in range (kInvalidValue "answers[i]"), and the
// paper's composition must match the policy's (kConflict "paper").
[[nodiscard]] Result<PaperMark> mark_paper(const Paper& paper, std::span<const Answer> answers,
                                           const TheoryPaper& scoring);

}  // namespace rc::exam
