#pragma once
// SQL of LoginGuard (identity/login_guard.cpp), over the lock-out columns V003 adds to users.

#include <string_view>

namespace rc::identity::sql {

inline constexpr std::string_view kSelectLockedUntil = "SELECT locked_until FROM users WHERE id = :id";
inline constexpr std::string_view kCountFailedLogin =
    "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = :id RETURNING failed_logins";
inline constexpr std::string_view kLockUser =
    "UPDATE users SET failed_logins = 0, locked_until = :until WHERE id = :id";
inline constexpr std::string_view kClearFailedLogins =
    "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = :id";

}  // namespace rc::identity::sql
