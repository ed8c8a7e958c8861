#pragma once
// TestingClock: the clock of `rescuecert serve --testing --testing-clock-file FILE`, for browser
// tests that must see what happens on another day (results publication, R8/D17). It reads the
// system clock plus an offset in seconds written as a decimal integer in FILE (e.g. "1382400" =
// 16 days later; a missing or empty file is 0). The file is read again at most every 100 ms, so a
// test moves time by rewriting it. A file that cannot be parsed keeps the last good offset.
//
// Never a production clock: serve refuses the file option without the explicit --testing flag and
// prints a warning at start (cli/serve_command.cpp).
//
// Thread-safe: now() may be called from any thread.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "domain/common/clock.h"

namespace rc::cli {

// The offset in a clock file: optional spaces, an optional sign, 1–12 digits, optional
// trailing whitespace; nullopt otherwise.
std::optional<std::int64_t> parse_clock_offset(std::string_view text);

class TestingClock final : public Clock {
 public:
  explicit TestingClock(std::string path) : path_(std::move(path)) {}
  std::chrono::system_clock::time_point now() const override;
  // The offset now in force (reads the file when due).
  std::chrono::seconds offset() const;

 private:
  std::string path_;
  mutable std::mutex mu_;
  mutable std::chrono::steady_clock::time_point read_at_{};
  mutable bool read_once_ = false;
  mutable std::chrono::seconds offset_{0};
};

}  // namespace rc::cli
