#pragma once
// Personal data at rest (DOMAIN.md §4.3, F22): identity numbers and biometric data encrypted
// with AES-256-GCM (OpenSSL EVP), each under its own key, plus a keyed look-up hash so that a
// number can be found without decrypting every row.
//
// Blob layout: version byte (0x01) || 12-byte random nonce || ciphertext || 16-byte tag.
// The associated data names the purpose ("rescuecert/id_number/v1", "rescuecert/biometric/v1"),
// so an ID blob never decrypts as a biometric one (nor the reverse) even under one key, and any
// changed byte (version, nonce, ciphertext, tag) makes decryption fail with kKeyFailure.
//
// The keys come from app/key_store.h (KeySet) as raw 32-byte arrays; this class keeps copies and
// wipes them on destruction.
//
// Thread safety: const members may be called from any thread at once (each call has its own
// OpenSSL context); the RandomSource must then be thread-safe too (SecureRandom is).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/common/random.h"
#include "domain/common/result.h"

namespace rc::identity {

using Key256 = std::array<std::uint8_t, 32>;

class PersonalDataCipher {
 public:
  PersonalDataCipher(Key256 id_key, Key256 lookup_key, Key256 biometric_key, RandomSource& random);
  ~PersonalDataCipher();
  PersonalDataCipher(const PersonalDataCipher&) = delete;
  PersonalDataCipher& operator=(const PersonalDataCipher&) = delete;

  // REQUIRES: `normalized` is the number as parsed by domain/identity (upper case, no spaces).
  std::string encrypt_id_number(std::string_view normalized) const;
  // kKeyFailure when the blob is malformed, was changed, or is not an ID-number blob.
  [[nodiscard]] Result<std::string> decrypt_id_number(std::string_view blob) const;

  // HMAC-SHA256 (lookup key) over document_type || 0x00 || normalized, as 64 lower-case hex
  // characters: equal numbers of one document type give equal hashes (the UNIQUE index of
  // candidates), and nothing about the number can be learnt without the key.
  std::string lookup_hash(std::string_view document_type, std::string_view normalized) const;

  std::string encrypt_biometric(std::string_view data) const;
  [[nodiscard]] Result<std::string> decrypt_biometric(std::string_view blob) const;

 private:
  std::string seal(const Key256& key, std::string_view purpose, std::string_view plain) const;
  [[nodiscard]] Result<std::string> open(const Key256& key, std::string_view purpose, std::string_view blob) const;

  Key256 id_key_;
  Key256 lookup_key_;
  Key256 biometric_key_;
  RandomSource& random_;
};

}  // namespace rc::identity
