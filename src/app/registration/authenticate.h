#pragma once
// Use case: logging in (R11, F3), two steps. The caller checks the image captcha first.
//   1. authenticate(): username or ID number + password. LoginGuard counts wrong passwords per
//      account and per IP (lock-out); on success the caller creates a kPasswordVerified session
//      (identity/session_store.h) and sends an SMS code with purpose "login" to `phone`.
//   2. complete_login(): the SMS code; on success the caller promotes the session to kFull.
// Both outcomes are audited. Thread-safe; each step runs its own short transactions (the guard
// and the SMS service keep their own).

#include <string>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "identity/login_guard.h"
#include "identity/password_hasher.h"
#include "identity/personal_data_cipher.h"
#include "identity/sms.h"
#include "store/database.h"

namespace rc::app {

inline constexpr std::string_view kLoginSmsPurpose = "login";

struct LoginAttempt {
  std::string login;  // username, or (candidates) the ID number
  std::string password;
  std::string client_ip;
};

struct PasswordVerified {
  Actor actor;               // for SessionStore::create(actor.user_id, role text, kPasswordVerified)
  std::string phone;         // send the "login" SMS code here
  std::string phone_masked;  // for the page: 138****8000
};

// kBadCredentials (unknown login, wrong password, disabled account), kAccountLocked,
// kTooManyRequests (IP over its limit, or the hasher busy), kAccountNotActivated (no password
// yet: first login goes through activate_candidate_account; or no phone on file).
[[nodiscard]] Result<PasswordVerified> authenticate(store::Database& db, const Clock& clock,
                                                    const identity::PersonalDataCipher& cipher,
                                                    identity::PasswordHasher& hasher, identity::LoginGuard& guard,
                                                    const LoginAttempt& attempt);

// The logged-in Actor. kSmsCodeWrong / kSmsCodeExpired; kBadCredentials for a disabled account.
[[nodiscard]] Result<Actor> complete_login(store::Database& db, const Clock& clock, identity::SmsCodeService& sms_codes,
                                           store::Id user_id, std::string_view sms_code);

// "13800138000" -> "138****8000".
std::string mask_phone(std::string_view phone);

}  // namespace rc::app
