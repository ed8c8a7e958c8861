// serve's testing clock (browser tests of results publication, R8/D17): the offset file is parsed
// strictly, a missing or empty file is no offset, a bad one keeps the last good offset, and a
// rewritten file moves the clock.
#include "cli/testing_clock.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/run_command.h"

namespace rc::cli {
namespace {

TEST(TestingClockOffset, ParsesSignedSecondsOnly) {
  EXPECT_EQ(parse_clock_offset(""), 0);
  EXPECT_EQ(parse_clock_offset("  \n"), 0);
  EXPECT_EQ(parse_clock_offset("1382400\n"), 1382400);
  EXPECT_EQ(parse_clock_offset("-86400"), -86400);
  EXPECT_EQ(parse_clock_offset("+5 "), 5);
  for (const char* bad : {"1d", "1.5", "--1", "+", "1 2", "1234567890123", "0x10"})
    EXPECT_FALSE(parse_clock_offset(bad)) << bad;
}

TEST(TestingClockOffset, FollowsTheFileAndKeepsTheLastGoodOffset) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("rc_clock_" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  TestingClock clock(path.string());
  EXPECT_EQ(clock.offset().count(), 0) << "no file: no offset";
  auto write = [&](const char* text) {
    std::ofstream(path) << text;
    std::this_thread::sleep_for(std::chrono::milliseconds(150));  // re-read at most every 100 ms
  };
  write("86400");
  EXPECT_EQ(clock.offset().count(), 86400);
  const auto ahead = clock.now() - std::chrono::system_clock::now();
  EXPECT_GT(ahead, std::chrono::hours(23));
  EXPECT_LT(ahead, std::chrono::hours(25));
  write("not a number");
  EXPECT_EQ(clock.offset().count(), 86400);
  write("0");
  EXPECT_EQ(clock.offset().count(), 0);
  std::filesystem::remove(path);
}

// The clock file is honoured only with the explicit test flag: without it serve stops at once
// (usage error) and says why, before opening anything.
TEST(TestingClockOffset, ServeRefusesTheClockFileWithoutTheTestingFlag) {
  auto r = testing::run_command(std::string(RC_CLI_BINARY) + " serve --testing-clock-file /nonexistent/clock");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--testing"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace rc::cli
