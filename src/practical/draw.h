#pragma once
// The draw of the 抽考 items (RULES.md R7): one item of each draw group, and for a drawn item
// whose content is itself drawn (ContentPick, e.g. 4 knots of 8) that content. It is a pure
// function of the scheme and a 64-bit seed: the app takes the seed from the platform's random
// source, records it with the time, and anyone can recompute the draw from the record for audit
// (redraw_matches). Thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/common/result.h"
#include "practical/assessment_scheme.h"

namespace rc::practical {

struct DrawnItem {
  std::string group_id;
  std::string item_id;
  std::vector<std::string> picks;  // the drawn content, in drawing order (empty without a pick)
  friend bool operator==(const DrawnItem&, const DrawnItem&) = default;
};

struct Draw {
  std::uint64_t seed = 0;
  std::vector<DrawnItem> items;  // one per draw group, in the scheme's group order
  friend bool operator==(const Draw&, const Draw&) = default;
};

// The draw for `seed`: SeededRandom(seed); per group in order an index uniform over its items,
// then for that item's pick a partial Fisher-Yates shuffle of its pool. REQUIRES: a valid scheme.
Draw draw_items(const AssessmentScheme& scheme, std::uint64_t seed);

// The stored form: {"items":[{"group":"A","item":"rope_rescue","picks":[...]}, ...]}.
nlohmann::json draw_to_json(const Draw& draw);
// Reads the stored form back (seed given apart) and checks it against the scheme; kInvalidValue.
[[nodiscard]] Result<Draw> draw_from_json(const AssessmentScheme& scheme, std::uint64_t seed, const nlohmann::json& items);
// Audit: whether a recorded draw is exactly what its seed gives (R7 "reproducible from its seed").
bool redraw_matches(const AssessmentScheme& scheme, const Draw& recorded);

// The items a candidate is assessed on: every mandatory item, then the drawn ones.
std::vector<const AssessedItem*> assessed_items(const AssessmentScheme& scheme, const Draw& draw);

}  // namespace rc::practical
