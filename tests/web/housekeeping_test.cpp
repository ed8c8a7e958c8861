// The periodic clean-up (app/housekeeping.h) on a real platform: ended sessions are deleted and
// photos past their retention erased; live ones stay.
#include <gtest/gtest.h>

#include <chrono>

#include "app/housekeeping.h"
#include "store/biometric_repository.h"
#include "support/role_sessions.h"

namespace rc {
namespace {

using namespace std::chrono_literals;

store::Timestamp now_of(const Clock& clock) {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(clock.now());
}

TEST(Housekeeping, EndsExpiredSessionsAndErasesBiometricsPastRetention) {
  testing::RunningPlatform p;
  auto& platform = p.platform();
  auto roles = testing::sign_in_every_role(p);
  const store::Id user = roles.by_role[store::Role::kStation].user_id;
  auto old_session = platform.sessions().create(user, "station", identity::Stage::kFull, "127.0.0.1");
  ASSERT_TRUE(old_session);

  const auto t0 = now_of(p.clock());
  auto add_photo = [&](store::Timestamp delete_after) {
    return platform.database().transaction([&](store::Transaction& tx) {
      return store::BiometricRepository(tx).add_photo(
          {0, roles.candidate_id, "image/png", store::Bytes{1, 2, 3}, "", "digest", t0, delete_after});
    });
  };
  ASSERT_TRUE(add_photo(t0 + 1h));     // erased after 13 hours
  ASSERT_TRUE(add_photo(t0 + 1000h));  // kept

  auto nothing_yet = app::run_housekeeping(platform);
  ASSERT_TRUE(nothing_yet) << nothing_yet.error().message;
  EXPECT_EQ(nothing_yet->sessions_ended, 0);
  EXPECT_EQ(nothing_yet->photos_erased, 0);

  p.clock().set(p.clock().now() + 13h);  // past the 12-hour absolute session lifetime
  auto fresh = platform.sessions().create(user, "station", identity::Stage::kFull, "127.0.0.1");
  ASSERT_TRUE(fresh);
  auto report = app::run_housekeeping(platform);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_GE(report->sessions_ended, 1);
  EXPECT_EQ(report->photos_erased, 1);
  EXPECT_EQ(platform.sessions().find(old_session->first).error().code, ErrorCode::kUnauthenticated)
      << "deleted, not merely ended";
  EXPECT_TRUE(platform.sessions().find(fresh->first)) << "a live session survives";
  auto kept = platform.database().read(
      [&](store::Transaction& tx) { return store::BiometricRepository(tx).latest_photo(roles.candidate_id); });
  ASSERT_TRUE(kept && *kept);
  EXPECT_EQ((*kept)->delete_after, t0 + 1000h);
}

}  // namespace
}  // namespace rc
