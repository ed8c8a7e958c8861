#include "domain/scoring/theory_scoring.h"

#include <string>

namespace rc {
namespace {

constexpr int kMaxQuestions = 1000;  // far above any real paper; keeps products in int range
constexpr int kMaxPointsEach = 100;

Result<void> check_block(const QuestionBlock& b, const std::string& field) {
  if (b.count < 0 || b.count > kMaxQuestions)
    return fail(ErrorCode::kBadScoringScheme, field + ".count", "题目数量应在 0 到 1000 之间（R6）", "R6");
  if (b.points_each < 1 || b.points_each > kMaxPointsEach)
    return fail(ErrorCode::kBadScoringScheme, field + ".points", "每题分值应在 1 到 100 之间（R6）", "R6");
  return ok();
}

}  // namespace

Result<void> validate_theory_paper(const TheoryPaper& paper) {
  if (auto r = check_block(paper.single_choice, "single_choice"); !r) return r;
  if (auto r = check_block(paper.true_false, "true_false"); !r) return r;
  if (paper.max_score() <= 0)
    return fail(ErrorCode::kBadScoringScheme, "single_choice.count", "试卷没有任何题目（R6）", "R6");
  if (paper.pass_mark <= 0 || paper.pass_mark > paper.max_score())
    return fail(ErrorCode::kBadScoringScheme, "pass_mark", "合格线应大于 0 且不超过试卷总分（R6）", "R6");
  if (paper.duration_minutes <= 0 || paper.duration_minutes > 24 * 60)
    return fail(ErrorCode::kBadScoringScheme, "duration_minutes", "考试时长应在 1 到 1440 分钟之间（R6）", "R6");
  return ok();
}

Result<TheoryScore> score_theory(const TheoryPaper& paper, int correct_single_choice, int correct_true_false) {
  if (correct_single_choice < 0 || correct_single_choice > paper.single_choice.count)
    return fail(ErrorCode::kScoreOutOfRange, "single_choice",
                "单选题答对题数应在 0 到 " + std::to_string(paper.single_choice.count) + " 之间（R6）", "R6");
  if (correct_true_false < 0 || correct_true_false > paper.true_false.count)
    return fail(ErrorCode::kScoreOutOfRange, "true_false",
                "判断题答对题数应在 0 到 " + std::to_string(paper.true_false.count) + " 之间（R6）", "R6");
  TheoryScore s;
  s.points = correct_single_choice * paper.single_choice.points_each +
             correct_true_false * paper.true_false.points_each;
  s.passed = s.points >= paper.pass_mark;  // exact: integers only
  return s;
}

}  // namespace rc
