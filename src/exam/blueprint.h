#pragma once
// The theory blueprint (F9, R6): how many single-choice and true/false questions each knowledge
// area contributes to a paper. The counts per kind (80 + 20) and points come from the policy's
// TheoryPaper; the area weights come from a blueprint document (data/blueprint-*.json). The
// official 理论知识权重表 is UNKNOWN (DOMAIN.md §1.1): the shipped weights are the PROPOSAL
// placeholder, marked "provisional" in the file. Pure; thread-safe.
//
// Blueprint document:
//   {"id": "blueprint-proposal-2025", "title": "...", "provisional": true, "comment": "...",
//    "weights_bp": {"ethics": 500, "basics": 2500, ..., "disaster": 1000}}
// weights in basis points (1/100 of a percent), every area present, summing to 10000.

#include <array>
#include <string>
#include <string_view>

#include "domain/common/result.h"
#include "domain/scoring/theory_scoring.h"
#include "exam/item.h"

namespace rc::exam {

using AreaCounts = std::array<int, kKnowledgeAreaCount>;  // indexed by area_index()

struct BlueprintWeights {
  std::string id;
  std::string title;
  std::string comment;
  bool provisional = false;
  AreaCounts weight_bp{};  // sums to 10000
};

struct Blueprint {
  std::string id;  // the weights document's id
  AreaCounts single_choice{};
  AreaCounts true_false{};
  int single_choice_points = 1;
  int true_false_points = 1;

  int count(ItemKind k, KnowledgeArea a) const {
    return (k == ItemKind::kSingleChoice ? single_choice : true_false)[area_index(a)];
  }
  int total(ItemKind k) const;
};

[[nodiscard]] Result<BlueprintWeights> parse_blueprint_weights_text(std::string_view text);
// The shipped weights (data/blueprint-proposal-2025.json, embedded at build time).
[[nodiscard]] Result<BlueprintWeights> shipped_blueprint_weights();

// Each kind's count split over the areas by weight, largest remainder first (ties: weight-table
// order), so the counts sum exactly to the paper's and are stable. kInvalidValue when the paper
// is not valid (validate_theory_paper).
[[nodiscard]] Result<Blueprint> derive_blueprint(const BlueprintWeights& weights, const TheoryPaper& paper);

}  // namespace rc::exam
