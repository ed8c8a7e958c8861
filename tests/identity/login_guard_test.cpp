#include "identity/login_guard.h"

#include <gtest/gtest.h>

#include "identity_fixture.h"

namespace rc::identity {
namespace {

using namespace std::chrono_literals;

class LoginGuardTest : public identity::testing::IdentityStoreTest {
 protected:
  void SetUp() override {
    IdentityStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    user_ = add_user("candidate1");
    guard_ = std::make_unique<LoginGuard>(db(), clock_, LoginGuardOptions{5, 15min, 8, 15min});
  }
  void fail_times(int n, const char* ip = "10.0.0.1") {
    for (int i = 0; i < n; ++i) {
      ASSERT_TRUE(guard_->before_attempt(user_, ip)) << i;
      auto r = guard_->record_failure(user_, ip);
      ASSERT_TRUE(r) << r.error().message;
    }
  }
  store::Id user_ = 0;
  std::unique_ptr<LoginGuard> guard_;
};

TEST_P(LoginGuardTest, FiveWrongPasswordsLockTheAccountForFifteenMinutes) {
  fail_times(4);
  ASSERT_TRUE(guard_->before_attempt(user_, "10.0.0.2"));
  auto fifth = guard_->record_failure(user_, "10.0.0.2");
  ASSERT_TRUE(fifth);
  EXPECT_TRUE(*fifth);
  auto locked = guard_->before_attempt(user_, "10.0.0.3");  // from anywhere
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, ErrorCode::kAccountLocked);
  EXPECT_NE(locked.error().message.find("15 分钟"), std::string::npos) << locked.error().message;
  advance(15min - 1s);
  EXPECT_EQ(guard_->before_attempt(user_, "10.0.0.3").error().code, ErrorCode::kAccountLocked);
  advance(1s);
  EXPECT_TRUE(guard_->before_attempt(user_, "10.0.0.3"));
}

TEST_P(LoginGuardTest, TheLockIsKeptInTheDatabase) {
  fail_times(5);
  LoginGuard restarted(db(), clock_);
  EXPECT_EQ(restarted.before_attempt(user_, "10.0.0.9").error().code, ErrorCode::kAccountLocked);
}

TEST_P(LoginGuardTest, SuccessResetsTheCount) {
  fail_times(4);
  ASSERT_TRUE(guard_->record_success(user_));
  fail_times(4, "10.0.0.2");
  EXPECT_TRUE(guard_->before_attempt(user_, "10.0.0.3"));
}

TEST_P(LoginGuardTest, AfterALockTheCountStartsAgain) {
  fail_times(5);
  advance(15min);
  fail_times(4, "10.0.0.2");
  EXPECT_TRUE(guard_->before_attempt(user_, "10.0.0.3"));
}

TEST_P(LoginGuardTest, AnIpIsStoppedAfterItsFailuresOnAnyAccounts) {
  for (int i = 0; i < 8; ++i) {
    ASSERT_TRUE(guard_->before_attempt(std::nullopt, "10.9.9.9")) << i;
    ASSERT_TRUE(guard_->record_failure(std::nullopt, "10.9.9.9"));
  }
  auto r = guard_->before_attempt(user_, "10.9.9.9");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTooManyRequests);
  EXPECT_TRUE(guard_->before_attempt(user_, "10.9.9.8"));  // another IP, and the account is not locked
  advance(15min);
  EXPECT_TRUE(guard_->before_attempt(user_, "10.9.9.9"));
}

TEST_P(LoginGuardTest, UnknownAccountIdsAreNotFound) {
  EXPECT_EQ(guard_->before_attempt(store::Id{999999}, "").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(guard_->record_failure(store::Id{999999}, "").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(guard_->record_success(999999).error().code, ErrorCode::kNotFound);
}

RC_INSTANTIATE_STORE_TEST(LoginGuardTest);

}  // namespace
}  // namespace rc::identity
