// Combining several examiners' score sheets (R7, F12): median and mean, exact pass at 60 with
// one-decimal display, divergence flags, veto items, the odd-number rule, sheet validation.
#include "practical/score_sheet.h"

#include "practical_fixtures.h"

namespace rc::practical {
namespace {

using testing::national;
using testing::sheet_at;

AssessmentScheme with_combine(CombineMethod m, VetoDecision v = VetoDecision::kMajority) {
  AssessmentScheme s = national();
  s.combine = m;
  s.veto_decision = v;
  return s;
}

const Draw kDraw = draw_items(national(), 11);

// Lowers the first line of CPR (a mandatory item: 0.75 weight) by one tenth of a point.
ScoreSheet minus_one_tenth(ScoreSheet s) {
  s.line_tenths["cpr.scene_safe"] -= 1;
  return s;
}

TEST(CombineSheets, MedianTakesEachItemsMiddleScore) {
  const auto s = with_combine(CombineMethod::kMedian);
  auto c = combine_sheets(s, kDraw, {sheet_at(s, kDraw, 100), sheet_at(s, kDraw, 50), sheet_at(s, kDraw, 60)});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->total_num, 60 * PracticalScore::kUnitsPerPoint);
  EXPECT_EQ(c->total_den, 1);
  EXPECT_TRUE(c->passed);  // 60 exactly passes (R7: >= 60, unrounded)
  EXPECT_EQ(c->display(), "60.0");
  EXPECT_EQ(c->score_milli, 60000);
}

TEST(CombineSheets, MeanAveragesTheTotalsExactly) {
  const auto s = with_combine(CombineMethod::kMean);
  auto c = combine_sheets(s, kDraw, {sheet_at(s, kDraw, 100), sheet_at(s, kDraw, 50), sheet_at(s, kDraw, 60)});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->total_num, 210 * PracticalScore::kUnitsPerPoint);
  EXPECT_EQ(c->total_den, 3);
  EXPECT_EQ(c->display(), "70.0");
  EXPECT_TRUE(c->passed);
}

TEST(CombineSheets, JustBelowSixtyFailsAndIsNeverShownAsSixty) {
  const auto s = with_combine(CombineMethod::kMean);
  const auto sixty = sheet_at(s, kDraw, 60);
  // mean total = 60 - 0.075/3 = 59.975: half-up would print 60.0, the verdict is a fail.
  auto c = combine_sheets(s, kDraw, {sixty, sixty, minus_one_tenth(sixty)});
  ASSERT_TRUE(c);
  EXPECT_FALSE(c->passed);
  EXPECT_EQ(c->display(), "59.9");
  EXPECT_EQ(c->score_milli, 59975);
  const auto m = with_combine(CombineMethod::kMedian);
  auto median = combine_sheets(m, kDraw, {minus_one_tenth(sixty), minus_one_tenth(sixty), sixty});
  ASSERT_TRUE(median);
  EXPECT_FALSE(median->passed);  // 59.925
  EXPECT_EQ(median->display(), "59.9");
}

TEST(CombineSheets, ItemsAreFlaggedWhenTwoExaminersDivergeBeyondTheThreshold) {
  const auto s = national();  // 20% of the item's maximum
  auto close = combine_sheets(s, kDraw, {sheet_at(s, kDraw, 60), sheet_at(s, kDraw, 70), sheet_at(s, kDraw, 80)});
  ASSERT_TRUE(close);
  EXPECT_FALSE(close->divergent);  // 80 - 60 = 20%: not beyond
  auto far = combine_sheets(s, kDraw, {sheet_at(s, kDraw, 60), sheet_at(s, kDraw, 70), sheet_at(s, kDraw, 90)});
  ASSERT_TRUE(far);
  EXPECT_TRUE(far->divergent);
  for (const auto& i : far->items) EXPECT_TRUE(i.divergent) << i.item_id;
  // One item apart only: only that item is flagged.
  auto one = sheet_at(s, kDraw, 60);
  for (const auto& l : s.item("cpr")->lines) one.line_tenths["cpr." + l.id] = l.points * 10;
  auto c = combine_sheets(s, kDraw, {sheet_at(s, kDraw, 60), sheet_at(s, kDraw, 60), one});
  ASSERT_TRUE(c);
  for (const auto& i : c->items) EXPECT_EQ(i.divergent, i.item_id == "cpr") << i.item_id;
}

TEST(CombineSheets, AVetoMarkedByTheMajorityFailsAFullMarksCandidate) {
  const auto s = national();
  auto full = sheet_at(s, kDraw, 100);
  auto vetoed = full;
  vetoed.vetoes.insert("cpr_abdomen");
  auto c = combine_sheets(s, kDraw, {vetoed, vetoed, full});
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->vetoed);
  EXPECT_FALSE(c->passed);
  EXPECT_EQ(c->display(), "100.0");  // the total stands; the veto decides (一票否决)
  EXPECT_EQ(c->veto_ids, std::vector<std::string>{"cpr_abdomen"});
  auto minority = combine_sheets(s, kDraw, {vetoed, full, full});
  ASSERT_TRUE(minority);
  EXPECT_FALSE(minority->vetoed);
  EXPECT_TRUE(minority->passed);
  const auto any = with_combine(CombineMethod::kMedian, VetoDecision::kAny);
  auto strict = combine_sheets(any, kDraw, {vetoed, full, full});
  ASSERT_TRUE(strict);
  EXPECT_TRUE(strict->vetoed);
  EXPECT_FALSE(strict->passed);
}

TEST(CombineSheets, AnEvenOrTooSmallGroupIsRefused) {
  const auto s = national();
  const auto sheet = sheet_at(s, kDraw, 80);
  for (std::size_t n : {1u, 2u, 4u}) {
    auto c = combine_sheets(s, kDraw, std::vector<ScoreSheet>(n, sheet));
    ASSERT_FALSE(c) << n;
    EXPECT_EQ(c.error().code, ErrorCode::kPracticalExaminers);
  }
  EXPECT_TRUE(combine_sheets(s, kDraw, std::vector<ScoreSheet>(5, sheet)));
}

TEST(CheckSheet, NamesTheMissingOrOutOfRangeLine) {
  const auto s = national();
  auto sheet = sheet_at(s, kDraw, 100);
  sheet.line_tenths.erase("cpr.quality");
  auto missing = check_sheet(s, kDraw, sheet);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kMissingField);
  EXPECT_EQ(missing.error().field, "lines.cpr.quality");
  sheet.line_tenths["cpr.quality"] = 101;  // 10 points max
  auto high = check_sheet(s, kDraw, sheet);
  ASSERT_FALSE(high);
  EXPECT_EQ(high.error().code, ErrorCode::kScoreOutOfRange);
  sheet.line_tenths["cpr.quality"] = 100;
  EXPECT_TRUE(check_sheet(s, kDraw, sheet));
  // A line of the item not drawn is not part of this candidate's assessment.
  const std::string other = kDraw.items[1].item_id == "triage" ? "sign_recognition.sign1" : "triage.card1";
  sheet.line_tenths[other] = 0;
  auto extra = check_sheet(s, kDraw, sheet);
  ASSERT_FALSE(extra);
  EXPECT_EQ(extra.error().code, ErrorCode::kInvalidValue);
  EXPECT_EQ(extra.error().field, "lines." + other);
}

TEST(CheckSheet, StoredFormRoundTrips) {
  auto sheet = sheet_at(national(), kDraw, 70);
  sheet.vetoes.insert("cpr_abdomen");
  auto back = sheet_from_json(sheet_to_json(sheet));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->line_tenths, sheet.line_tenths);
  EXPECT_EQ(back->vetoes, sheet.vetoes);
}

}  // namespace
}  // namespace rc::practical
