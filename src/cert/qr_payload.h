#pragma once
// The text in a certificate's QR code: the verification URL followed by a compact payload signed
// with the platform's SM2 key, so that a phone opens the public page and a verifier can check the
// code offline (`rescuecert cert verify-qr`).
//
//   <verification_url>(?|&)q=1.<holder_digest>.<level>.<YYYYMMDD>.<signature>.<number>
//
// - holder_digest: base64url of the first 12 bytes of SM3(number "\n" name "\n" DOCUMENT NUMBER);
//   the name and document number never appear in the code (DOMAIN.md §4), yet someone holding the
//   person's document can recompute it.
// - level: the level code 1-5 read from the level text (五级 -> 5), 0 when it has none.
// - signature: base64url of the raw 64-byte r||s of SM3withSM2 over "rescuecert-qr:1.<hd>.<level>.<date>.<number>"
//   (DER would cost 8 more bytes and make the code denser).
// - number: percent-encoded when it holds anything outside [A-Za-z0-9-_]; it is last so that it may
//   contain dots.
// About 200 characters for a typical URL: QR version 10 at level M, which zbarimg reads at 200 dpi.
//
// Thread safety: pure functions; keys may be shared between threads.

#include <string>
#include <string_view>

#include "cert/certificate_content.h"
#include "cert/sm2.h"
#include "domain/common/civil_date.h"
#include "domain/common/result.h"

namespace rc::cert {

struct QrPayload {
  std::string url;            // the verification URL in front of the payload (not signed)
  std::string number;         // certificate number
  std::string holder_digest;  // see holder_digest()
  std::string level;          // "1".."5", or "0"
  CivilDate issued_on;
};

// The digest printed in the QR code for one holder. The document number is compared in upper case
// with spaces removed, so "…011x" and "…011X" give the same digest.
std::string holder_digest(std::string_view certificate_number, std::string_view name, std::string_view document_number);

// The level code 1-5 of a level text such as "五级/初级工" or "3", or "0".
std::string level_code(std::string_view level_text);

// REQUIRES: content.number is not empty. Signing failures (a broken key) throw std::runtime_error:
// a key that loaded and signed once does not fail on ordinary input.
std::string qr_text(const CertificateContent& content, const Sm2PrivateKey& key);

// kQrPayloadMalformed when the text carries no well-formed payload; kQrSignatureInvalid when the
// signature does not verify with `key`.
[[nodiscard]] Result<QrPayload> verify_qr_text(std::string_view text, const Sm2PublicKey& key);

}  // namespace rc::cert
