#include "exam/marking.h"

#include <gtest/gtest.h>

#include "exam/exam_fixtures.h"

namespace rc::exam {
namespace {

struct MarkingTest : ::testing::Test {
  QuestionBank bank = QuestionBank::build("bank-t", testing::synthetic_items(24)).value();
  Blueprint bp = derive_blueprint(testing::proposal_weights(), testing::standard_paper()).value();
  Paper paper = generate_paper(bank, bp, PaperRequest{"s-1", "c-1", 7}).value();
  TheoryPaper scoring = testing::standard_paper();

  std::vector<Answer> all_right() const {
    std::vector<Answer> a;
    for (const auto& q : paper.questions) a.emplace_back(q.key);
    return a;
  }
};

TEST_F(MarkingTest, AllRightIsOneHundred) {
  auto m = mark_paper(paper, all_right(), scoring);
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ(m->score.points, 100);
  EXPECT_TRUE(m->score.passed);
  EXPECT_EQ(m->correct_single_choice, 80);
  EXPECT_EQ(m->correct_true_false, 20);
}

TEST_F(MarkingTest, WrongAndBlankAnswersScoreNothingAndThePassMarkIsExact) {
  auto answers = all_right();
  // 40 wrong: 30 single choice answered wrongly, 10 true/false left blank -> 60, a pass (R6).
  for (std::size_t i = 0; i < 30; ++i) answers[i] = static_cast<std::uint8_t>((paper.questions[i].key + 1) % 4);
  for (std::size_t i = 80; i < 90; ++i) answers[i] = std::nullopt;
  auto m = mark_paper(paper, answers, scoring).value();
  EXPECT_EQ(m.score.points, 60);
  EXPECT_TRUE(m.score.passed);
  EXPECT_FALSE(m.questions[0].correct);
  EXPECT_EQ(m.questions[0].option, paper.questions[0].order[*answers[0]]);  // original option kept
  EXPECT_FALSE(m.questions[80].option);
  answers[30] = static_cast<std::uint8_t>((paper.questions[30].key + 1) % 4);
  auto m59 = mark_paper(paper, answers, scoring).value();
  EXPECT_EQ(m59.score.points, 59);
  EXPECT_FALSE(m59.score.passed);
}

TEST_F(MarkingTest, IsIdempotent) {
  auto answers = all_right();
  answers[3] = std::nullopt;
  auto a = mark_paper(paper, answers, scoring).value();
  auto b = mark_paper(paper, answers, scoring).value();
  EXPECT_EQ(a.score.points, b.score.points);
  for (std::size_t i = 0; i < a.questions.size(); ++i) EXPECT_EQ(a.questions[i].correct, b.questions[i].correct);
}

TEST_F(MarkingTest, RefusesBrokenInput) {
  auto short_list = all_right();
  short_list.pop_back();
  EXPECT_EQ(mark_paper(paper, short_list, scoring).error().field, "answers");
  auto out_of_range = all_right();
  out_of_range[85] = 2;  // a true/false question has two choices
  EXPECT_EQ(mark_paper(paper, out_of_range, scoring).error().field, "answers[85]");
  Paper tampered = paper;
  tampered.questions[0].key = static_cast<std::uint8_t>((tampered.questions[0].key + 1) % 4);
  EXPECT_EQ(mark_paper(tampered, all_right(), scoring).error().field, "seal");
  TheoryPaper other = scoring;
  other.single_choice.count = 70;
  other.true_false.count = 30;
  auto r = mark_paper(paper, all_right(), other);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().rule, "R6");
}

TEST_F(MarkingTest, FinalAnswersTakeTheHighestSequenceWhateverTheArrivalOrder) {
  const std::vector<AnswerStep> steps{
      {4, 2, 1}, {4, 1, 0}, {4, 2, 1},  // a retried write of sequence 2 is harmless
      {7, 1, 3}, {7, 2, std::nullopt},  // answered, then cleared
      {9, 5, 2},
  };
  auto a = final_answers(paper, steps);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ((*a)[4], Answer{1});
  EXPECT_EQ((*a)[7], std::nullopt);
  EXPECT_EQ((*a)[9], Answer{2});
  EXPECT_EQ((*a)[0], std::nullopt);
  EXPECT_EQ(a->size(), paper.questions.size());
}

TEST_F(MarkingTest, FinalAnswersRefuseConflictsAndNonsense) {
  const std::vector<AnswerStep> conflict{{4, 2, 1}, {4, 2, 3}};
  auto c = final_answers(paper, conflict);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::kConflict);
  EXPECT_EQ(c.error().field, "steps[1]");
  const std::vector<AnswerStep> beyond{{100, 1, 0}};
  EXPECT_EQ(final_answers(paper, beyond).error().field, "steps[0]");
  const std::vector<AnswerStep> bad_choice{{99, 1, 3}};  // question 99 is true/false
  EXPECT_EQ(final_answers(paper, bad_choice).error().code, ErrorCode::kInvalidValue);
}

}  // namespace
}  // namespace rc::exam
