#include <gtest/gtest.h>

#include "identity_fixture.h"

namespace rc::identity {
namespace {

class IdentitySchemaTest : public identity::testing::IdentityStoreTest {};

TEST_P(IdentitySchemaTest, V003AddsLockOutColumnsWithDefaults) {
  auto id = add_user("someone");
  int failed = -1;
  soci::indicator locked_ind = soci::i_ok;
  long long locked = 0;
  in_tx([&](store::Transaction& tx) -> Result<void> {
    tx.session() << "SELECT failed_logins, locked_until FROM users WHERE id = :id", soci::into(failed),
        soci::into(locked, locked_ind), soci::use(id);
    return ok();
  });
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(locked_ind, soci::i_null);
}

TEST_P(IdentitySchemaTest, SessionStagesAreChecked) {
  auto id = add_user("someone");
  auto bad = db().transaction([&](store::Transaction& tx) -> Result<void> {
    tx.session() << "INSERT INTO sessions (token_hash, user_id, role, stage, csrf_token, created_at, expires_at,"
                    " last_seen_at) VALUES ('h', :u, 'administrator', 'half', 'c', 0, 1, 0)",
        soci::use(id);
    return ok();
  });
  EXPECT_FALSE(bad);
}

RC_INSTANTIATE_STORE_TEST(IdentitySchemaTest);

}  // namespace
}  // namespace rc::identity
