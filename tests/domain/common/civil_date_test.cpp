#include "domain/common/civil_date.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "domain/common/clock.h"

namespace rc {
namespace {

CivilDate d(const char* s) { return *CivilDate::parse(s); }

TEST(CivilDate, ParsesOnlyRealDatesInStrictForm) {
  EXPECT_EQ(d("2024-02-29").to_string(), "2024-02-29");
  for (const char* bad : {"2023-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-4-01", "2025/04/01",
                          " 2025-04-01", "2025-04-01 ", "20250401", "", "0999-01-01", "2025-04-0a", "２０２５-04-01"})
    EXPECT_FALSE(CivilDate::parse(bad)) << bad;
}

TEST(CivilDate, LastDayWithinAYearFollowsD2) {
  EXPECT_EQ(d("2025-03-15").last_day_within_years(1), d("2026-03-14"));
  EXPECT_EQ(d("2024-02-29").last_day_within_years(1), d("2025-02-28"));
  EXPECT_EQ(d("2024-02-29").anniversary(1), d("2025-03-01"));
  EXPECT_EQ(d("2024-02-29").anniversary(4), d("2028-02-29"));
  EXPECT_EQ(d("2025-01-01").last_day_within_years(1), d("2025-12-31"));
  EXPECT_EQ(d("2025-03-01").last_day_within_years(1), d("2026-02-28"));
  EXPECT_EQ(d("2023-03-01").last_day_within_years(1), d("2024-02-29"));
}

TEST(CivilDate, AgeOnBirthdaysAndLeapDays) {
  EXPECT_EQ(d("2008-03-01").age_on(d("2026-02-28")), 17);
  EXPECT_EQ(d("2008-03-01").age_on(d("2026-03-01")), 18);
  EXPECT_EQ(d("2000-02-29").age_on(d("2018-02-28")), 17);
  EXPECT_EQ(d("2000-02-29").age_on(d("2018-03-01")), 18);
  EXPECT_EQ(d("2000-02-29").age_on(d("2020-02-29")), 20);
  EXPECT_EQ(d("2010-06-15").age_on(d("2028-06-14")), 17);
  EXPECT_EQ(d("2010-06-15").age_on(d("2028-06-15")), 18);
  EXPECT_EQ(d("2010-06-15").age_on(d("2009-01-01")), -1);
}

TEST(Clock, ChinaDateIsUtcPlusEight) {
  using namespace std::chrono;
  // 2025-03-14 16:00 UTC is 2025-03-15 00:00 in Shanghai.
  const auto t = sys_days{year{2025} / 3 / 14} + hours{16};
  EXPECT_EQ(china_date(t), d("2025-03-15"));
  EXPECT_EQ(china_date(t - seconds{1}), d("2025-03-14"));
  EXPECT_EQ(china_midnight(d("2025-03-15")), t);
}

RC_GTEST_PROP(CivilDateProperties, DaysRoundTripAndOrder, (int n, int m)) {
  const long a = n % 200000, b = m % 200000;
  const auto x = CivilDate::from_days(a), y = CivilDate::from_days(b);
  RC_ASSERT(x.days() == a);
  RC_ASSERT((x < y) == (a < b));
  RC_ASSERT(*CivilDate::parse(x.to_string()) == x);
}

RC_GTEST_PROP(CivilDateProperties, YearWindowEndsBeforeTheAnniversaryAndWithin366Days, (int n)) {
  const auto x = CivilDate::from_days(n % 100000);
  const auto last = x.last_day_within_years(1);
  RC_ASSERT(last > x);
  RC_ASSERT(last.days() - x.days() <= 365);
  RC_ASSERT(last.days() - x.days() >= 364);
  RC_ASSERT(x.age_on(last) == 0);
  RC_ASSERT(x.age_on(last.plus_days(1)) == 1);
}

}  // namespace
}  // namespace rc
