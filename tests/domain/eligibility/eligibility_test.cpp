#include "domain/eligibility/eligibility.h"

#include <gtest/gtest.h>

namespace rc {
namespace {

CivilDate day(const char* t) { return CivilDate::parse(t).value(); }

Policy adults(std::optional<int> max_age = std::nullopt) {
  Policy p;
  p.id = "test";
  p.age.min_age = 18;
  p.age.max_age = max_age;
  return p;
}

TEST(Eligibility, EighteenOnTheBirthday) {
  EXPECT_TRUE(check_age(day("2007-06-15"), day("2025-06-15"), adults()));
  auto day_before = check_age(day("2007-06-15"), day("2025-06-14"), adults());
  ASSERT_FALSE(day_before);
  EXPECT_EQ(day_before.error().code, ErrorCode::kUnderAge);
  EXPECT_EQ(day_before.error().rule, "R2");
  EXPECT_EQ(day_before.error().field, "birth_date");
  EXPECT_NE(day_before.error().message.find("17 周岁"), std::string::npos) << day_before.error().message;
}

TEST(Eligibility, LeapDayBirthUsesMarchFirst) {
  EXPECT_FALSE(check_age(day("2008-02-29"), day("2026-02-28"), adults()));
  EXPECT_TRUE(check_age(day("2008-02-29"), day("2026-03-01"), adults()));
}

TEST(Eligibility, NoUpperLimitByDefault) { EXPECT_TRUE(check_age(day("1930-01-01"), day("2025-06-15"), adults())); }

TEST(Eligibility, OptionalUpperLimit) {
  EXPECT_TRUE(check_age(day("1970-06-15"), day("2025-06-15"), adults(55)));
  auto old = check_age(day("1969-06-15"), day("2025-06-15"), adults(55));
  ASSERT_FALSE(old);
  EXPECT_EQ(old.error().code, ErrorCode::kOverAge);
}

TEST(Eligibility, HealthDeclarationRequired) {
  Applicant a{day("1990-01-01"), false};
  auto r = check_eligibility(a, day("2025-06-15"), adults());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kHealthNotDeclared);
  a.health_declared = true;
  EXPECT_TRUE(check_eligibility(a, day("2025-06-15"), adults()));
}

TEST(Eligibility, AgeCheckedBeforeHealth) {
  Applicant a{day("2010-01-01"), false};
  EXPECT_EQ(check_eligibility(a, day("2025-06-15"), adults()).error().code, ErrorCode::kUnderAge);
}

}  // namespace
}  // namespace rc
