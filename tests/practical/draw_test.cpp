// The draw of the 抽考 items (R7): one item per group, reproducible from the recorded seed.
#include "practical/draw.h"

#include <set>

#include "practical_fixtures.h"

namespace rc::practical {
namespace {

using testing::national;

TEST(Draw, TheSameSeedGivesTheSameDrawAndTheRecordReplays) {
  for (std::uint64_t seed : {0ull, 1ull, 42ull, 0xFFFFFFFFFFFFFFFFull}) {
    const Draw a = draw_items(national(), seed);
    EXPECT_EQ(a, draw_items(national(), seed));
    EXPECT_TRUE(redraw_matches(national(), a));
    auto back = draw_from_json(national(), seed, draw_to_json(a));
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, a);
  }
}

TEST(Draw, AForgedRecordDoesNotMatchItsSeed) {
  Draw d = draw_items(national(), 7);
  const bool was_rope = d.items[0].item_id == "rope_rescue";
  d.items[0].item_id = was_rope ? "airway_obstruction" : "rope_rescue";
  d.items[0].picks.clear();
  EXPECT_FALSE(redraw_matches(national(), d));
}

TEST(Draw, OneItemPerGroupAndEveryItemComesUp) {
  std::set<std::string> seen;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    const Draw d = draw_items(national(), seed);
    ASSERT_EQ(d.items.size(), 2u);
    EXPECT_EQ(d.items[0].group_id, "A");
    EXPECT_EQ(d.items[1].group_id, "B");
    seen.insert(d.items[0].item_id);
    seen.insert(d.items[1].item_id);
    if (d.items[0].item_id == "rope_rescue") {
      ASSERT_EQ(d.items[0].picks.size(), 4u);  // 4 knots of 8, all different
      EXPECT_EQ(std::set<std::string>(d.items[0].picks.begin(), d.items[0].picks.end()).size(), 4u);
    } else {
      EXPECT_TRUE(d.items[0].picks.empty());
    }
  }
  EXPECT_EQ(seen, (std::set<std::string>{"rope_rescue", "airway_obstruction", "sign_recognition", "triage"}));
}

TEST(Draw, AStoredRecordOfAnotherSchemeIsRefused) {
  nlohmann::json j = {{"items", {{{"group", "A"}, {"item", "triage"}, {"picks", nlohmann::json::array()}},
                                 {{"group", "B"}, {"item", "triage"}, {"picks", nlohmann::json::array()}}}}};
  EXPECT_FALSE(draw_from_json(national(), 1, j));
}

}  // namespace
}  // namespace rc::practical
