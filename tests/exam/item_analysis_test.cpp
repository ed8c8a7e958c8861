// Item analysis (F11) against a fixture small enough to compute by hand. Six candidates, one
// common form of four items (original option order):
//
//   item  kind  key   C1  C2  C3  C4  C5  C6
//   I1    SC    A     A   A   A   A   B   A
//   I2    SC    B     B   B   C   B   C   D
//   I3    TF    正确  正  正  正  错  正  正
//   I4    SC    C     C   D   C   -   D   A        (- = no answer)
//   total             4   3   3   2   1   2        ΣX = 15, ΣX² = 43, N = 6
//
// Facility p = correct / 6: I1 5/6, I2 3/6, I3 5/6, I4 2/6.
// Variance (population): (NΣX² − (ΣX)²)/N² = (258 − 225)/36 = 33/36.
// KR-20 = k/(k−1)·(1 − Σpq/σ²) = 4/3·(1 − Σc(N−c)/(NΣX² − (ΣX)²)) = 4/3·(1 − (5+9+5+8)/33) = 8/33.
// Corrected item-total r (x = item 0/1, y = total − x), r = (nΣxy − ΣxΣy)/√((nΣx² − (Σx)²)(nΣy² − (Σy)²)):
//   I1: y = 3,2,2,1,1,1  Σx=5 Σy=10 Σy²=20 Σxy=9  -> (54−50)/√(5·20)   = 0.4
//   I2: y = 3,2,3,1,1,2  Σx=3 Σy=12 Σy²=28 Σxy=6  -> (36−36)/√(9·24)   = 0
//   I3: y = 3,2,2,2,0,1  Σx=5 Σy=10 Σy²=22 Σxy=8  -> (48−50)/√(5·32)   = −2/√160 = −0.158114
//   I4: y = 3,3,2,2,1,2  Σx=2 Σy=13 Σy²=31 Σxy=5  -> (30−26)/√(8·17)   = 4/√136  = 0.342997
// Groups: g = round(0.27·6) = 2; the 2nd highest total is 3, so upper = {C1, C2, C3} (tie joins);
// the 2nd lowest is 2, so lower = {C4, C5, C6}.
// Distractors: I1 A5 B1 C0 D0 (upper A3; lower A2 B1); I2 A0 B3 C2 D1 (upper B2 C1; lower B1 C1 D1);
// I3 正确5 错误1 (upper 正确3; lower 正确2 错误1); I4 A1 B0 C2 D2 none1 (upper C2 D1; lower A1 D1 none1).
// Flags (bounds 0.2/0.95/0.2): I1 unused distractor; I2 low discrimination + unused distractor;
// I3 low discrimination; I4 unused distractor.
#include "exam/item_analysis.h"

#include <gtest/gtest.h>

namespace rc::exam {
namespace {

constexpr double kTol = 1e-9;
using F = ItemFlag;

ItemResponse sc(const char* id, std::uint8_t key, std::optional<std::uint8_t> chosen) {
  return ItemResponse{id, 1, ItemKind::kSingleChoice, key, chosen};
}
ItemResponse tf(const char* id, bool chosen_true) {
  return ItemResponse{id, 1, ItemKind::kTrueFalse, 0, static_cast<std::uint8_t>(chosen_true ? 0 : 1)};
}

std::vector<CandidateResponses> fixture() {
  constexpr std::uint8_t A = 0, B = 1, C = 2, D = 3;
  return {
      {sc("I1", A, A), sc("I2", B, B), tf("I3", true), sc("I4", C, C)},
      {sc("I1", A, A), sc("I2", B, B), tf("I3", true), sc("I4", C, D)},
      {sc("I1", A, A), sc("I2", B, C), tf("I3", true), sc("I4", C, C)},
      {sc("I1", A, A), sc("I2", B, B), tf("I3", false), sc("I4", C, std::nullopt)},
      {sc("I1", A, B), sc("I2", B, C), tf("I3", true), sc("I4", C, D)},
      {sc("I1", A, A), sc("I2", B, D), tf("I3", true), sc("I4", C, A)},
  };
}

std::vector<int> counts(const ItemStatistics& s, int OptionRow::*field) {
  std::vector<int> out;
  for (const auto& o : s.options) out.push_back(o.*field);
  return out;
}

TEST(ItemAnalysisFixture, PaperStatistics) {
  auto a = analyse_items(fixture()).value();
  EXPECT_EQ(a.candidates, 6);
  EXPECT_NEAR(a.mean_score, 2.5, kTol);
  EXPECT_NEAR(a.score_variance, 33.0 / 36.0, kTol);
  ASSERT_TRUE(a.kr20);
  EXPECT_NEAR(*a.kr20, 8.0 / 33.0, kTol);
  EXPECT_TRUE(a.kr20_exact);
  EXPECT_EQ(a.upper_group, 3);
  EXPECT_EQ(a.lower_group, 3);
  ASSERT_EQ(a.items.size(), 4u);
}

TEST(ItemAnalysisFixture, FacilityAndDiscrimination) {
  auto a = analyse_items(fixture()).value();
  const double p[] = {5.0 / 6, 0.5, 5.0 / 6, 2.0 / 6};
  const double r[] = {0.4, 0.0, -2.0 / std::sqrt(160.0), 4.0 / std::sqrt(136.0)};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_NEAR(a.items[i].facility, p[i], kTol) << a.items[i].item_id;
    ASSERT_TRUE(a.items[i].discrimination) << a.items[i].item_id;
    EXPECT_NEAR(*a.items[i].discrimination, r[i], kTol) << a.items[i].item_id;
  }
}

TEST(ItemAnalysisFixture, DistractorTables) {
  auto a = analyse_items(fixture()).value();
  using V = std::vector<int>;
  EXPECT_EQ(counts(a.items[0], &OptionRow::count), (V{5, 1, 0, 0}));
  EXPECT_EQ(counts(a.items[0], &OptionRow::upper), (V{3, 0, 0, 0}));
  EXPECT_EQ(counts(a.items[0], &OptionRow::lower), (V{2, 1, 0, 0}));
  EXPECT_EQ(counts(a.items[1], &OptionRow::count), (V{0, 3, 2, 1}));
  EXPECT_EQ(counts(a.items[1], &OptionRow::upper), (V{0, 2, 1, 0}));
  EXPECT_EQ(counts(a.items[1], &OptionRow::lower), (V{0, 1, 1, 1}));
  EXPECT_EQ(counts(a.items[2], &OptionRow::count), (V{5, 1}));
  EXPECT_EQ(counts(a.items[2], &OptionRow::upper), (V{3, 0}));
  EXPECT_EQ(counts(a.items[2], &OptionRow::lower), (V{2, 1}));
  EXPECT_EQ(counts(a.items[3], &OptionRow::count), (V{1, 0, 2, 2}));
  EXPECT_EQ(counts(a.items[3], &OptionRow::upper), (V{0, 0, 2, 1}));
  EXPECT_EQ(counts(a.items[3], &OptionRow::lower), (V{1, 0, 0, 1}));
  EXPECT_EQ(a.items[3].omitted.count, 1);
  EXPECT_EQ(a.items[3].omitted.lower, 1);
  EXPECT_NEAR(a.items[3].options[2].share, 2.0 / 6, kTol);
  EXPECT_TRUE(a.items[3].options[2].key);
  EXPECT_FALSE(a.items[3].options[3].key);
}

TEST(ItemAnalysisFixture, Flags) {
  auto a = analyse_items(fixture()).value();
  EXPECT_EQ(a.items[0].flags, (std::vector<F>{F::kUnusedDistractor}));
  EXPECT_EQ(a.items[1].flags, (std::vector<F>{F::kLowDiscrimination, F::kUnusedDistractor}));
  EXPECT_EQ(a.items[2].flags, (std::vector<F>{F::kLowDiscrimination}));
  EXPECT_EQ(a.items[3].flags, (std::vector<F>{F::kUnusedDistractor}));
  AnalysisBounds strict;
  strict.max_facility = 0.8;
  strict.min_facility = 0.4;
  auto b = analyse_items(fixture(), strict).value();
  EXPECT_EQ(b.items[0].flags.front(), F::kTooEasy);
  EXPECT_EQ(b.items[3].flags.front(), F::kTooHard);
}

TEST(ItemAnalysis, ADistractorBeatingTheKeyInTheUpperGroupIsFlagged) {
  // K1 is the upper group alone (g = round(0.27·4) = 1) and chose B on Q, keyed A.
  std::vector<CandidateResponses> c{
      {sc("Q", 0, 1), tf("R", true), tf("S", true)},
      {sc("Q", 0, 0), tf("R", false), tf("S", false)},
      {sc("Q", 0, 2), tf("R", false), tf("S", false)},
      {sc("Q", 0, 0), tf("R", false), tf("S", false)},
  };
  auto a = analyse_items(c).value();
  EXPECT_EQ(a.upper_group, 1);
  const auto& q = a.items[0];
  ASSERT_EQ(q.item_id, "Q");
  EXPECT_NE(std::find(q.flags.begin(), q.flags.end(), F::kDistractorBeatsKeyUpper), q.flags.end());
}

TEST(ItemAnalysis, UndefinedStatisticsAreNullInJson) {
  std::vector<CandidateResponses> c{{sc("Q", 0, 0), tf("R", true)}, {sc("Q", 0, 0), tf("R", false)}};
  auto a = analyse_items(c).value();
  EXPECT_FALSE(a.items[0].discrimination);
  EXPECT_EQ(a.items[0].discrimination_undefined, Undefined::kNoItemVariance);
  const auto j = analysis_to_json(a);
  EXPECT_TRUE(j["items"][0]["discrimination"].is_null());
  EXPECT_EQ(j["items"][0]["discrimination_undefined"], "no_item_variance");
  EXPECT_NO_THROW((void)j.dump());
  EXPECT_EQ(j["items"][0]["flags"].size(), j["items"][0]["flag_reasons"].size());
  auto one = analyse_items(std::vector<CandidateResponses>{{sc("Q", 0, 0), tf("R", true)}}).value();
  EXPECT_FALSE(one.kr20);
  EXPECT_TRUE(analysis_to_json(one)["kr20"].is_null());
}

TEST(ItemAnalysis, RandomFormsGiveAnEstimateMarkedAsSuch) {
  std::vector<CandidateResponses> c{
      {sc("Q", 0, 0), tf("R", true)}, {sc("Q", 0, 1), tf("S", true)}, {tf("R", false), tf("S", true)},
      {sc("Q", 0, 0), tf("S", false)}};
  auto a = analyse_items(c).value();
  EXPECT_FALSE(a.kr20_exact);
  EXPECT_EQ(a.items[0].candidates, 3);
}

TEST(ItemAnalysis, RefusesInconsistentInput) {
  std::vector<CandidateResponses> twice{{sc("Q", 0, 0), sc("Q", 0, 1)}};
  EXPECT_EQ(analyse_items(twice).error().field, "candidates[0][1]");
  std::vector<CandidateResponses> rekeyed{{sc("Q", 0, 0)}, {sc("Q", 1, 0)}};
  EXPECT_EQ(analyse_items(rekeyed).error().code, ErrorCode::kConflict);
  std::vector<CandidateResponses> range{{ItemResponse{"R", 1, ItemKind::kTrueFalse, 0, std::uint8_t{2}}}};
  EXPECT_EQ(analyse_items(range).error().field, "candidates[0][0].chosen");
  AnalysisBounds bad;
  bad.group_fraction = 0.6;
  EXPECT_EQ(analyse_items(fixture(), bad).error().field, "bounds.group_fraction");
  EXPECT_EQ(analyse_items(std::vector<CandidateResponses>{}).error().field, "candidates");
}

}  // namespace
}  // namespace rc::exam
