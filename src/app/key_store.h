#pragma once
// The platform's secret keys, kept as files in keys_dir (never in the database, never in git).
// `rescuecert init` creates them once; later runs load them and never overwrite an existing key.
//
//   id-number.key   32 random bytes: AES-256-GCM key for identity numbers at rest (DOMAIN.md §4)
//   lookup.key      32 random bytes: HMAC-SHA256 key for the identity-number look-up index
//   biometric.key   32 random bytes: AES-256-GCM key for photos and face data, apart from identity
//   signing-sm2.pem SM2 private key (PKCS#8 PEM) that signs certificates (spec/OFD.md)
//   signing-sm2.pub.pem its public key
//
// Files are created with mode 0600 inside a 0700 folder. Thread-safe once loaded (read-only).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/common/result.h"

namespace rc::app {

using SymmetricKey = std::array<std::uint8_t, 32>;

struct KeySet {
  SymmetricKey id_number_key{};
  SymmetricKey lookup_key{};
  SymmetricKey biometric_key{};
  std::string signing_private_pem;
  std::string signing_public_pem;
};

struct KeyInitReport {
  int created = 0;   // key files written by this call
  int existing = 0;  // key files already present and kept
};

// Creates every missing key file in dir (and dir itself). Existing keys are kept as they are.
[[nodiscard]] Result<KeyInitReport> ensure_keys(const std::string& dir);

// Loads all keys; a missing or malformed file is an error naming it (kKeyFailure).
[[nodiscard]] Result<KeySet> load_keys(const std::string& dir);

// A key for one purpose derived from a stored key: HMAC-SHA256(root, "rescuecert/derived/" +
// purpose), so a new use of a secret needs no new key file and a derived key reveals nothing of
// the root or of keys derived for other purposes. Purposes in use: "ticket-qr/v1" (admission
// ticket QR codes, from lookup_key).
SymmetricKey derive_key(const SymmetricKey& root, std::string_view purpose);

}  // namespace rc::app
