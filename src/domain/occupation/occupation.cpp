#include "domain/occupation/occupation.h"

#include <algorithm>
#include <array>

namespace rc {
namespace {

constexpr std::array<OccupationLevel, 5> kLevels{{
    {5, "五级", "初级工"},
    {4, "四级", "中级工"},
    {3, "三级", "高级工"},
    {2, "二级", "技师"},
    {1, "一级", "高级技师"},
}};

}  // namespace

std::string OccupationLevel::display_name() const { return std::string(grade) + "/" + std::string(title); }

std::span<const OccupationLevel> occupation_levels() { return kLevels; }

Result<OccupationLevel> level_by_code(int code) {
  for (const OccupationLevel& l : kLevels)
    if (l.code == code) return l;
  return fail(ErrorCode::kUnknownLevel, "level",
              std::string(kOccupationName) + "没有代码为 " + std::to_string(code) + " 的等级（应为 1 到 5）（R1）", "R1");
}

Result<OccupationLevel> level_by_name(std::string_view name) {
  for (const OccupationLevel& l : kLevels)
    if (name == l.grade || name == l.title || name == l.display_name()) return l;
  return fail(ErrorCode::kUnknownLevel, "level", std::string(kOccupationName) + "没有这个等级（R1）", "R1");
}

Result<OccupationLevel> open_level(int code, const Policy& policy) {
  auto level = level_by_code(code);
  if (!level) return level;
  if (std::find(policy.open_levels.begin(), policy.open_levels.end(), code) != policy.open_levels.end()) return level;
  std::string open;
  for (const OccupationLevel& l : kLevels)
    if (std::find(policy.open_levels.begin(), policy.open_levels.end(), l.code) != policy.open_levels.end())
      open += (open.empty() ? "" : "、") + l.display_name();
  return fail(ErrorCode::kLevelClosed, "level",
              std::string(kOccupationName) + level->display_name() + "目前未开放鉴定，当前开放的等级：" + open +
                  "（R1，" + policy.id + "）",
              "R1");
}

}  // namespace rc
