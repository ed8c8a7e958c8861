// RapidCheck properties of item analysis: KR-20 never exceeds 1 on a common form; an item every
// candidate got right has p = 1 and an undefined (null, not NaN) discrimination; the order of
// candidates changes nothing at all.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>

#include "exam/item_analysis.h"

namespace rc::exam {
namespace {

// A common form of k items answered by n candidates; choices drawn freely (none or any option).
std::vector<CandidateResponses> random_form(int n, int k, const std::vector<int>& raw) {
  std::vector<CandidateResponses> out(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < k; ++j) {
      const ItemKind kind = j % 3 == 2 ? ItemKind::kTrueFalse : ItemKind::kSingleChoice;
      const int options = static_cast<int>(choice_count(kind));
      const int r = raw[static_cast<std::size_t>(i * k + j) % raw.size()];
      std::optional<std::uint8_t> chosen;
      if (r % (options + 1) != options) chosen = static_cast<std::uint8_t>(r % (options + 1));
      out[static_cast<std::size_t>(i)].push_back(
          ItemResponse{"I" + std::to_string(j), 1, kind, static_cast<std::uint8_t>(j % options), chosen});
    }
  return out;
}

RC_GTEST_PROP(ItemAnalysisProperties, Kr20NeverExceedsOne, ()) {
  const int n = *::rc::gen::inRange(2, 40);
  const int k = *::rc::gen::inRange(2, 12);
  const auto raw = *::rc::gen::container<std::vector<int>>(static_cast<std::size_t>(n * k), ::rc::gen::inRange(0, 5));
  auto a = analyse_items(random_form(n, k, raw));
  RC_ASSERT(a.has_value());
  if (a->kr20) {
    RC_ASSERT(std::isfinite(*a->kr20));
    RC_ASSERT(*a->kr20 <= 1.0 + 1e-12);
  }
  for (const auto& s : a->items) {
    RC_ASSERT(s.facility >= 0.0 && s.facility <= 1.0);
    if (s.discrimination) RC_ASSERT(std::abs(*s.discrimination) <= 1.0);
  }
}

RC_GTEST_PROP(ItemAnalysisProperties, AnItemEveryoneGotRightHasFacilityOneAndNoDiscrimination, ()) {
  const int n = *::rc::gen::inRange(1, 30);
  const int k = *::rc::gen::inRange(2, 8);
  const auto raw = *::rc::gen::container<std::vector<int>>(static_cast<std::size_t>(n * k), ::rc::gen::inRange(0, 5));
  auto form = random_form(n, k, raw);
  for (auto& c : form) c[0].chosen = c[0].key;  // item I0 answered right by all
  auto a = analyse_items(form);
  RC_ASSERT(a.has_value());
  const auto it = std::find_if(a->items.begin(), a->items.end(), [](const auto& s) { return s.item_id == "I0"; });
  RC_ASSERT(it != a->items.end());
  RC_ASSERT(it->facility == 1.0);
  RC_ASSERT(!it->discrimination.has_value());
  RC_ASSERT(it->discrimination_undefined != Undefined::kNone);
  const auto j = analysis_to_json(*a);
  const std::string text = j.dump();
  RC_ASSERT(text.find("NaN") == std::string::npos && text.find("nan") == std::string::npos);
}

RC_GTEST_PROP(ItemAnalysisProperties, PermutingCandidatesChangesNothing, ()) {
  const int n = *::rc::gen::inRange(1, 30);
  const int k = *::rc::gen::inRange(1, 8);
  const auto raw = *::rc::gen::container<std::vector<int>>(static_cast<std::size_t>(n * k), ::rc::gen::inRange(0, 5));
  auto form = random_form(n, k, raw);
  // Different forms too: drop a few responses at random places.
  const auto drops = *::rc::gen::container<std::vector<int>>(::rc::gen::inRange(0, n));
  for (int d : drops) {
    auto& c = form[static_cast<std::size_t>(d % n)];
    if (c.size() > 1) c.erase(c.begin() + d % static_cast<int>(c.size()));
  }
  auto shuffled = form;
  const auto order = *::rc::gen::container<std::vector<int>>(static_cast<std::size_t>(n), ::rc::gen::arbitrary<int>());
  std::vector<std::size_t> idx(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) { return std::pair{order[x], x} < std::pair{order[y], y}; });
  for (std::size_t i = 0; i < idx.size(); ++i) shuffled[i] = form[idx[i]];
  for (auto& c : shuffled) std::reverse(c.begin(), c.end());  // response order within a paper too
  auto a = analyse_items(form);
  auto b = analyse_items(shuffled);
  RC_ASSERT(a.has_value() && b.has_value());
  RC_ASSERT(analysis_to_json(*a).dump() == analysis_to_json(*b).dump());
}

}  // namespace
}  // namespace rc::exam
