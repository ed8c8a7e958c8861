// Accounts: round trips for each kind of link, unique usernames, role links enforced.
#include "sample_records.h"

namespace rc::store::testing {
namespace {

class UserRepositoryTest : public StoreTest {};

TEST_P(UserRepositoryTest, RoundTripOfACandidateAndAStationAccount) {
  auto seeded = seed_committed(db());
  User candidate{0, "zhangsan", Role::kCandidate, std::nullopt, "13900000001", seeded.candidate, std::nullopt,
                 std::nullopt, false, kT0};
  User proctor{0, "proctor1", Role::kProctor, "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA", std::nullopt,
               std::nullopt, std::nullopt, seeded.station, true, at_ms(5)};
  auto ids = in_tx([&](Transaction& tx) -> Result<std::pair<Id, Id>> {
    auto a = UserRepository(tx).insert(candidate);
    auto b = UserRepository(tx).insert(proctor);
    if (!a) return fail(a.error());
    if (!b) return fail(b.error());
    return std::pair{*a, *b};
  });
  ASSERT_TRUE(ids);
  candidate.id = ids->first;
  proctor.id = ids->second;
  auto found = db().read([&](Transaction& tx) -> Result<std::pair<User, User>> {
    auto a = UserRepository(tx).find_by_username("zhangsan");
    auto b = UserRepository(tx).find(proctor.id);
    if (!a || !*a || !b) return fail(ErrorCode::kNotFound);
    return std::pair{**a, *b};
  });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->first, candidate);
  EXPECT_EQ(found->second, proctor);
  auto by_candidate = db().read([&](Transaction& tx) { return UserRepository(tx).find_by_candidate(seeded.candidate); });
  ASSERT_TRUE(by_candidate);
  ASSERT_TRUE(by_candidate->has_value());
  EXPECT_EQ((*by_candidate)->username, "zhangsan");
}

TEST_P(UserRepositoryTest, UsernameIsUniqueAndRoleLinksAreRequired) {
  User admin{0, "admin", Role::kAdministrator, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
             false, kT0};
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return UserRepository(tx).insert(admin); }));
  auto dup = db().transaction([&](Transaction& tx) { return UserRepository(tx).insert(admin); });
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  User orphan_candidate = admin;
  orphan_candidate.username = "nobody";
  orphan_candidate.role = Role::kCandidate;  // but no candidate_id
  auto r = db().transaction([&](Transaction& tx) { return UserRepository(tx).insert(orphan_candidate); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue);
}

TEST_P(UserRepositoryTest, PasswordAndDisabledFlagUpdates) {
  User admin{0, "admin", Role::kAdministrator, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
             false, kT0};
  auto id = in_tx([&](Transaction& tx) { return UserRepository(tx).insert(admin); });
  ASSERT_TRUE(id);
  ASSERT_TRUE(in_tx([&](Transaction& tx) -> Result<void> {
    if (auto p = UserRepository(tx).set_password_hash(*id, "$argon2id$new"); !p) return p;
    return UserRepository(tx).set_disabled(*id, true);
  }));
  auto found = db().read([&](Transaction& tx) { return UserRepository(tx).find(*id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->password_hash, std::optional<std::string>("$argon2id$new"));
  EXPECT_TRUE(found->disabled);
  auto missing = db().transaction([](Transaction& tx) { return UserRepository(tx).set_disabled(4040, true); });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

RC_INSTANTIATE_STORE_TEST(UserRepositoryTest);

}  // namespace
}  // namespace rc::store::testing
