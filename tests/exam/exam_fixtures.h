#pragma once
// Small builders shared by the exam tests: valid items, and a bank/blueprint pair sized so that
// tests can reason about every draw.

#include <string>
#include <vector>

#include "exam/bank.h"
#include "exam/blueprint.h"
#include "exam/item.h"

namespace rc::exam::testing {

inline Item single_choice(std::string id, KnowledgeArea area = KnowledgeArea::kFirstAid, int key = 2) {
  Item it;
  it.id = std::move(id);
  it.kind = ItemKind::kSingleChoice;
  it.area = area;
  it.difficulty = 2;
  it.status = ReviewStatus::kReviewed;
  it.stem = "成人胸外按压的深度为：" + it.id;
  it.options = {"3～4 cm", "4～5 cm", "5～6 cm", "7～8 cm"};
  it.key = key;
  return it;
}

inline Item true_false(std::string id, KnowledgeArea area = KnowledgeArea::kFirstAid, bool correct = true) {
  Item it;
  it.id = std::move(id);
  it.kind = ItemKind::kTrueFalse;
  it.area = area;
  it.difficulty = 1;
  it.status = ReviewStatus::kReviewed;
  it.stem = "胸外按压越深越好。" + it.id;
  it.key = correct ? 0 : 1;
  return it;
}

// `per_cell` reviewed items of each kind in every area.
inline std::vector<Item> synthetic_items(int per_cell) {
  std::vector<Item> items;
  for (KnowledgeArea a : all_areas())
    for (int i = 0; i < per_cell; ++i) {
      const std::string suffix = std::string(area_code(a)) + "-" + std::to_string(i);
      items.push_back(single_choice("SC-" + suffix, a, i % 4));
      items.push_back(true_false("TF-" + suffix, a, i % 2 == 0));
    }
  return items;
}

inline TheoryPaper standard_paper() {
  return TheoryPaper{QuestionBlock{80, 1}, QuestionBlock{20, 1}, 100, 60};
}

inline BlueprintWeights proposal_weights() {
  BlueprintWeights w;
  w.id = "bp-test";
  w.title = "测试蓝图";
  w.weight_bp = {500, 2500, 1000, 2500, 1500, 1000, 1000};
  return w;
}

}  // namespace rc::exam::testing
