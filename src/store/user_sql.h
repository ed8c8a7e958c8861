#pragma once
// SQL of UserRepository (store/user_repository.cpp).

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertUser =
    "INSERT INTO users (username, role, password_hash, phone, candidate_id, organisation_id, station_id,"
    " disabled, created_at)"
    " VALUES (:username, :role, :password_hash, :phone, :candidate_id, :organisation_id, :station_id,"
    " :disabled, :created_at) RETURNING id";

#define RC_USER_COLUMNS                                                                                  \
  "id, username, role, password_hash, phone, candidate_id, organisation_id, station_id, disabled, created_at"
inline constexpr std::string_view kSelectUserById = "SELECT " RC_USER_COLUMNS " FROM users WHERE id = :id";
inline constexpr std::string_view kSelectUserByUsername =
    "SELECT " RC_USER_COLUMNS " FROM users WHERE username = :username";
inline constexpr std::string_view kSelectUserByCandidate =
    "SELECT " RC_USER_COLUMNS " FROM users WHERE candidate_id = :candidate_id";
#undef RC_USER_COLUMNS

inline constexpr std::string_view kUpdateUserPasswordHash = "UPDATE users SET password_hash = :hash WHERE id = :id";
inline constexpr std::string_view kUpdateUserDisabled = "UPDATE users SET disabled = :disabled WHERE id = :id";

}  // namespace rc::store::sql
