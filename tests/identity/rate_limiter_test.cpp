#include "identity/rate_limiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace rc::identity {
namespace {

using namespace std::chrono_literals;
const RateLimiter::time_point kT0{std::chrono::seconds(1742004000)};

TEST(RateLimiter, AllowsUpToTheLimitInTheWindow) {
  RateLimiter limiter(3, 60s);
  EXPECT_TRUE(limiter.allow("ip", kT0));
  EXPECT_TRUE(limiter.allow("ip", kT0 + 10s));
  EXPECT_TRUE(limiter.allow("ip", kT0 + 20s));
  EXPECT_FALSE(limiter.allow("ip", kT0 + 30s));
  EXPECT_TRUE(limiter.blocked("ip", kT0 + 30s));
  EXPECT_EQ(limiter.retry_after("ip", kT0 + 30s), 30s);  // the event at kT0 leaves at kT0 + 60 s
  EXPECT_TRUE(limiter.allow("other", kT0 + 30s));        // keys are independent
}

TEST(RateLimiter, TheWindowSlides) {
  RateLimiter limiter(2, 60s);
  EXPECT_TRUE(limiter.allow("k", kT0));
  EXPECT_TRUE(limiter.allow("k", kT0 + 40s));
  EXPECT_FALSE(limiter.allow("k", kT0 + 59s));
  EXPECT_TRUE(limiter.allow("k", kT0 + 60s));  // kT0 has left; kT0+40s is still in
  EXPECT_FALSE(limiter.allow("k", kT0 + 99s));
  EXPECT_TRUE(limiter.allow("k", kT0 + 100s));  // kT0+40s has left
}

TEST(RateLimiter, AnEventLeavesTheWindowExactlyAWindowLater) {
  RateLimiter limiter(1, 60s);
  EXPECT_TRUE(limiter.allow("k", kT0));
  EXPECT_FALSE(limiter.allow("k", kT0 + 59s));
  EXPECT_EQ(limiter.retry_after("k", kT0 + 59s), 1s);
  EXPECT_TRUE(limiter.allow("k", kT0 + 60s));
  EXPECT_EQ(limiter.retry_after("k", kT0 + 61s), 59s);
  EXPECT_EQ(limiter.retry_after("unknown", kT0), 0s);
}

TEST(RateLimiter, RefusedAttemptsDoNotExtendTheWait) {
  RateLimiter limiter(1, 60s);
  EXPECT_TRUE(limiter.allow("k", kT0));
  for (int i = 1; i < 59; ++i) EXPECT_FALSE(limiter.allow("k", kT0 + std::chrono::seconds(i)));
  EXPECT_TRUE(limiter.allow("k", kT0 + 60s));
}

TEST(RateLimiter, RecordCountsEvenOverTheLimit) {
  RateLimiter limiter(2, 60s);
  limiter.record("k", kT0);
  limiter.record("k", kT0 + 1s);
  limiter.record("k", kT0 + 30s);
  EXPECT_TRUE(limiter.blocked("k", kT0 + 60s));   // kT0+1s and kT0+30s are still inside
  EXPECT_FALSE(limiter.blocked("k", kT0 + 61s));  // only kT0+30s is
}

TEST(RateLimiter, MemoryStaysBoundedUnderAKeySpray) {
  RateLimiter limiter(5, 60s, 1000);
  for (int i = 0; i < 100000; ++i)
    ASSERT_TRUE(limiter.allow("ip" + std::to_string(i), kT0 + std::chrono::milliseconds(i)));
  EXPECT_LE(limiter.tracked_keys(), 1000u);
  // Stale keys go first: an hour later everything old is dropped to make room.
  EXPECT_TRUE(limiter.allow("late", kT0 + 1h));
  EXPECT_LE(limiter.tracked_keys(), 1000u);
}

TEST(RateLimiter, ALiveBusyKeySurvivesEvictionOfIdleOnes) {
  RateLimiter limiter(3, 600s, 100);
  for (int i = 0; i < 3; ++i) limiter.record("attacker", kT0 + 500s);
  for (int i = 0; i < 500; ++i) limiter.record("spray" + std::to_string(i), kT0 + std::chrono::milliseconds(i));
  EXPECT_TRUE(limiter.blocked("attacker", kT0 + 501s));
}

TEST(RateLimiter, ThreadsShareOneLimit) {
  RateLimiter limiter(1000, 60s);
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i)
        if (limiter.allow("shared", kT0)) ++allowed;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(allowed.load(), 1000);
}

}  // namespace
}  // namespace rc::identity
