#include "identity/password_hasher.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <set>
#include <string>
#include <vector>

namespace rc::identity {
namespace {

TEST(PasswordPolicy, AcceptsLettersAndDigitsOfEightOrMore) {
  EXPECT_TRUE(check_password_policy("abcdefg1"));
  EXPECT_TRUE(check_password_policy("救援员救援员ab1"));  // 9 characters
  EXPECT_TRUE(check_password_policy(std::string(127, 'a') + "1"));
}

TEST(PasswordPolicy, RefusesShortLongAndOneClassPasswordsInChinese) {
  for (std::string_view bad : {"", "abc123", "abcdefgh", "12345678", "救援员救援员救援员"}) {
    auto r = check_password_policy(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kWeakPassword);
    EXPECT_EQ(r.error().field, "password");
    EXPECT_NE(r.error().message.find("密码"), std::string::npos);
  }
  auto long_one = check_password_policy(std::string(128, 'a') + "1");
  ASSERT_FALSE(long_one);
  EXPECT_NE(long_one.error().message.find("128"), std::string::npos);
  // Eight bytes but only four characters.
  EXPECT_FALSE(check_password_policy("救援a1"));
}

TEST(PasswordHasher, HashesWithArgon2idAndVerifies) {
  PasswordHasher hasher(1, PasswordCost::kMin);
  auto encoded = hasher.hash("correct horse 1").get();
  ASSERT_TRUE(encoded) << encoded.error().message;
  EXPECT_TRUE(encoded->starts_with("$argon2id$"));
  EXPECT_EQ(*hasher.verify(*encoded, "correct horse 1").get(), true);
  EXPECT_EQ(*hasher.verify(*encoded, "correct horse 2").get(), false);
  EXPECT_EQ(*hasher.verify("not a hash", "correct horse 1").get(), false);
  EXPECT_FALSE(hasher.needs_rehash(*encoded));
  PasswordHasher stronger(1, PasswordCost::kInteractive);
  EXPECT_TRUE(stronger.needs_rehash(*encoded));
}

TEST(PasswordHasher, SaltsEveryHash) {
  PasswordHasher hasher(1, PasswordCost::kMin);
  auto a = hasher.hash("same password 1").get();
  auto b = hasher.hash("same password 1").get();
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);
}

TEST(PasswordHasher, RefusesOverlongPasswords) {
  PasswordHasher hasher(1, PasswordCost::kMin);
  auto r = hasher.hash(std::string(129, 'a')).get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  auto encoded = hasher.hash("abcdefg1").get();
  ASSERT_TRUE(encoded);
  EXPECT_EQ(*hasher.verify(*encoded, std::string(129, 'a')).get(), false);
}

TEST(PasswordHasher, ManyThreadsShareTheBoundedPool) {
  PasswordHasher hasher(2, PasswordCost::kMin, 1000);
  EXPECT_EQ(hasher.threads(), 2u);
  std::vector<std::future<Result<std::string>>> hashes;
  std::vector<std::thread> callers;
  std::mutex mu;
  for (int t = 0; t < 4; ++t)
    callers.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        auto f = hasher.hash("password" + std::to_string(t * 10 + i));
        std::lock_guard lock(mu);
        hashes.push_back(std::move(f));
      }
    });
  for (auto& c : callers) c.join();
  std::set<std::string> distinct;
  for (auto& f : hashes) {
    auto r = f.get();
    ASSERT_TRUE(r) << r.error().message;
    distinct.insert(*r);
  }
  EXPECT_EQ(distinct.size(), 20u);
}

TEST(PasswordHasher, RefusesJobsBeyondTheQueueBoundWithoutWaiting) {
  // One worker kept busy by an interactive-cost hash (64 MiB, tens of ms), at most 2 jobs
  // waiting: of 10 quick verifies submitted meanwhile, all but those fitting the queue are
  // refused at once with kTooManyRequests, and every accepted one completes.
  PasswordHasher quick(1, PasswordCost::kMin);
  auto encoded = quick.hash("abcdefg1").get();
  ASSERT_TRUE(encoded);
  PasswordHasher hasher(1, PasswordCost::kInteractive, 2);
  auto slow = hasher.hash("abcdefg1");
  std::vector<std::future<Result<bool>>> results;
  for (int i = 0; i < 10; ++i) results.push_back(hasher.verify(*encoded, "abcdefg1"));
  int refused = 0, verified = 0;
  for (auto& f : results) {
    auto r = f.get();
    if (!r) {
      EXPECT_EQ(r.error().code, ErrorCode::kTooManyRequests);
      EXPECT_FALSE(r.error().message.empty());
      ++refused;
    } else {
      EXPECT_TRUE(*r);
      ++verified;
    }
  }
  EXPECT_GE(refused, 8);
  EXPECT_GE(verified, 1);
  EXPECT_TRUE(slow.get());
}

TEST(PasswordHasher, DestructorFinishesQueuedJobs) {
  std::vector<std::future<Result<std::string>>> pending;
  {
    PasswordHasher hasher(1, PasswordCost::kMin, 16);
    for (int i = 0; i < 5; ++i) pending.push_back(hasher.hash("abcdefg" + std::to_string(i)));
  }
  for (auto& f : pending) EXPECT_TRUE(f.get());
}

}  // namespace
}  // namespace rc::identity
