#pragma once
// The store fixture (both backends) plus what identity tests share: a seeded random source, a
// clock moved by hand, and a way to add an account.

#include <chrono>
#include <string>

#include "domain/common/random.h"
#include "store/store_fixture.h"
#include "store/user_repository.h"

namespace rc::identity::testing {

class IdentityStoreTest : public store::testing::StoreTest {
 protected:
  void advance(std::chrono::system_clock::duration d) { clock_.set(clock_.now() + d); }

  store::Id add_user(const std::string& username) {
    store::User u;
    u.username = username;
    u.role = store::Role::kAdministrator;
    u.created_at = store::testing::kT0;
    auto id = in_tx([&](store::Transaction& tx) { return store::UserRepository(tx).insert(u); });
    return id ? *id : 0;
  }

  rc::SeededRandom random_{42};
};

}  // namespace rc::identity::testing
