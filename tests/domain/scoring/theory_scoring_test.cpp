#include "domain/scoring/theory_scoring.h"

#include <gtest/gtest.h>

namespace rc {
namespace {

TheoryPaper standard() { return TheoryPaper{{80, 1}, {20, 1}, 100, 60}; }

TEST(TheoryScoring, StandardPaperIsValid) {
  EXPECT_TRUE(validate_theory_paper(standard()));
  EXPECT_EQ(standard().max_score(), 100);
}

TEST(TheoryScoring, SixtyPassesFiftyNineFails) {
  EXPECT_TRUE(score_theory(standard(), 50, 10)->passed);
  EXPECT_EQ(score_theory(standard(), 50, 10)->points, 60);
  EXPECT_FALSE(score_theory(standard(), 50, 9)->passed);
  EXPECT_EQ(score_theory(standard(), 80, 20)->points, 100);
  EXPECT_EQ(score_theory(standard(), 0, 0)->points, 0);
}

TEST(TheoryScoring, PointsPerQuestionComeFromThePaper) {
  TheoryPaper p{{40, 2}, {20, 1}, 90, 60};
  ASSERT_TRUE(validate_theory_paper(p));
  EXPECT_EQ(score_theory(p, 25, 10)->points, 60);
}

TEST(TheoryScoring, CountsOutOfRange) {
  EXPECT_EQ(score_theory(standard(), 81, 0).error().code, ErrorCode::kScoreOutOfRange);
  EXPECT_EQ(score_theory(standard(), 0, 21).error().field, "true_false");
  EXPECT_EQ(score_theory(standard(), -1, 0).error().field, "single_choice");
}

TEST(TheoryScoring, BadPapers) {
  TheoryPaper p = standard();
  p.pass_mark = 101;
  EXPECT_EQ(validate_theory_paper(p).error().field, "pass_mark");
  p = standard();
  p.single_choice.points_each = 0;
  EXPECT_EQ(validate_theory_paper(p).error().code, ErrorCode::kBadScoringScheme);
  p = standard();
  p.duration_minutes = 0;
  EXPECT_EQ(validate_theory_paper(p).error().field, "duration_minutes");
}

}  // namespace
}  // namespace rc
