#pragma once
// Public verification (F19, R11): anyone may confirm a certificate by its number and the holder's
// name, or by name and ID number (the number is found through the keyed look-up hash, never by
// decrypting rows). Answers carry masked personal data only (张*明, 5113**********1236), never
// the photo. A certificate is public from its public_from day (R9); before that it is unknown.
//
// Tri-state: the status is valid, revoked or expired when it could be read; when the store
// cannot be read the answer is kStatusUnavailable ("无法确定", HTTP 503) — never "valid".
// Thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "identity/personal_data_cipher.h"
#include "store/database.h"

namespace rc::app {

enum class CertificateState { kValid, kRevoked, kExpired };
std::string_view state_code(CertificateState s);   // "valid" | "revoked" | "expired"
std::string_view state_label(CertificateState s);  // 有效 | 已撤销 | 已过期

struct PublicCertificate {
  std::string number;
  CertificateState state = CertificateState::kValid;
  CivilDate checked_on;
  std::string masked_name;
  std::string masked_id_number;
  std::string occupation = "应急救援员（3-02-03-08）";
  std::string level;
  CivilDate issued_on;
  std::optional<CivilDate> valid_until;  // none: for life
  std::string issuing_body;
  std::optional<CivilDate> revoked_on;
};

// By number only (the QR code, the CLI's status check). kNotFound when unknown or not yet
// public; kStatusUnavailable when it cannot be read.
[[nodiscard]] Result<PublicCertificate> certificate_status(store::Database& db, const Clock& clock,
                                                           std::string_view number);

struct VerificationQuery {
  std::string number;     // with name, or
  std::string id_number;  // with name
  std::string name;       // REQUIRED
};

// kMissingField for an incomplete query; kNotFound when nothing matches (the same answer for a
// wrong name as for an unknown number, so names cannot be probed); kStatusUnavailable.
[[nodiscard]] Result<std::vector<PublicCertificate>> verify_certificate(store::Database& db, const Clock& clock,
                                                                        const identity::PersonalDataCipher& cipher,
                                                                        const VerificationQuery& query);

}  // namespace rc::app
