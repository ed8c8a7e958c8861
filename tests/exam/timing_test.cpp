#include "exam/timing.h"

#include <gtest/gtest.h>

namespace rc::exam {
namespace {

using namespace std::chrono_literals;

const Instant kStart = Instant{} + std::chrono::sys_days{std::chrono::year{2026} / 3 / 15}.time_since_epoch() + 1h;

TEST(AttemptTiming, RemainingTimeCountsDownFromTheSessionStart) {
  auto w = make_attempt_window(kStart, 100, 0s).value();
  EXPECT_EQ(remaining(w, kStart - 5min), 6000s);
  EXPECT_EQ(remaining(w, kStart), 6000s);
  EXPECT_EQ(remaining(w, kStart + 1s), 5999s);
  EXPECT_EQ(remaining(w, kStart + 1500ms), 5998s);  // a partial second is never promised
  EXPECT_EQ(remaining(w, kStart + 99min + 59s), 1s);
  EXPECT_EQ(remaining(w, kStart + 100min), 0s);
  EXPECT_EQ(remaining(w, kStart + 3h), 0s);
  EXPECT_EQ(auto_submit_at(w), kStart + 100min);
}

TEST(AttemptTiming, AnExtensionMovesTheDeadline) {
  auto w = make_attempt_window(kStart, 100, 5min).value();
  EXPECT_EQ(auto_submit_at(w), kStart + 105min);
  EXPECT_EQ(remaining(w, kStart + 100min), 300s);
  EXPECT_TRUE(check_answer_time(w, kStart + 104min));
}

TEST(AttemptTiming, LateAnswersAreRefused) {
  auto w = make_attempt_window(kStart, 100, 0s).value();
  EXPECT_TRUE(check_answer_time(w, kStart));
  EXPECT_TRUE(check_answer_time(w, kStart + 100min - 1ms));
  auto late = check_answer_time(w, kStart + 100min);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kWrongState);
  EXPECT_EQ(late.error().rule, "R6");
  EXPECT_FALSE(check_answer_time(w, kStart - 1s));
  EXPECT_TRUE(timed_out(w, kStart + 100min));
  EXPECT_FALSE(timed_out(w, kStart + 100min - 1ms));
}

TEST(AttemptTiming, RefusesNonsenseWindows) {
  EXPECT_EQ(make_attempt_window(kStart, 0, 0s).error().field, "duration_minutes");
  EXPECT_EQ(make_attempt_window(kStart, 100, -1s).error().field, "extension");
  EXPECT_EQ(make_attempt_window(kStart, 100, 101min).error().field, "extension");
}

TEST(LateArrival, FifteenMinutesIsTheLastAdmittedInstant) {  // D11
  EXPECT_EQ(classify_arrival(kStart, kStart - 30min, 15), Arrival::kAdmitted);
  EXPECT_EQ(classify_arrival(kStart, kStart + 15min, 15), Arrival::kAdmitted);
  EXPECT_EQ(classify_arrival(kStart, kStart + 15min + 1s, 15), Arrival::kAbsent);
  auto r = check_admission(kStart, kStart + 16min, 15);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().rule, "D11");
  EXPECT_NE(r.error().message.find("迟到 16 分钟"), std::string::npos) << r.error().message;
  EXPECT_TRUE(check_admission(kStart, kStart + 10min, 15));
  EXPECT_EQ(classify_arrival(kStart, kStart + 20min, 30), Arrival::kAdmitted);  // configuration
}

}  // namespace
}  // namespace rc::exam
