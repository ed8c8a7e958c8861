#pragma once
// Item analysis (F11), the read side of marking: per item the facility index p (share correct),
// discrimination as the corrected item-total correlation (point-biserial of the item against the
// total minus that item), a distractor table (each option's count and share, overall and in the
// upper and lower 27% groups) and flags against configured bounds; for the paper, KR-20.
//
// Candidates may have different papers (random assembly): each item is analysed over the
// candidates who had it, and KR-20 is exact when every candidate had the same items; otherwise it
// is the random-forms estimate k/(k-1)·(1 - Σ (n_i/N)·p_i·q_i / σ²), k the mean paper length,
// with kr20_exact = false. Sums are taken in integers, so the result does not depend on the
// order of candidates or items. Undefined statistics are nullopt (null in JSON), never NaN.
//
// Groups: the upper group is every candidate whose total is at least the g-th highest total
// (g = round(0.27·N), at least 1); the lower likewise from the bottom. Ties at the cut all join,
// so the groups do not depend on the order of candidates. Pure; thread-safe.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/common/result.h"
#include "exam/item.h"
#include "exam/marking.h"

namespace rc::exam {

// One candidate's answer to one item, in the item's ORIGINAL option order.
struct ItemResponse {
  std::string item_id;
  int item_version = 1;
  ItemKind kind = ItemKind::kSingleChoice;
  std::uint8_t key = 0;                // original option of the right answer
  std::optional<std::uint8_t> chosen;  // original option chosen; none = omitted
};
using CandidateResponses = std::vector<ItemResponse>;

// A marked paper as analysis input.
CandidateResponses responses_of(const Paper& paper, const PaperMark& mark);

struct AnalysisBounds {
  double min_facility = 0.2;
  double max_facility = 0.95;
  double min_discrimination = 0.2;
  double group_fraction = 0.27;
};

enum class ItemFlag {
  kTooHard,                   // p < min_facility
  kTooEasy,                   // p > max_facility
  kLowDiscrimination,         // discrimination < min_discrimination (when defined)
  kUnusedDistractor,          // a wrong single-choice option nobody chose
  kDistractorBeatsKeyUpper,   // a wrong option chosen more than the key in the upper group
};
std::string_view flag_code(ItemFlag f);
std::string_view flag_name_zh(ItemFlag f);

enum class Undefined { kNone, kTooFewCandidates, kNoItemVariance, kNoRestVariance };
std::string_view undefined_code(Undefined u);

struct OptionRow {
  int count = 0;
  double share = 0;  // of the candidates who had the item
  int upper = 0;
  int lower = 0;
  bool key = false;
};

struct ItemStatistics {
  std::string item_id;
  int item_version = 1;
  ItemKind kind = ItemKind::kSingleChoice;
  std::uint8_t key = 0;
  int candidates = 0;  // who had the item
  int correct = 0;
  double facility = 0;
  std::optional<double> discrimination;
  Undefined discrimination_undefined = Undefined::kNone;
  std::vector<OptionRow> options;  // original order: A-D, or 正确/错误
  OptionRow omitted;               // no answer (key is always false)
  std::vector<ItemFlag> flags;
};

struct ItemAnalysis {
  int candidates = 0;
  double mean_score = 0;      // mean number correct
  double score_variance = 0;  // population variance of the number correct
  std::optional<double> kr20;
  Undefined kr20_undefined = Undefined::kNone;
  bool kr20_exact = true;
  int upper_group = 0;
  int lower_group = 0;
  std::vector<ItemStatistics> items;  // by (item id, version)
};

// kInvalidValue for bounds out of range ("bounds.min_facility") or a choice/key out of range
// ("candidates[i][j].chosen"); kConflict for an item twice on one paper or an item whose kind or
// key differs between candidates.
[[nodiscard]] Result<ItemAnalysis> analyse_items(std::span<const CandidateResponses> candidates,
                                                 const AnalysisBounds& bounds = {});

nlohmann::json analysis_to_json(const ItemAnalysis& analysis);

}  // namespace rc::exam
