#pragma once
// The one injected clock. Production code asks a Clock for the time; tests give a FixedClock.
// Calendar dates are taken in Asia/Shanghai (RULES.md D17), which has been UTC+8 with no
// daylight saving since 1991, so the conversion is a fixed offset.

#include <chrono>

#include "domain/common/civil_date.h"

namespace rc {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::chrono::system_clock::time_point t) : t_(t) {}
  std::chrono::system_clock::time_point now() const override { return t_; }
  void set(std::chrono::system_clock::time_point t) { t_ = t; }

 private:
  std::chrono::system_clock::time_point t_;
};

inline constexpr std::chrono::hours kChinaUtcOffset{8};

// The calendar date in Asia/Shanghai at instant t.
inline CivilDate china_date(std::chrono::system_clock::time_point t) {
  auto local = std::chrono::floor<std::chrono::days>(t + kChinaUtcOffset);
  return CivilDate::from_days(local.time_since_epoch().count());
}

// 00:00 Asia/Shanghai on date d, as an instant.
inline std::chrono::system_clock::time_point china_midnight(CivilDate d) {
  return std::chrono::system_clock::time_point(std::chrono::days{d.days()}) - kChinaUtcOffset;
}

}  // namespace rc
