#pragma once
// LoginGuard: the brakes on password guessing (R11).
//   - per account: after `max_failures` wrong passwords in a row the account refuses passwords
//     for `lockout` (kept in users.failed_logins / users.locked_until, so a restart or a second
//     server does not reset it); a right password resets the count.
//   - per client IP: at most `ip_max_failures` wrong passwords (any accounts, known or not) in
//     a sliding `ip_window`, in memory (rate_limiter.h). Failures, not attempts, are counted,
//     so that a whole exam centre behind one NAT address can still log in.
//
//   if (auto r = guard.before_attempt(user_id, ip); !r) return r;   // locked, or IP over limit
//   bool right = *hasher.verify(hash, password).get();
//   if (!right) { auto locked = guard.record_failure(user_id, ip); ... kBadCredentials ... }
//   else guard.record_success(*user_id);
// Pass std::nullopt as the account for a username that does not exist, so that guesses at
// names count against the IP too.
//
// Thread safety: every member may be called from any thread.

#include <chrono>
#include <optional>
#include <string_view>

#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "identity/rate_limiter.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::identity {

struct LoginGuardOptions {
  int max_failures = 5;
  std::chrono::minutes lockout{15};
  int ip_max_failures = 50;
  std::chrono::minutes ip_window{15};
};

class LoginGuard {
 public:
  LoginGuard(store::Database& db, const Clock& clock, LoginGuardOptions options = {});

  // kTooManyRequests when the IP is over its limit; kAccountLocked (with the minutes left) when
  // the account is locked; kNotFound for an unknown account id.
  [[nodiscard]] Result<void> before_attempt(std::optional<store::Id> user_id, std::string_view client_ip);
  // Counts a wrong password; true when this failure locked the account.
  [[nodiscard]] Result<bool> record_failure(std::optional<store::Id> user_id, std::string_view client_ip);
  // A right password: the account's count and lock are cleared.
  [[nodiscard]] Result<void> record_success(store::Id user_id);

 private:
  store::Database& db_;
  const Clock& clock_;
  LoginGuardOptions options_;
  RateLimiter ip_failures_;
};

}  // namespace rc::identity
