#pragma once
// CivilDate: a calendar date (year, month, day) with no time and no zone. All dates in the rules
// are calendar dates in Asia/Shanghai (RULES.md D17); converting an instant to a CivilDate is done
// once, by china_date() in clock.h.

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace rc {

class CivilDate {
 public:
  constexpr CivilDate() = default;
  // REQUIRES: ymd.ok()
  explicit constexpr CivilDate(std::chrono::year_month_day ymd) : ymd_(ymd) {}

  // A real date from numbers, or nullopt (2023-02-29, month 13...).
  static std::optional<CivilDate> from_ymd(int year, unsigned month, unsigned day);
  // Strict "YYYY-MM-DD" (exactly 10 characters, a real date, year 1000-9999), or nullopt.
  static std::optional<CivilDate> parse(std::string_view text);
  // Days since 1970-01-01 (may be negative).
  static CivilDate from_days(long days);

  int year() const { return static_cast<int>(ymd_.year()); }
  unsigned month() const { return static_cast<unsigned>(ymd_.month()); }
  unsigned day() const { return static_cast<unsigned>(ymd_.day()); }
  long days() const;  // since 1970-01-01

  std::string to_string() const;  // "YYYY-MM-DD"

  CivilDate plus_days(long n) const { return from_days(days() + n); }

  // The first anniversary `years` later: the same month and day, where 02-29 in a non-leap year
  // becomes 03-01 (RULES.md D2).
  CivilDate anniversary(int years) const;
  // The last day of a window of `years` years starting on this date: the day before the
  // anniversary (D2): 2025-03-15 -> 2026-03-14; 2024-02-29 -> 2025-02-28.
  CivilDate last_day_within_years(int years) const { return anniversary(years).plus_days(-1); }

  // Whole years of age on `on` for someone born on this date; the birthday of a 02-29 birth in a
  // non-leap year is 03-01 (the same convention as D2).
  int age_on(CivilDate on) const;

  friend constexpr auto operator<=>(const CivilDate& a, const CivilDate& b) {
    return std::chrono::sys_days(a.ymd_) <=> std::chrono::sys_days(b.ymd_);
  }
  friend constexpr bool operator==(const CivilDate& a, const CivilDate& b) { return a.ymd_ == b.ymd_; }

 private:
  std::chrono::year_month_day ymd_{std::chrono::year{1970}, std::chrono::month{1}, std::chrono::day{1}};
};

}  // namespace rc
