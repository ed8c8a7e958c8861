#include "identity/session_store.h"

#include <gtest/gtest.h>

#include <vector>

#include "identity/secret_digest.h"
#include "identity_fixture.h"

namespace rc::identity {
namespace {

using namespace std::chrono_literals;

class SessionStoreTest : public identity::testing::IdentityStoreTest {
 protected:
  void SetUp() override {
    IdentityStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    user_ = add_user("admin");
    sessions_ = std::make_unique<SessionStore>(db(), clock_, random_, 30min, 12h);
  }
  std::string create(Stage stage = Stage::kFull) {
    auto r = sessions_->create(user_, "administrator", stage, "10.1.2.3");
    EXPECT_TRUE(r) << r.error().message;
    return r ? r->first : "";
  }
  std::int64_t count_rows() {
    std::int64_t n = -1;
    in_tx([&](store::Transaction& tx) -> Result<void> {
      tx.session() << "SELECT COUNT(*) FROM sessions", soci::into(n);
      return ok();
    });
    return n;
  }
  store::Id user_ = 0;
  std::unique_ptr<SessionStore> sessions_;
};

// The account's name comes with the session (one read per request, no second query); last_seen
// is written at most once a minute, so most look-ups change nothing.
TEST_P(SessionStoreTest, FindBringsTheAccountAndWritesLastSeenAtMostOnceAMinute) {
  const std::string token = create();
  auto last_seen = [&] {
    std::int64_t at = -1;
    in_tx([&](store::Transaction& tx) -> Result<void> {
      tx.session() << "SELECT last_seen_at FROM sessions", soci::into(at);
      return ok();
    });
    return at;
  };
  const std::int64_t created = last_seen();
  auto found = sessions_->find(token);
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->username, "admin");
  EXPECT_EQ(found->entity_id, 0) << "an administrator is linked to no candidate, organisation or station";
  clock_.set(clock_.now() + 30s);
  ASSERT_TRUE(sessions_->find(token));
  EXPECT_EQ(last_seen(), created) << "within the minute: read only";
  clock_.set(clock_.now() + 31s);
  ASSERT_TRUE(sessions_->find(token));
  EXPECT_EQ(last_seen(), created + 61000) << "after a minute: the use is noted";
}

// last_seen moves are written in batches: a second session's move within 5 s of the last write
// waits in memory (and still keeps the session alive), and the periodic purge writes it.
TEST_P(SessionStoreTest, LastSeenMovesAreWrittenInBatchesAndCountBeforeTheyAre) {
  const std::string a = create();
  const std::string b = create();
  auto last_seen_of_all = [&] {
    std::vector<std::int64_t> at(2, -1);
    in_tx([&](store::Transaction& tx) -> Result<void> {
      soci::rowset<std::int64_t> rows = (tx.session().prepare << "SELECT last_seen_at FROM sessions ORDER BY id");
      std::size_t i = 0;
      for (auto v : rows) at.at(i++) = v;
      return ok();
    });
    return at;
  };
  const auto t0 = last_seen_of_all();
  clock_.set(clock_.now() + 61s);
  ASSERT_TRUE(sessions_->find(a));  // the first move since start: written at once
  clock_.set(clock_.now() + 2s);
  ASSERT_TRUE(sessions_->find(b));  // 2 s after that write: kept for the next batch
  auto after = last_seen_of_all();
  EXPECT_EQ(after[0], t0[0] + 61000);
  EXPECT_EQ(after[1], t0[1]) << "not written yet";
  // 29 min after b's move but 30 min 2 s after its stored last_seen: alive thanks to the pending move.
  clock_.set(clock_.now() + 29min);
  EXPECT_TRUE(sessions_->find(b)) << "a pending move keeps the session alive";
  ASSERT_TRUE(sessions_->purge_expired());
  after = last_seen_of_all();
  EXPECT_EQ(after.size(), 2u);
  EXPECT_GT(after[1], t0[1] + 61000) << "the purge writes the pending moves first";
}

TEST_P(SessionStoreTest, CreatesAndFindsAndStoresOnlyTheTokenDigest) {
  auto created = sessions_->create(user_, "administrator", Stage::kFull, "10.1.2.3");
  ASSERT_TRUE(created) << created.error().message;
  const auto& [token, session] = *created;
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(session.csrf_token.size(), 43u);
  EXPECT_EQ(session.expires_at, clock_.now() + 30min);
  auto found = sessions_->find(token);
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->user_id, user_);
  EXPECT_EQ(found->role, "administrator");
  EXPECT_EQ(found->stage, Stage::kFull);
  EXPECT_EQ(found->csrf_token, session.csrf_token);
  EXPECT_TRUE(csrf_token_matches(*found, session.csrf_token));
  EXPECT_FALSE(csrf_token_matches(*found, ""));
  EXPECT_FALSE(csrf_token_matches(*found, token));
  std::string stored;
  in_tx([&](store::Transaction& tx) -> Result<void> {
    tx.session() << "SELECT token_hash FROM sessions", soci::into(stored);
    return ok();
  });
  EXPECT_EQ(stored, sha256_hex(token));
  EXPECT_EQ(stored.find(token), std::string::npos);
}

TEST_P(SessionStoreTest, UnknownAndMalformedTokensAreUnauthenticated) {
  create();
  for (std::string_view t : {"", "short", "' OR 1=1 --", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
    auto r = sessions_->find(t);
    ASSERT_FALSE(r) << t;
    EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated);
  }
}

TEST_P(SessionStoreTest, EndsAfterIdleTimeAndUseKeepsItAlive) {
  auto token = create();
  advance(29min);
  ASSERT_TRUE(sessions_->find(token));  // noted as used now
  advance(29min);
  auto found = sessions_->find(token);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->expires_at, clock_.now() + 30min);
  advance(30min);
  auto gone = sessions_->find(token);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::kSessionExpired);
  EXPECT_EQ(count_rows(), 0);  // an ended session is deleted
  EXPECT_EQ(sessions_->find(token).error().code, ErrorCode::kUnauthenticated);
}

TEST_P(SessionStoreTest, EndsAtTheAbsoluteLimitHoweverBusy) {
  auto token = create();
  for (int i = 0; i < 12 * 3 - 1; ++i) {
    advance(20min);
    ASSERT_TRUE(sessions_->find(token)) << i;
  }
  advance(20min);  // 12 h after creation
  EXPECT_EQ(sessions_->find(token).error().code, ErrorCode::kSessionExpired);
}

TEST_P(SessionStoreTest, PromoteRotatesTheTokenAndTheCsrfToken) {
  auto created = sessions_->create(user_, "administrator", Stage::kPasswordVerified, "10.1.2.3");
  ASSERT_TRUE(created);
  const std::string old_token = created->first;
  EXPECT_EQ(created->second.expires_at, clock_.now() + 10min);
  ASSERT_EQ(sessions_->find(old_token)->stage, Stage::kPasswordVerified);
  advance(2min);
  auto promoted = sessions_->promote(old_token);
  ASSERT_TRUE(promoted) << promoted.error().message;
  EXPECT_NE(promoted->first, old_token);
  EXPECT_NE(promoted->second.csrf_token, created->second.csrf_token);
  EXPECT_EQ(promoted->second.stage, Stage::kFull);
  EXPECT_EQ(sessions_->find(old_token).error().code, ErrorCode::kUnauthenticated);  // fixation: old is dead
  auto found = sessions_->find(promoted->first);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->stage, Stage::kFull);
  EXPECT_EQ(count_rows(), 1);
  EXPECT_EQ(sessions_->promote(promoted->first).error().code, ErrorCode::kConflict);
}

TEST_P(SessionStoreTest, APasswordStageSessionLastsTenMinutes) {
  auto token = create(Stage::kPasswordVerified);
  advance(10min);
  EXPECT_EQ(sessions_->promote(token).error().code, ErrorCode::kSessionExpired);
}

TEST_P(SessionStoreTest, DestroyAndDestroyAllLogOut) {
  auto a = create();
  auto b = create();
  auto c = create();
  sessions_->destroy(a);
  sessions_->destroy("not-a-token");
  EXPECT_EQ(sessions_->find(a).error().code, ErrorCode::kUnauthenticated);
  EXPECT_TRUE(sessions_->find(b));
  auto ended = sessions_->destroy_all_for_user(user_);
  ASSERT_TRUE(ended);
  EXPECT_EQ(*ended, 2);
  EXPECT_FALSE(sessions_->find(c));
}

TEST_P(SessionStoreTest, ADisabledAccountsSessionsEnd) {
  auto token = create();
  ASSERT_TRUE(in_tx([&](store::Transaction& tx) { return store::UserRepository(tx).set_disabled(user_, true); }));
  EXPECT_EQ(sessions_->find(token).error().code, ErrorCode::kSessionExpired);
}

TEST_P(SessionStoreTest, PurgeDeletesOnlyEndedSessions) {
  create();
  advance(20min);
  auto live = create();
  advance(15min);  // the first is idle for 35 min, the second for 15
  auto purged = sessions_->purge_expired();
  ASSERT_TRUE(purged);
  EXPECT_EQ(*purged, 1);
  EXPECT_TRUE(sessions_->find(live));
}

TEST_P(SessionStoreTest, RefusesUnknownRoles) {
  auto r = sessions_->create(user_, "root", Stage::kFull, "");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue);
}

RC_INSTANTIATE_STORE_TEST(SessionStoreTest);

}  // namespace
}  // namespace rc::identity
