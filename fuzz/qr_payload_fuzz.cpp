// libFuzzer target for QR code texts: verify_qr_text() on any bytes must never crash and must
// refuse everything but well-formed payloads with a valid signature. Seeds: fuzz/corpus/qr_payload/.
//   cmake --preset fuzz && cmake --build build/fuzz --target qr_payload_fuzz
//   build/fuzz/fuzz/qr_payload_fuzz fuzz/corpus/qr_payload -max_total_time=60

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "cert/qr_payload.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto key = rc::cert::Sm2PrivateKey::generate()->public_key();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = rc::cert::verify_qr_text(text, key);
  // A fresh random key signed nothing: success would mean a forged or unchecked signature.
  if (r) std::abort();
  const auto code = r.error().code;
  if (code != rc::ErrorCode::kQrPayloadMalformed && code != rc::ErrorCode::kQrSignatureInvalid) std::abort();
  if (r.error().message.empty()) std::abort();
  return 0;
}
