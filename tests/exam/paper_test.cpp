#include "exam/paper.h"
#include "exam/sm3.h"

#include <gtest/gtest.h>

#include <set>

#include "exam/exam_fixtures.h"

namespace rc::exam {
namespace {

struct PaperTest : ::testing::Test {
  // 24 reviewed items of each kind per area, plus drafts and a retired item that must never appear.
  static std::vector<Item> items() {
    auto v = testing::synthetic_items(24);
    Item draft = testing::single_choice("DRAFT-1", KnowledgeArea::kEthics);
    draft.status = ReviewStatus::kDraft;
    Item retired = testing::true_false("RETIRED-1", KnowledgeArea::kEthics);
    retired.status = ReviewStatus::kRetired;
    v.push_back(draft);
    v.push_back(retired);
    return v;
  }
  QuestionBank bank = QuestionBank::build("bank-t", items()).value();
  Blueprint bp = derive_blueprint(testing::proposal_weights(), testing::standard_paper()).value();
  PaperRequest req{"sitting-2026-03-15", "cand-0001", 42};
};

TEST_F(PaperTest, FollowsTheBlueprintWithReviewedItemsOnlyAndNoRepeats) {
  auto p = generate_paper(bank, bp, req);
  ASSERT_TRUE(p) << p.error().message;
  ASSERT_EQ(p->questions.size(), 100u);
  std::set<std::string> ids;
  AreaCounts sc{}, tf{};
  for (std::size_t i = 0; i < p->questions.size(); ++i) {
    const auto& q = p->questions[i];
    EXPECT_TRUE(ids.insert(q.item_id).second) << q.item_id;
    EXPECT_EQ(q.kind, i < 80 ? ItemKind::kSingleChoice : ItemKind::kTrueFalse) << "sections: 80 SC then 20 TF";
    const Item* it = bank.find(q.item_id, q.item_version);
    ASSERT_NE(it, nullptr);
    EXPECT_EQ(it->status, ReviewStatus::kReviewed);
    EXPECT_EQ(q.order[q.key], it->key) << "key remapped with the options";
    (q.kind == ItemKind::kSingleChoice ? sc : tf)[area_index(q.area)] += 1;
  }
  EXPECT_EQ(sc, bp.single_choice);
  EXPECT_EQ(tf, bp.true_false);
  EXPECT_TRUE(verify_paper_against_bank(*p, bank));
}

TEST_F(PaperTest, SameSeedSamePaperOtherSeedOtherOrder) {
  auto a = generate_paper(bank, bp, req).value();
  auto b = generate_paper(bank, bp, req).value();
  EXPECT_EQ(canonical_paper_text(a), canonical_paper_text(b));
  EXPECT_EQ(a.seal, b.seal);
  PaperRequest other = req;
  other.seed = 43;
  auto c = generate_paper(bank, bp, other).value();
  EXPECT_NE(a.seal, c.seal);
  EXPECT_NE(canonical_paper_text(a), canonical_paper_text(c));
}

TEST_F(PaperTest, OptionsAndKeysAreReallyShuffled) {
  std::set<std::array<std::uint8_t, 4>> orders;
  std::array<int, 4> key_positions{};
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    PaperRequest r = req;
    r.seed = seed;
    const Paper paper = generate_paper(bank, bp, r).value();  // named: a temporary would die before the loop
    for (const auto& q : paper.questions)
      if (q.kind == ItemKind::kSingleChoice) {
        orders.insert(q.order);
        ++key_positions[q.key];
      }
  }
  EXPECT_EQ(orders.size(), 24u);  // all permutations of four options occur
  for (int n : key_positions) EXPECT_GT(n, 300);  // 1,600 questions: each position ~400
}

TEST_F(PaperTest, SealDetectsEveryKindOfTampering) {
  const Paper p = generate_paper(bank, bp, req).value();
  EXPECT_EQ(p.seal.size(), 64u);
  EXPECT_TRUE(verify_seal(p));
  std::vector<void (*)(Paper&)> edits{
      [](Paper& x) { x.request.candidate_id = "cand-0002"; },
      [](Paper& x) { x.request.sitting_id = "sitting-other"; },
      [](Paper& x) { x.request.seed += 1; },
      [](Paper& x) { x.questions[0].key = static_cast<std::uint8_t>((x.questions[0].key + 1) % 4); },
      [](Paper& x) { std::swap(x.questions[0].order[0], x.questions[0].order[1]); },
      [](Paper& x) { x.questions[5].item_version += 1; },
      [](Paper& x) { std::swap(x.questions[1], x.questions[2]); },
      [](Paper& x) { x.questions.pop_back(); },
  };
  for (std::size_t i = 0; i < edits.size(); ++i) {
    Paper t = p;
    edits[i](t);
    auto r = verify_seal(t);
    ASSERT_FALSE(r) << "edit " << i;
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    EXPECT_EQ(r.error().field, "seal");
  }
}

TEST_F(PaperTest, ABankEditedInPlaceAfterSealingIsDetected) {
  const Paper p = generate_paper(bank, bp, req).value();
  auto edited = items();
  for (Item& it : edited)
    if (it.id == p.questions[3].item_id) it.stem += "（改）";
  auto other = QuestionBank::build("bank-t", edited).value();
  auto r = verify_paper_against_bank(p, other);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "questions[3]");
}

TEST_F(PaperTest, AShortBankNamesTheAreaAndTheShortfall) {
  std::vector<Item> few;
  for (const Item& it : items())
    if (!(it.area == KnowledgeArea::kFirstAid && it.kind == ItemKind::kSingleChoice && it.id.back() >= '5'))
      few.push_back(it);
  auto small = QuestionBank::build("bank-small", few).value();
  auto r = generate_paper(small, bp, req);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().field, "blueprint.single_choice.first_aid");
  EXPECT_NE(r.error().message.find("「现场急救」单选题需要 20 道，已审核 "), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("缺"), std::string::npos);
}

TEST_F(PaperTest, RefusesBadRequestIds) {
  PaperRequest bad = req;
  bad.candidate_id = "cand|1";
  EXPECT_EQ(generate_paper(bank, bp, bad).error().field, "candidate_id");
  bad = req;
  bad.sitting_id = "";
  EXPECT_EQ(generate_paper(bank, bp, bad).error().field, "sitting_id");
}

TEST_F(PaperTest, DisplayedOptionsFollowTheOrder) {
  const Paper p = generate_paper(bank, bp, req).value();
  const PaperQuestion& q = p.questions[0];
  const Item& it = *bank.find(q.item_id, q.item_version);
  auto shown = displayed_options(it, q);
  EXPECT_EQ(shown[q.key], it.options[static_cast<std::size_t>(it.key)]);
}

TEST(PaperSeal, KnownSm3Vector) {
  // GB/T 32905 example: SM3("abc").
  EXPECT_EQ(sm3_hex("abc"), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
}

}  // namespace
}  // namespace rc::exam

namespace rc::exam {
namespace {

TEST(SittingPapers, OnePaperPerCandidateEachWithItsOwnSeed) {
  auto bank = QuestionBank::build("bank-t", testing::synthetic_items(24)).value();
  auto bp = derive_blueprint(testing::proposal_weights(), testing::standard_paper()).value();
  std::vector<CandidateSeed> cands;
  for (int i = 0; i < 30; ++i) cands.push_back(CandidateSeed{"cand-" + std::to_string(i), 1000u + static_cast<unsigned>(i)});
  auto papers = generate_sitting_papers(bank, bp, "sitting-1", cands);
  ASSERT_TRUE(papers) << papers.error().message;
  ASSERT_EQ(papers->size(), 30u);
  std::set<std::string> seals;
  for (std::size_t i = 0; i < papers->size(); ++i) {
    EXPECT_EQ((*papers)[i].request.candidate_id, cands[i].candidate_id);
    EXPECT_EQ((*papers)[i].seal, generate_paper(bank, bp, PaperRequest{"sitting-1", cands[i].candidate_id, cands[i].seed})->seal);
    seals.insert((*papers)[i].seal);
  }
  EXPECT_EQ(seals.size(), 30u);
  cands.push_back(CandidateSeed{"cand-3", 7});
  auto dup = generate_sitting_papers(bank, bp, "sitting-1", cands);
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().field, "candidates[30]");
  cands.back().candidate_id = "bad id";
  EXPECT_EQ(generate_sitting_papers(bank, bp, "sitting-1", cands).error().field, "candidates[30].candidate_id");
}

}  // namespace
}  // namespace rc::exam
