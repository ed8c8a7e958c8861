#include "practical/draw.h"

#include <utility>

#include "domain/common/random.h"

namespace rc::practical {

Draw draw_items(const AssessmentScheme& scheme, std::uint64_t seed) {
  SeededRandom random(seed);
  Draw d;
  d.seed = seed;
  for (const auto& g : scheme.drawn) {
    const auto& item = g.items[random.uniform(g.items.size())];
    DrawnItem di{g.id, item.id, {}};
    if (item.pick.count > 0) {
      std::vector<std::string> pool = item.pick.pool;
      for (int k = 0; k < item.pick.count; ++k) {
        const auto remaining = pool.size() - static_cast<std::size_t>(k);
        const auto j = static_cast<std::size_t>(k) + random.uniform(remaining);
        std::swap(pool[static_cast<std::size_t>(k)], pool[j]);
        di.picks.push_back(pool[static_cast<std::size_t>(k)]);
      }
    }
    d.items.push_back(std::move(di));
  }
  return d;
}

nlohmann::json draw_to_json(const Draw& draw) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : draw.items) items.push_back({{"group", i.group_id}, {"item", i.item_id}, {"picks", i.picks}});
  return {{"items", items}};
}

Result<Draw> draw_from_json(const AssessmentScheme& scheme, std::uint64_t seed, const nlohmann::json& j) {
  const auto bad = [] { return fail(ErrorCode::kInvalidValue, "items_json", "抽考记录与评分方案不符（R7）", "R7"); };
  if (!j.is_object() || !j.contains("items") || !j["items"].is_array() || j["items"].size() != scheme.drawn.size()) return bad();
  Draw d;
  d.seed = seed;
  for (std::size_t g = 0; g < scheme.drawn.size(); ++g) {
    const auto& e = j["items"][g];
    if (!e.is_object() || !e.value("group", nlohmann::json()).is_string() || !e.value("item", nlohmann::json()).is_string() ||
        !e.value("picks", nlohmann::json()).is_array())
      return bad();
    DrawnItem di{e["group"].get<std::string>(), e["item"].get<std::string>(), {}};
    for (const auto& p : e["picks"]) {
      if (!p.is_string()) return bad();
      di.picks.push_back(p.get<std::string>());
    }
    bool member = di.group_id == scheme.drawn[g].id;
    if (member) {
      member = false;
      for (const auto& it : scheme.drawn[g].items) member = member || it.id == di.item_id;
    }
    if (!member) return bad();
    d.items.push_back(std::move(di));
  }
  return d;
}

bool redraw_matches(const AssessmentScheme& scheme, const Draw& recorded) {
  return draw_items(scheme, recorded.seed) == recorded;
}

std::vector<const AssessedItem*> assessed_items(const AssessmentScheme& scheme, const Draw& draw) {
  std::vector<const AssessedItem*> out;
  for (const auto& it : scheme.mandatory) out.push_back(&it);
  for (const auto& di : draw.items)
    if (const AssessedItem* it = scheme.item(di.item_id)) out.push_back(it);
  return out;
}

}  // namespace rc::practical
