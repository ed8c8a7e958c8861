#include "exam/blueprint.h"

#include <gtest/gtest.h>

#include "exam/exam_fixtures.h"

namespace rc::exam {
namespace {

TEST(Blueprint, ProposalWeightsGiveTheDocumentedCounts) {
  auto bp = derive_blueprint(testing::proposal_weights(), testing::standard_paper());
  ASSERT_TRUE(bp);
  EXPECT_EQ(bp->single_choice, (AreaCounts{4, 20, 8, 20, 12, 8, 8}));
  EXPECT_EQ(bp->true_false, (AreaCounts{1, 5, 2, 5, 3, 2, 2}));
  EXPECT_EQ(bp->total(ItemKind::kSingleChoice), 80);
  EXPECT_EQ(bp->total(ItemKind::kTrueFalse), 20);
}

TEST(Blueprint, LargestRemaindersKeepTheTotalExact) {
  BlueprintWeights w = testing::proposal_weights();
  w.weight_bp = {1429, 1429, 1428, 1428, 1428, 1429, 1429};  // sevenths
  auto bp = derive_blueprint(w, TheoryPaper{QuestionBlock{10, 1}, QuestionBlock{3, 2}, 100, 5});
  ASSERT_TRUE(bp);
  EXPECT_EQ(bp->total(ItemKind::kSingleChoice), 10);
  EXPECT_EQ(bp->total(ItemKind::kTrueFalse), 3);
  // Ties broken by weight-table order after the larger remainders (the 1429s) are served.
  EXPECT_EQ(bp->true_false, (AreaCounts{1, 1, 0, 0, 0, 1, 0}));
  EXPECT_EQ(bp->true_false_points, 2);
}

TEST(Blueprint, RefusesAnInvalidPaper) {
  auto bp = derive_blueprint(testing::proposal_weights(), TheoryPaper{QuestionBlock{80, 1}, QuestionBlock{20, 1}, 0, 60});
  ASSERT_FALSE(bp);
  EXPECT_EQ(bp.error().field, "theory.duration_minutes");
}

TEST(BlueprintDocument, ParsesTheShippedFile) {
  auto w = shipped_blueprint_weights();
  ASSERT_TRUE(w) << w.error().message;
  EXPECT_EQ(w->weight_bp, testing::proposal_weights().weight_bp);
  EXPECT_NE(w->comment.find("PROPOSAL"), std::string::npos);
}

TEST(BlueprintDocument, RefusesBadWeights) {
  const std::string head = R"({"id":"b","title":"t","provisional":true,"weights_bp":)";
  const std::string all = R"("ethics":500,"basics":2500,"scene_safety":1000,"first_aid":2500,"trauma":1500,"fire":1000)";
  struct Case {
    std::string weights;
    ErrorCode code;
    const char* field;
  } cases[] = {
      {"{" + all + R"(,"disaster":1000})", ErrorCode::kInvalidValue, ""},  // valid: checked below
      {"{" + all + R"(,"disaster":900})", ErrorCode::kInvalidValue, "weights_bp"},
      {"{" + all + "}", ErrorCode::kMissingField, "weights_bp.disaster"},
      {"{" + all + R"(,"disaster":1000,"cpr":0})", ErrorCode::kUnknownEnumValue, "weights_bp.cpr"},
      {"{" + all + R"(,"disaster":-1})", ErrorCode::kInvalidValue, "weights_bp.disaster"},
      {"{" + all + R"(,"disaster":"1000"})", ErrorCode::kWrongType, "weights_bp.disaster"},
  };
  EXPECT_TRUE(parse_blueprint_weights_text(head + cases[0].weights + "}"));
  for (std::size_t i = 1; i < std::size(cases); ++i) {
    auto r = parse_blueprint_weights_text(head + cases[i].weights + "}");
    ASSERT_FALSE(r) << cases[i].weights;
    EXPECT_EQ(r.error().code, cases[i].code) << cases[i].weights;
    EXPECT_EQ(r.error().field, cases[i].field) << cases[i].weights;
  }
}

}  // namespace
}  // namespace rc::exam
