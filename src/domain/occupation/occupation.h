#pragma once
// The occupation 应急救援员 (code 3-02-03-08) and its five levels (RULES.md R1). Level codes are
// stable: 5 = 五级/初级工 ... 1 = 一级/高级技师. Which levels are open for appraisal is policy data
// (Policy::open_levels); applying for a closed level is refused with kLevelClosed.

#include <span>
#include <string>
#include <string_view>

#include "domain/common/result.h"
#include "domain/policy/policy.h"

namespace rc {

inline constexpr std::string_view kOccupationName = "应急救援员";
inline constexpr std::string_view kOccupationCode = "3-02-03-08";

struct OccupationLevel {
  int code = 0;            // 5..1
  std::string_view grade;  // "五级"
  std::string_view title;  // "初级工"

  std::string display_name() const;  // "五级/初级工"
  friend bool operator==(const OccupationLevel&, const OccupationLevel&) = default;
};

// All five levels, from 五级 (code 5) to 一级 (code 1).
std::span<const OccupationLevel> occupation_levels();

// kUnknownLevel (field "level") for a code outside 1..5.
[[nodiscard]] Result<OccupationLevel> level_by_code(int code);
// Accepts "五级", "初级工" or "五级/初级工"; kUnknownLevel otherwise.
[[nodiscard]] Result<OccupationLevel> level_by_name(std::string_view name);
// The level, if the policy opens it for appraisal (R1); kLevelClosed with a Chinese message naming
// the open levels otherwise.
[[nodiscard]] Result<OccupationLevel> open_level(int code, const Policy& policy);

}  // namespace rc
