#include "domain/occupation/occupation.h"

#include <gtest/gtest.h>

namespace rc {
namespace {

Policy policy_opening(std::vector<int> levels) {
  Policy p;
  p.id = "test-policy";
  p.open_levels = std::move(levels);
  return p;
}

TEST(Occupation, CodeAndName) {
  EXPECT_EQ(kOccupationCode, "3-02-03-08");
  EXPECT_EQ(kOccupationName, "应急救援员");
}

TEST(Occupation, FiveLevelsWithStableCodes) {
  auto levels = occupation_levels();
  ASSERT_EQ(levels.size(), 5u);
  EXPECT_EQ(levels[0].display_name(), "五级/初级工");
  EXPECT_EQ(levels[1].display_name(), "四级/中级工");
  EXPECT_EQ(levels[2].display_name(), "三级/高级工");
  EXPECT_EQ(levels[3].display_name(), "二级/技师");
  EXPECT_EQ(levels[4].display_name(), "一级/高级技师");
  for (std::size_t i = 0; i < levels.size(); ++i) EXPECT_EQ(levels[i].code, 5 - static_cast<int>(i));
}

TEST(Occupation, LookupByCodeAndName) {
  EXPECT_EQ(level_by_code(3)->title, "高级工");
  EXPECT_EQ(level_by_name("技师")->code, 2);
  EXPECT_EQ(level_by_name("五级")->code, 5);
  EXPECT_EQ(level_by_name("一级/高级技师")->code, 1);
  EXPECT_EQ(level_by_code(0).error().code, ErrorCode::kUnknownLevel);
  EXPECT_EQ(level_by_code(6).error().code, ErrorCode::kUnknownLevel);
  EXPECT_EQ(level_by_name("特级技师").error().code, ErrorCode::kUnknownLevel);
}

TEST(Occupation, OnlyOpenLevelsMayBeAppliedFor) {
  const Policy p = policy_opening({5});
  EXPECT_TRUE(open_level(5, p));
  auto closed = open_level(4, p);
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, ErrorCode::kLevelClosed);
  EXPECT_EQ(closed.error().rule, "R1");
  EXPECT_EQ(closed.error().field, "level");
  EXPECT_NE(closed.error().message.find("四级/中级工目前未开放鉴定"), std::string::npos) << closed.error().message;
  EXPECT_NE(closed.error().message.find("五级/初级工"), std::string::npos);
  EXPECT_EQ(open_level(9, p).error().code, ErrorCode::kUnknownLevel);
}

TEST(Occupation, OpeningMoreLevelsIsConfiguration) {
  const Policy p = policy_opening({5, 4});
  EXPECT_TRUE(open_level(4, p));
  EXPECT_FALSE(open_level(3, p));
}

}  // namespace
}  // namespace rc
