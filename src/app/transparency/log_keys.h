#pragma once
// The keys of the transparency log: tree heads are signed with the platform's SM2 certificate
// key (keys_dir/signing-sm2.pem, SM3withSM2, ID 1234567812345678: cert/sm2.h), so one public key
// checks both certificates and the log.

#include <string>
#include <string_view>

#include "domain/common/result.h"
#include "transparency/tree_head.h"

namespace rc::app {

inline constexpr std::string_view kLogSignatureAlgorithm = "SM2-with-SM3";

// A signer over the SM2 private key PEM. kKeyFailure when the PEM is not an SM2 key.
[[nodiscard]] Result<transparency::Signer> sm2_log_signer(std::string_view private_pem);
// A signature check over the SM2 public key PEM. kKeyFailure when the PEM is not an SM2 key.
[[nodiscard]] Result<transparency::SignatureCheck> sm2_log_signature_check(std::string_view public_pem);
// Hex SM3 of the public key (DER SubjectPublicKeyInfo), as cert/ prints it.
[[nodiscard]] Result<std::string> sm2_public_key_fingerprint(std::string_view public_pem);

}  // namespace rc::app
