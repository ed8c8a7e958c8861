#pragma once
// Use case: a candidate's first login (R11, F3). The account exists since the batch was
// submitted, without a password. The candidate proves who they are with their ID number, the
// phone number the organisation entered and an SMS code sent to it (purpose "activate"), and sets
// a password (policy: identity/password_hasher.h), stored as Argon2id.
//
//   request_activation_code(...)  ID number + phone match an account not yet activated -> code sent
//   activate_candidate_account(...) the same + code + new password -> password set, audited
//
// A mismatch says only "ID number or phone not right" (no account enumeration). Thread-safe: the
// steps run their own transactions (the SMS service and hasher are their own).

#include <string>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "identity/password_hasher.h"
#include "identity/personal_data_cipher.h"
#include "identity/sms.h"
#include "store/database.h"

namespace rc::app {

inline constexpr std::string_view kActivationSmsPurpose = "activate";

struct ActivationCodeRequest {
  std::string id_number;
  std::string phone;
  std::string client_ip;
};

struct Activation {
  std::string id_number;
  std::string phone;
  std::string sms_code;
  std::string new_password;
};

// kBadCredentials when no account matches; kWrongState when it is already activated; the SMS
// service's refusals (kTooManyRequests, kSmsSendFailed).
[[nodiscard]] Result<void> request_activation_code(store::Database& db, const Clock& clock,
                                                   const identity::PersonalDataCipher& cipher,
                                                   identity::SmsCodeService& sms_codes, const ActivationCodeRequest& request);

// The activated account's Actor. kWeakPassword (checked before the code is used), kBadCredentials,
// kWrongState, kSmsCodeWrong / kSmsCodeExpired, kTooManyRequests (hasher busy).
[[nodiscard]] Result<Actor> activate_candidate_account(store::Database& db, const Clock& clock,
                                                       const identity::PersonalDataCipher& cipher,
                                                       identity::SmsCodeService& sms_codes,
                                                       identity::PasswordHasher& hasher, const Activation& request);

}  // namespace rc::app
