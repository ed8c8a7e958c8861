#pragma once
// AssessmentScheme: how the practical assessment (技能考核, RULES.md R7, F12) of one exam version
// is examined in one region, as data: the four mandatory items (必考) and the two draw groups
// (抽考) with every checklist line and its points (DOMAIN.md §1.3), items whose content is itself
// drawn from a pool (e.g. 4 knots of 8), the veto items (一票否决) and how examiners' votes on them
// decide, the examiners per group (odd, at least 3 by default), how their sheets are combined
// (median or mean) and when two examiners diverge, and how long a group's claim on a candidate
// lasts. The R7 formula (weights, shares, pass mark) is derived as a domain ScoringScheme and
// must agree with the policy's (check_formula_agrees).
//
// Parsing is strict (unknown keys, wrong types, duplicates refused) and every problem is
// kBadScoringScheme naming the field path ("mandatory.items[2].lines[7].points").
// Values are immutable after parsing; thread-safe to share.

#include <string>
#include <string_view>
#include <vector>

#include "domain/common/result.h"
#include "domain/scoring/scoring_scheme.h"

namespace rc::practical {

// One checklist line: scored by each examiner from 0 to points, in tenths of a point.
struct ChecklistLine {
  std::string id;  // unique within its item
  std::string text;
  int points = 0;
};

// An item's content drawn from a pool at the draw (e.g. "抽到的绳结": 4 of 8 knots).
struct ContentPick {
  std::string label;
  int count = 0;
  std::vector<std::string> pool;
};

struct AssessedItem {
  std::string id;
  std::string name;
  std::vector<ChecklistLine> lines;  // points sum to the item's maximum
  ContentPick pick;                  // count 0: none
  std::string note;
  int max_points() const;
  const ChecklistLine* line(std::string_view id) const;
};

struct AssessedGroup {
  std::string id;
  std::string name;
  int share_bp = 0;
  std::vector<AssessedItem> items;  // each out of 100; one is drawn
};

// A veto item (一票否决): an error that fails the candidate whatever the total (R7, configuration).
struct VetoRule {
  std::string id;
  std::string item_id;
  std::string text;
};

enum class CombineMethod { kMedian, kMean };
enum class VetoDecision { kMajority, kAny };  // how many examiners must mark a veto for it to count

struct ExaminerRules {
  int min = 3;
  int max = 9;
  bool odd = true;
};

struct AssessmentScheme {
  std::string id;            // this scheme's version, e.g. "practical-000000-2019.1"
  std::string title;
  std::string comment;
  bool provisional = false;
  std::string exam_version;  // the policy's practical.scheme_id it implements
  std::string region;        // GB/T 2260 code of 6 digits; "000000" = every region without its own
  int pass_mark = 60;
  int mandatory_weight_bp = 0;
  std::vector<AssessedItem> mandatory;
  int drawn_weight_bp = 0;
  std::vector<AssessedGroup> drawn;
  std::vector<VetoRule> vetoes;
  VetoDecision veto_decision = VetoDecision::kMajority;
  ExaminerRules examiners;
  CombineMethod combine = CombineMethod::kMedian;
  int divergence_percent = 20;  // flag an item when two examiners differ by more than this % of its maximum
  int claim_minutes = 30;

  // The R7 formula of this scheme (item maxima from their lines).
  ScoringScheme formula() const;
  // Mandatory or drawn item by id; nullptr when none.
  const AssessedItem* item(std::string_view id) const;
  const VetoRule* veto(std::string_view id) const;
  // kPracticalExaminers unless `count` examiners satisfy the rules (odd, min..max).
  [[nodiscard]] Result<void> check_examiner_count(int count) const;
};

std::string_view combine_method_text(CombineMethod m);  // "median" | "mean"

// Parses and validates a scheme document (JSON text, at most 1 MiB).
[[nodiscard]] Result<AssessmentScheme> parse_assessment_scheme(std::string_view json_text);
// The cross-field rules (also run by the parser): ids unique, lines' points positive, mandatory
// maxima sum to 100, drawn items out of 100, pick counts within their pools, vetoes name a
// scored item, and the derived formula passes validate_scoring_scheme.
[[nodiscard]] Result<void> validate_assessment_scheme(const AssessmentScheme& scheme);
// kBadScoringScheme (field "exam_version") unless the scheme's formula is the policy's: pass mark,
// weights, items and maxima, groups and shares (R7: the policy decides the formula per version).
[[nodiscard]] Result<void> check_formula_agrees(const AssessmentScheme& scheme, const ScoringScheme& policy);

}  // namespace rc::practical
