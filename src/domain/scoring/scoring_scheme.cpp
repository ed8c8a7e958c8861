#include "domain/scoring/scoring_scheme.h"

#include <cstdio>
#include <set>

namespace rc {
namespace {

constexpr int kBasisPoints = 10'000;
constexpr int kTenthsPerPoint = 10;
// One tenth-point with two basis-point factors: 1e-1 * 1e-4 * 1e-4 = 1e-9 point per unit.
static_assert(PracticalScore::kUnitsPerPoint == std::int64_t{kTenthsPerPoint} * kBasisPoints * kBasisPoints);

Result<void> bad(std::string field, std::string message) {
  return fail(ErrorCode::kBadScoringScheme, std::move(field), std::move(message), "R7");
}

Result<void> check_item(const ScoredItem& item, const std::string& field, std::set<std::string>& ids) {
  if (item.id.empty()) return bad(field + ".id", "考核项目缺少编号（R7）");
  if (!ids.insert(item.id).second) return bad(field + ".id", "考核项目编号重复：" + item.id + "（R7）");
  if (item.name.empty()) return bad(field + ".name", "考核项目缺少名称（R7）");
  if (item.max_points <= 0 || item.max_points > 100) return bad(field + ".max_points", "项目满分应在 1 到 100 之间（R7）");
  return ok();
}

Result<void> check_drawn(const ScoringScheme& s, std::set<std::string>& ids) {
  if (s.drawn.empty()) return s.drawn_weight_bp == 0 ? ok() : bad("drawn.groups", "抽考部分有权重但没有抽考组（R7）");
  int shares = 0;
  std::set<std::string> group_ids;
  for (std::size_t g = 0; g < s.drawn.size(); ++g) {
    const DrawGroup& group = s.drawn[g];
    const std::string field = "drawn.groups[" + std::to_string(g) + "]";
    if (group.id.empty() || !group_ids.insert(group.id).second) return bad(field + ".id", "抽考组编号为空或重复（R7）");
    if (group.share_bp <= 0 || group.share_bp > kBasisPoints) return bad(field + ".share_bp", "抽考组占比应在 1 到 10000 基点之间（R7）");
    if (group.items.empty()) return bad(field + ".items", "抽考组没有项目（R7）");
    shares += group.share_bp;
    for (std::size_t i = 0; i < group.items.size(); ++i) {
      const std::string item_field = field + ".items[" + std::to_string(i) + "]";
      if (auto r = check_item(group.items[i], item_field, ids); !r) return r;
      if (group.items[i].max_points != 100) return bad(item_field + ".max_points", "抽考项目按百分制评分，满分应为 100（R7）");
    }
  }
  if (shares != kBasisPoints) return bad("drawn.groups", "各抽考组占比之和应为 10000 基点（R7）");
  return ok();
}

const ScoredItem* find_item(const std::vector<ScoredItem>& items, const std::string& id) {
  for (const ScoredItem& i : items)
    if (i.id == id) return &i;
  return nullptr;
}

// Where an item id belongs: mandatory (group -1) or a draw group index.
struct ItemPlace {
  const ScoredItem* item = nullptr;
  int group = -1;
};

ItemPlace locate(const ScoringScheme& s, const std::string& id) {
  if (const ScoredItem* m = find_item(s.mandatory, id)) return {m, -1};
  for (std::size_t g = 0; g < s.drawn.size(); ++g)
    if (const ScoredItem* d = find_item(s.drawn[g].items, id)) return {d, static_cast<int>(g)};
  return {};
}

int display_tenths(std::int64_t units, bool passed, int pass_mark) {
  constexpr std::int64_t kUnitsPerTenth = PracticalScore::kUnitsPerPoint / kTenthsPerPoint;
  auto tenths = static_cast<int>((units + kUnitsPerTenth / 2) / kUnitsPerTenth);  // half-up, units >= 0
  if (!passed && tenths >= pass_mark * kTenthsPerPoint) tenths = pass_mark * kTenthsPerPoint - 1;
  return tenths;
}

}  // namespace

std::string PracticalScore::display() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d.%d", display_tenths / 10, display_tenths % 10);
  return buf;
}

Result<void> validate_scoring_scheme(const ScoringScheme& s) {
  if (s.id.empty()) return bad("scheme_id", "评分方案缺少版本编号（R7）");
  if (s.pass_mark <= 0 || s.pass_mark > 100) return bad("pass_mark", "合格线应在 1 到 100 之间（R7）");
  if (s.mandatory_weight_bp < 0 || s.drawn_weight_bp < 0 || s.mandatory_weight_bp + s.drawn_weight_bp != kBasisPoints)
    return bad("mandatory.weight_bp", "必考与抽考权重之和应为 10000 基点（R7）");
  if (s.mandatory.empty()) return bad("mandatory.items", "评分方案没有必考项目（R7）");
  std::set<std::string> ids;
  int max_sum = 0;
  for (std::size_t i = 0; i < s.mandatory.size(); ++i) {
    if (auto r = check_item(s.mandatory[i], "mandatory.items[" + std::to_string(i) + "]", ids); !r) return r;
    max_sum += s.mandatory[i].max_points;
  }
  if (max_sum != 100) return bad("mandatory.items", "必考项目满分之和应为 100（R7）");
  return check_drawn(s, ids);
}

Result<PracticalScore> score_practical(const ScoringScheme& s, const std::vector<ItemScore>& scores) {
  std::int64_t mandatory_tenths = 0;
  std::int64_t drawn_weighted = 0;  // Σ share_bp · tenths
  std::set<std::string> seen;
  std::vector<bool> group_seen(s.drawn.size(), false);
  for (std::size_t k = 0; k < scores.size(); ++k) {
    const ItemScore& sc = scores[k];
    const std::string field = "scores[" + std::to_string(k) + "]";
    const ItemPlace place = locate(s, sc.item_id);
    if (place.item == nullptr) return fail(ErrorCode::kInvalidValue, field, "评分方案中没有该项目：" + sc.item_id + "（R7）", "R7");
    if (!seen.insert(sc.item_id).second) return fail(ErrorCode::kInvalidValue, field, "项目重复评分：" + place.item->name + "（R7）", "R7");
    if (sc.tenths < 0 || sc.tenths > place.item->max_points * kTenthsPerPoint)
      return fail(ErrorCode::kScoreOutOfRange, field,
                  place.item->name + " 的得分应在 0 到 " + std::to_string(place.item->max_points) + " 分之间（R7）", "R7");
    if (place.group < 0) {
      mandatory_tenths += sc.tenths;
      continue;
    }
    const auto g = static_cast<std::size_t>(place.group);
    if (group_seen[g]) return fail(ErrorCode::kInvalidValue, field, "每个抽考组只能有一个项目得分（R7）", "R7");
    group_seen[g] = true;
    drawn_weighted += std::int64_t{s.drawn[g].share_bp} * sc.tenths;
  }
  for (const ScoredItem& m : s.mandatory)
    if (!seen.count(m.id)) return fail(ErrorCode::kMissingField, m.id, "缺少必考项目得分：" + m.name + "（R7）", "R7");
  for (std::size_t g = 0; g < s.drawn.size(); ++g)
    if (!group_seen[g]) return fail(ErrorCode::kMissingField, s.drawn[g].id, "缺少抽考组 " + s.drawn[g].id + " 的得分（R7）", "R7");

  PracticalScore out;
  // mandatory: weight_bp · (tenths out of 1000) scaled to the same 1e-9 unit as the drawn part.
  out.exact_units = std::int64_t{s.mandatory_weight_bp} * kBasisPoints * mandatory_tenths +
                    std::int64_t{s.drawn_weight_bp} * drawn_weighted;
  out.passed = out.exact_units >= std::int64_t{s.pass_mark} * PracticalScore::kUnitsPerPoint;
  out.display_tenths = display_tenths(out.exact_units, out.passed, s.pass_mark);
  return out;
}

}  // namespace rc
