// libFuzzer target for certificate files (spec/OFD.md §7): verify_certificate_ofd() on any bytes
// must never crash, hang or call a file valid unless a trusted key signed it; the renderer is run
// on what the verifier reads so its parser sees the same inputs. Seeds: fuzz/corpus/ofd_verify/
// (a signed sample and broken variants).
//   cmake --preset fuzz && cmake --build build/fuzz --target ofd_verify_fuzz
//   build/fuzz/fuzz/ofd_verify_fuzz fuzz/corpus/ofd_verify -max_total_time=60 -rss_limit_mb=4096

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "cert/ofd_verification.h"
#include "cert/page_render.h"

namespace {

// The key that signed the seeds in the corpus; anything else must come out invalid or
// indeterminate (a forged signature would need the private key).
constexpr char kSeedPublicKey[] =
    "-----BEGIN PUBLIC KEY-----\n"
    "MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEIUKOFIwQ/G64Li8LTFDpuo3EYTNj\n"
    "/c4CwMS1xyjTNyWPJ1cfM8zU5R6c7ala7dsRkFF7YPLDasodpNdm0HE30g==\n"
    "-----END PUBLIC KEY-----\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto keys = [] {
    std::vector<rc::cert::Sm2PublicKey> k;
    if (auto key = rc::cert::Sm2PublicKey::from_pem(kSeedPublicKey)) k.push_back(*key);
    return k;
  }();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto v = rc::cert::verify_certificate_ofd(bytes, keys);
  if (v.result != rc::cert::Verdict::kValid && !v.error) std::abort();  // every refusal says why
  if (v.result == rc::cert::Verdict::kInvalid && v.failed_check.empty()) std::abort();
  (void)rc::cert::to_json(v).dump();
  // Rendering is costly; the verifier gate keeps the fuzzer fast while still exercising the
  // renderer's parser on every input that unpacks.
  if (v.failed_check != "zip") (void)rc::cert::render_ofd_png(bytes, 36);
  return 0;
}
