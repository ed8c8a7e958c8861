#pragma once
// Practical assessment scoring (RULES.md R7) as data: a versioned ScoringScheme lists the
// mandatory items (必考, scored together out of 100) and the draw groups (抽考: one item drawn from
// each group, each item scored out of 100), with the weights of the two parts and the split of the
// drawn part between its groups, all in integer basis points (1 bp = 1/10000).
//
// Default (policy-2025): total = 0.75·M + 0.25·O, O = 0.6·A + 0.4·B.
//
// Arithmetic is exact. Item scores are integers of tenths of a point; the total is an integer of
// PracticalScore::kUnitsPerPoint units (1e-9 point): with tenths, basis points and basis points no
// rounding ever happens, so "total >= 60" is decided exactly (never a float comparison).
//
// Display: one decimal, rounded half-up on the exact value, except that a failing total is never
// shown as reaching the pass mark (59.95 exact is shown "59.9", not "60.0"): the shown figure must
// never contradict the verdict.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/common/result.h"

namespace rc {

struct ScoredItem {
  std::string id;    // stable code, e.g. "cpr"
  std::string name;  // Chinese name, e.g. "心肺复苏"
  int max_points = 0;
};

// One 抽考 group: the candidate is assessed on exactly one of its items (the draw, R7).
struct DrawGroup {
  std::string id;  // e.g. "A"
  int share_bp = 0;  // share of the drawn part, basis points
  std::vector<ScoredItem> items;  // each out of 100 points
};

struct ScoringScheme {
  std::string id;  // version of the scheme, e.g. "practical-r7-2019"
  int pass_mark = 0;  // whole points out of 100
  int mandatory_weight_bp = 0;
  std::vector<ScoredItem> mandatory;  // max points sum to 100
  int drawn_weight_bp = 0;
  std::vector<DrawGroup> drawn;  // shares sum to 10000
};

// An examiner's score for one item, in tenths of a point (815 = 81.5 points).
struct ItemScore {
  std::string item_id;
  int tenths = 0;
};

struct PracticalScore {
  static constexpr std::int64_t kUnitsPerPoint = 1'000'000'000;
  std::int64_t exact_units = 0;  // total in 1e-9 point, exact
  bool passed = false;
  int display_tenths = 0;  // the one-decimal figure shown to people (see rounding above)

  std::string display() const;  // "59.9"
};

// A scheme makes sense: weights sum to 10000 bp, shares sum to 10000 bp, mandatory max points sum
// to 100, every drawn item is out of 100, ids are unique, 0 < pass_mark <= 100.
// Errors: kBadScoringScheme naming the field (e.g. "drawn.groups[1].share_bp").
[[nodiscard]] Result<void> validate_scoring_scheme(const ScoringScheme& scheme);

// REQUIRES: validate_scoring_scheme(scheme) succeeded.
// `scores` holds every mandatory item once and exactly one item of each draw group. Errors:
// kScoreOutOfRange (below 0 or above the item's maximum), kInvalidValue (unknown or repeated item,
// two items of one group), kMissingField (a mandatory item or a group without a score). The field
// is "scores[i]" or the item / group id.
[[nodiscard]] Result<PracticalScore> score_practical(const ScoringScheme& scheme, const std::vector<ItemScore>& scores);

}  // namespace rc
