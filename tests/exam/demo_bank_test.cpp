// The shipped demo bank (F8, issue 5): counts, uniqueness, one key per item, the current CPR
// facts wherever they are asked, and no tourniquet-release item (DOMAIN.md §1.3-1.4).
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "exam/bank.h"
#include "exam/blueprint.h"

namespace rc::exam {
namespace {

const BankDocument& bank() {
  static const BankDocument b = shipped_demo_bank().value();
  return b;
}

bool mentions(const Item& it, std::string_view word) {
  if (it.stem.find(word) != std::string::npos) return true;
  for (const auto& o : it.options)
    if (o.find(word) != std::string::npos) return true;
  return it.explanation.find(word) != std::string::npos;
}

std::string key_text(const Item& it) { return it.options[static_cast<std::size_t>(it.key)]; }

TEST(DemoBank, HasEnoughItemsOfEachKind) {
  int sc = 0, tf = 0;
  for (const Item& it : bank().items) (it.kind == ItemKind::kSingleChoice ? sc : tf) += 1;
  EXPECT_GE(bank().items.size(), 120u);
  EXPECT_GE(sc, 90);
  EXPECT_GE(tf, 30);
}

TEST(DemoBank, IdsAndStemsAreUniqueAndEveryItemValid) {
  std::set<std::string> ids, stems;
  for (const Item& it : bank().items) {
    EXPECT_TRUE(ids.insert(it.id).second) << it.id;
    EXPECT_TRUE(stems.insert(it.stem).second) << it.stem;
    EXPECT_TRUE(validate_item(it)) << it.id;
  }
}

TEST(DemoBank, EveryItemHasExactlyOneKey) {
  for (const Item& it : bank().items) {
    ASSERT_GE(it.key, 0) << it.id;
    ASSERT_LT(static_cast<std::size_t>(it.key), choice_count(it.kind)) << it.id;
    if (it.kind == ItemKind::kSingleChoice) {
      std::set<std::string> distinct(it.options.begin(), it.options.end());
      EXPECT_EQ(distinct.size(), 4u) << it.id;  // a duplicate option would make two keys
    }
  }
}

TEST(DemoBank, CprFactsAreCurrent) {
  int depth = 0, rate = 0, ratio = 0;
  for (const Item& it : bank().items) {
    if (it.stem.find("按压的深度") != std::string::npos) {
      ++depth;
      EXPECT_EQ(key_text(it), "5～6 cm") << it.id;
    }
    if (it.stem.find("按压的频率") != std::string::npos) {
      ++rate;
      const int want = it.stem.find("100～120") != std::string::npos ? 0 : 1;
      if (it.kind == ItemKind::kSingleChoice) {
        EXPECT_EQ(key_text(it), "100～120次") << it.id;
      } else {
        EXPECT_EQ(it.key, want) << it.id;
      }
    }
    if (it.stem.find("人工呼吸的比例") != std::string::npos) {
      ++ratio;
      const int want = it.stem.find("30:2") != std::string::npos ? 0 : 1;
      if (it.kind == ItemKind::kSingleChoice) {
        EXPECT_EQ(key_text(it), "30:2") << it.id;
      } else {
        EXPECT_EQ(it.key, want) << it.id;
      }
    }
    // No outdated numbers as a right answer anywhere.
    if (it.kind == ItemKind::kSingleChoice) {
      EXPECT_EQ(key_text(it).find("4～5 cm"), std::string::npos) << it.id;
    }
  }
  EXPECT_GE(depth, 1);
  EXPECT_GE(rate, 2);
  EXPECT_GE(ratio, 2);
}

TEST(DemoBank, NoItemAboutLooseningATourniquet) {
  for (const Item& it : bank().items) {
    if (!mentions(it, "止血带")) continue;
    for (std::string_view word : {"松", "放开", "解开", "60分钟", "40～60", "一小时", "1小时"})
      EXPECT_FALSE(mentions(it, word)) << it.id << " mentions " << word;
  }
}

TEST(DemoBank, SatisfiesTheProposalBlueprintWithMargin) {
  auto weights = shipped_blueprint_weights();
  ASSERT_TRUE(weights) << weights.error().message;
  EXPECT_TRUE(weights->provisional);  // PROPOSAL placeholder, DOMAIN.md §1.1
  auto bp = derive_blueprint(*weights, TheoryPaper{QuestionBlock{80, 1}, QuestionBlock{20, 1}, 100, 60});
  ASSERT_TRUE(bp);
  auto qb = QuestionBank::from_document(bank());
  ASSERT_TRUE(qb) << qb.error().message;
  for (ItemKind k : {ItemKind::kSingleChoice, ItemKind::kTrueFalse})
    for (KnowledgeArea a : all_areas())
      EXPECT_GE(static_cast<int>(qb->reviewed(k, a).size()), bp->count(k, a) + 1)
          << kind_code(k) << " " << area_code(a) << ": no spare item";
  EXPECT_TRUE(check_bank_supply(*qb, *bp));
}

TEST(DemoBank, HoldsDraftsThatPapersMustSkip) {
  int drafts = 0;
  for (const Item& it : bank().items) drafts += it.status == ReviewStatus::kDraft;
  EXPECT_GE(drafts, 1);
}

}  // namespace
}  // namespace rc::exam
