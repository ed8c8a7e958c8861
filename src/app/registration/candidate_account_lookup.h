#pragma once
// Finding a candidate's account from what a person types: an ID number (any document type of
// D16, parsed and looked up through the HMAC index, never by decrypting rows) or a username.
// Used by activation and login. Runs inside the caller's transaction.

#include <optional>
#include <string_view>

#include "domain/common/civil_date.h"
#include "domain/common/result.h"
#include "identity/personal_data_cipher.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

// The account of the candidate holding this ID number; nullopt when the text is not a valid
// number or nobody holds it.
[[nodiscard]] Result<std::optional<store::User>> account_by_id_number(store::Transaction& tx,
                                                                      const identity::PersonalDataCipher& cipher,
                                                                      std::string_view id_number, CivilDate today);

// By ID number when the text is one, else by username.
[[nodiscard]] Result<std::optional<store::User>> account_by_login(store::Transaction& tx,
                                                                  const identity::PersonalDataCipher& cipher,
                                                                  std::string_view login, CivilDate today);

}  // namespace rc::app
