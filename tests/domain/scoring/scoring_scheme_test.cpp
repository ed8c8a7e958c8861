#include "domain/scoring/scoring_scheme.h"

#include <gtest/gtest.h>

namespace rc {
namespace {

ScoringScheme r7() {
  ScoringScheme s;
  s.id = "practical-r7-test";
  s.pass_mark = 60;
  s.mandatory_weight_bp = 7500;
  s.mandatory = {{"safety_assessment", "安全评估", 15}, {"fire_extinguisher", "灭火器使用", 20}, {"cpr", "心肺复苏", 40}, {"haemorrhage_control", "止血包扎", 25}};
  s.drawn_weight_bp = 2500;
  s.drawn = {{"A", 6000, {{"rope_rescue", "救援绳索", 100}, {"airway_obstruction", "气道梗塞", 100}}},
             {"B", 4000, {{"sign_recognition", "标识识别", 100}, {"triage", "检伤分类", 100}}}};
  return s;
}

// M spread over the mandatory items (tenths), A and B in tenths.
std::vector<ItemScore> sheet(int m_tenths, int a_tenths, int b_tenths, const char* a = "rope_rescue", const char* b = "triage") {
  const int cpr = std::min(m_tenths, 400);
  int rest = m_tenths - cpr;
  const int bleed = std::min(rest, 250);
  rest -= bleed;
  const int fire = std::min(rest, 200);
  rest -= fire;
  return {{"cpr", cpr}, {"haemorrhage_control", bleed}, {"fire_extinguisher", fire}, {"safety_assessment", rest}, {a, a_tenths}, {b, b_tenths}};
}

TEST(ScoringScheme, DefaultSchemeIsValid) { EXPECT_TRUE(validate_scoring_scheme(r7())); }

TEST(ScoringScheme, FullMarksAndZero) {
  EXPECT_EQ(score_practical(r7(), sheet(1000, 1000, 1000))->display(), "100.0");
  EXPECT_EQ(score_practical(r7(), sheet(0, 0, 0))->display(), "0.0");
}

TEST(ScoringScheme, ExactlySixtyPasses) {
  // 0.75·79.9 + 0.25·(0.6·0.5 + 0.4·0) = 59.925 + 0.075 = 60.000 exactly; in doubles it is not.
  auto s = score_practical(r7(), sheet(799, 5, 0));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->exact_units, 60 * PracticalScore::kUnitsPerPoint);
  EXPECT_TRUE(s->passed);
  EXPECT_EQ(s->display(), "60.0");
  auto plain = score_practical(r7(), sheet(800, 0, 0));
  EXPECT_TRUE(plain->passed);
}

TEST(ScoringScheme, FiftyNineNinetyNineFails) {
  // 0.75·79.9 + 0.25·(0.6·0.3 + 0.4·0.2) = 59.925 + 0.065 = 59.990
  auto s = score_practical(r7(), sheet(799, 3, 2));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->exact_units, 59'990'000'000);
  EXPECT_FALSE(s->passed);
  EXPECT_EQ(s->display(), "59.9");  // half-up would show 60.0: never shown for a fail
}

TEST(ScoringScheme, HalfUpRounding) {
  // 59.995 fails and shows 59.9; 60.05 passes and shows 60.1 (half-up); 60.04 shows 60.0.
  auto fail = score_practical(r7(), sheet(799, 4, 1));
  EXPECT_EQ(fail->exact_units, 59'995'000'000);
  EXPECT_FALSE(fail->passed);
  EXPECT_EQ(fail->display(), "59.9");
  auto up = score_practical(r7(), sheet(800, 2, 2));  // 60 + 0.03 + 0.02 = 60.05
  EXPECT_EQ(up->exact_units, 60'050'000'000);
  EXPECT_EQ(up->display(), "60.1");
  auto down = score_practical(r7(), sheet(800, 2, 1));  // 60.04
  EXPECT_EQ(down->display(), "60.0");
  auto low = score_practical(r7(), sheet(700, 10, 0));  // 52.5 + 0.15 = 52.65 -> 52.7
  EXPECT_EQ(low->display(), "52.7");
}

TEST(ScoringScheme, AnyItemOfAGroupMayBeDrawn) {
  auto s = score_practical(r7(), sheet(800, 900, 800, "airway_obstruction", "sign_recognition"));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->display(), "81.5");  // 60 + 0.25·(54 + 32)
}

TEST(ScoringScheme, OutOfRangeItemScores) {
  auto sc = sheet(800, 0, 0);
  sc[0].tenths = 401;  // CPR is out of 40
  EXPECT_EQ(score_practical(r7(), sc).error().code, ErrorCode::kScoreOutOfRange);
  sc = sheet(800, 0, 0);
  sc[4].tenths = -1;
  auto r = score_practical(r7(), sc);
  EXPECT_EQ(r.error().code, ErrorCode::kScoreOutOfRange);
  EXPECT_EQ(r.error().field, "scores[4]");
  sc = sheet(800, 1001, 0);
  EXPECT_EQ(score_practical(r7(), sc).error().code, ErrorCode::kScoreOutOfRange);
}

TEST(ScoringScheme, IncompleteOrInconsistentSheets) {
  auto sc = sheet(800, 0, 0);
  sc.erase(sc.begin());
  EXPECT_EQ(score_practical(r7(), sc).error().code, ErrorCode::kMissingField);
  sc = sheet(800, 0, 0);
  sc.push_back({"airway_obstruction", 10});  // two items from group A
  EXPECT_EQ(score_practical(r7(), sc).error().code, ErrorCode::kInvalidValue);
  sc = sheet(800, 0, 0);
  sc.push_back({"swimming", 10});
  EXPECT_EQ(score_practical(r7(), sc).error().code, ErrorCode::kInvalidValue);
  sc = sheet(800, 0, 0);
  sc.pop_back();
  EXPECT_EQ(score_practical(r7(), sc).error().field, "B");
}

TEST(ScoringScheme, WeightsAndSplitAreData) {
  ScoringScheme s = r7();
  s.mandatory_weight_bp = 7000;
  s.drawn_weight_bp = 3000;
  s.drawn[0].share_bp = 5000;
  s.drawn[1].share_bp = 5000;
  ASSERT_TRUE(validate_scoring_scheme(s));
  // 0.7·80 + 0.3·(0.5·40 + 0.5·0) = 56 + 6 = 62
  EXPECT_EQ(score_practical(s, sheet(800, 400, 0))->exact_units, 62 * PracticalScore::kUnitsPerPoint);
}

TEST(ScoringScheme, InvalidSchemes) {
  ScoringScheme s = r7();
  s.drawn_weight_bp = 2400;
  EXPECT_EQ(validate_scoring_scheme(s).error().code, ErrorCode::kBadScoringScheme);
  s = r7();
  s.drawn[1].share_bp = 3000;
  EXPECT_EQ(validate_scoring_scheme(s).error().field, "drawn.groups");
  s = r7();
  s.mandatory[0].max_points = 10;
  EXPECT_EQ(validate_scoring_scheme(s).error().field, "mandatory.items");
  s = r7();
  s.drawn[0].items[1].id = "cpr";
  EXPECT_EQ(validate_scoring_scheme(s).error().field, "drawn.groups[0].items[1].id");
  s = r7();
  s.drawn[0].items[0].max_points = 50;
  EXPECT_EQ(validate_scoring_scheme(s).error().field, "drawn.groups[0].items[0].max_points");
  s = r7();
  s.pass_mark = 0;
  EXPECT_EQ(validate_scoring_scheme(s).error().field, "pass_mark");
}

}  // namespace
}  // namespace rc
