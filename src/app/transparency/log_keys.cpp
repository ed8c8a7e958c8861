#include "app/transparency/log_keys.h"

#include "cert/sm2.h"

namespace rc::app {

Result<transparency::Signer> sm2_log_signer(std::string_view private_pem) {
  auto key = cert::Sm2PrivateKey::from_pem(private_pem);
  if (!key) return fail(key.error());
  return transparency::Signer([key = *key](std::string_view message) { return key.sign(message); });
}

Result<transparency::SignatureCheck> sm2_log_signature_check(std::string_view public_pem) {
  auto key = cert::Sm2PublicKey::from_pem(public_pem);
  if (!key) return fail(key.error());
  return transparency::SignatureCheck(
      [key = *key](std::string_view message, std::string_view signature) { return key.verify(message, signature); });
}

Result<std::string> sm2_public_key_fingerprint(std::string_view public_pem) {
  auto key = cert::Sm2PublicKey::from_pem(public_pem);
  if (!key) return fail(key.error());
  return key->fingerprint();
}

}  // namespace rc::app
