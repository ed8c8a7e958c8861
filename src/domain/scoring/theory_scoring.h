#pragma once
// Theory exam scoring (RULES.md R6): a paper of single-choice and true/false questions, each block
// worth a whole number of points per question. The score is the number of correct answers times
// the points, and the candidate passes when the score reaches the pass mark. Integers only: there
// is no rounding anywhere on this path.
//
// The paper composition (80 + 20, 1 point each, 100 minutes, pass 60) is policy data
// (domain/policy), never a constant here.

#include "domain/common/result.h"

namespace rc {

struct QuestionBlock {
  int count = 0;        // questions in the block
  int points_each = 0;  // whole points per correct answer
};

struct TheoryPaper {
  QuestionBlock single_choice;
  QuestionBlock true_false;
  int duration_minutes = 0;
  int pass_mark = 0;

  int max_score() const {
    return single_choice.count * single_choice.points_each + true_false.count * true_false.points_each;
  }
};

struct TheoryScore {
  int points = 0;
  bool passed = false;
};

// A paper makes sense: positive counts and points, 0 < pass_mark <= max_score, positive duration.
[[nodiscard]] Result<void> validate_theory_paper(const TheoryPaper& paper);

// REQUIRES: validate_theory_paper(paper) succeeded.
// Counts outside 0..block count give kScoreOutOfRange naming the block.
[[nodiscard]] Result<TheoryScore> score_theory(const TheoryPaper& paper, int correct_single_choice,
                                               int correct_true_false);

}  // namespace rc
