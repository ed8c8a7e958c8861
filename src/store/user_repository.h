#pragma once
// UserRepository: accounts of every role. An account names the entity it acts for (candidate,
// organisation or station; the schema enforces the link per role). Password hashes are made
// and checked by identity/, never here.
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>
#include <string_view>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::store {

class UserRepository {
 public:
  explicit UserRepository(Transaction& tx) : tx_(tx) {}

  // The new id; kConflict when the username is taken or the candidate already has an account;
  // kInvalidValue when the role's link is missing.
  [[nodiscard]] Result<Id> insert(const User& user);
  [[nodiscard]] Result<User> find(Id id);
  [[nodiscard]] Result<std::optional<User>> find_by_username(std::string_view username);
  [[nodiscard]] Result<std::optional<User>> find_by_candidate(Id candidate_id);
  [[nodiscard]] Result<void> set_password_hash(Id id, std::string_view password_hash);
  [[nodiscard]] Result<void> set_disabled(Id id, bool disabled);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
