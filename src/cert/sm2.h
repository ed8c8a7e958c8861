#pragma once
// SM2 keys and signatures (SM3withSM2, GM/T 0003) and SM3 digests, over OpenSSL 3 EVP.
// Signatures use the distinguishing ID "1234567812345678" on both sides: OpenSSL before 4.0
// defaults to an empty ID, which ofdrw and every GM tool would reject (spec/OFD.md §3.4).
//
// Signing runs on Botan 2 (its SM2 signs ~2.4x as fast as OpenSSL 3.0's generic-curve code: a
// precomputed, blinded fixed-base multiplication; bench/README.md "cert_issue_bench"); keys, PEM,
// fingerprints and every verification stay on OpenSSL, so each signature the platform makes is
// checked by an independent implementation in the tests (and by the openssl CLI in one).
//
// Thread safety: keys share immutable state; sign/verify create a fresh operation per call, so
// one key may be used from several threads at once. Copies are cheap (shared ownership).

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "domain/common/result.h"

typedef struct evp_pkey_st EVP_PKEY;

namespace rc::cert {

struct Sm2Signer;  // the Botan signing key (sm2.cpp)

class Sm2PublicKey;

class Sm2PrivateKey {
 public:
  // A PKCS#8 (or traditional EC) PEM private key on the SM2 curve, e.g. keys_dir/signing-sm2.pem.
  [[nodiscard]] static Result<Sm2PrivateKey> from_pem(std::string_view pem);
  // A fresh random key (for samples and tests; the platform's key comes from `rescuecert init`).
  [[nodiscard]] static Result<Sm2PrivateKey> generate();

  std::string private_pem() const;  // PKCS#8 PEM
  std::string public_pem() const;   // SubjectPublicKeyInfo PEM
  Sm2PublicKey public_key() const;

  // DER SEQUENCE{r, s} of SM3withSM2 over `message` (the Z value uses ID 1234567812345678).
  [[nodiscard]] Result<std::string> sign(std::string_view message) const;
  // Hex SM3 of the DER SubjectPublicKeyInfo, equal to the public key's fingerprint().
  std::string fingerprint() const;

 private:
  Sm2PrivateKey(std::shared_ptr<EVP_PKEY> k, std::shared_ptr<const Sm2Signer> signer);
  [[nodiscard]] static Result<Sm2PrivateKey> from_evp(std::shared_ptr<EVP_PKEY> k);
  std::shared_ptr<EVP_PKEY> key_;
  std::shared_ptr<const Sm2Signer> signer_;
  std::string fingerprint_;  // computed once: every certificate records it
};

class Sm2PublicKey {
 public:
  // A SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----") on the SM2 curve.
  [[nodiscard]] static Result<Sm2PublicKey> from_pem(std::string_view pem);

  // True only for a well-formed DER signature by this key over `message`.
  bool verify(std::string_view message, std::string_view der_signature) const;
  std::string fingerprint() const;
  std::string pem() const;

 private:
  friend class Sm2PrivateKey;
  explicit Sm2PublicKey(std::shared_ptr<EVP_PKEY> k);
  std::shared_ptr<EVP_PKEY> key_;
  std::string fingerprint_;  // computed once: the verifier compares it for every trusted key
};

// Signature encodings: DER SEQUENCE{r, s} <-> the fixed 64-byte r||s. nullopt unless the input is
// well formed; for DER also unless it is the canonical (minimal) encoding, so that one signature
// has one byte string.
std::optional<std::string> sm2_signature_raw(std::string_view der);
std::optional<std::string> sm2_signature_der(std::string_view raw);

std::array<unsigned char, 32> sm3(std::string_view data);
std::string sm3_hex(std::string_view data);
// Lower-case hex of a digest, as sm3_hex writes it.
std::string to_hex(const std::array<unsigned char, 32>& digest);

}  // namespace rc::cert
