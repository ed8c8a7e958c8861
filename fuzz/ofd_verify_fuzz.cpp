// libFuzzer target for certificate files (spec/OFD.md §7): verify_certificate_ofd() on any bytes
// must never crash, hang or call a file valid unless a trusted key signed it; the renderer is run
// on what the verifier reads so its parser sees the same inputs. Seeds: fuzz/corpus/ofd_verify/
// (a signed sample and broken variants).
//   cmake --preset fuzz && cmake --build build/fuzz --target ofd_verify_fuzz
//   build/fuzz/fuzz/ofd_verify_fuzz fuzz/corpus/ofd_verify -max_total_time=60 -rss_limit_mb=4096

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "cert/ofd_checks.h"
#include "cert/ofd_verification.h"
#include "cert/page_render.h"
#include "cert/zip_package.h"

namespace {

// The key that signed the seeds in the corpus; anything else must come out invalid or
// indeterminate (a forged signature would need the private key).
constexpr char kSeedPublicKey[] =
    "-----BEGIN PUBLIC KEY-----\n"
    "MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEIUKOFIwQ/G64Li8LTFDpuo3EYTNj\n"
    "/c4CwMS1xyjTNyWPJ1cfM8zU5R6c7ala7dsRkFF7YPLDasodpNdm0HE30g==\n"
    "-----END PUBLIC KEY-----\n";

// Inputs starting with "RCZIP\n" are an unzipped package: entries "name\n" + bytes, separated by
// "\n--8<--\n". The target zips them itself (valid CRCs), so mutations reach the XML and signature
// checks instead of dying at the ZIP's checksums.
std::string as_package(std::string_view bytes) {
  constexpr std::string_view kMagic = "RCZIP\n", kCut = "\n--8<--\n";
  if (bytes.substr(0, kMagic.size()) != kMagic) return std::string(bytes);
  bytes.remove_prefix(kMagic.size());
  std::vector<rc::cert::ZipEntry> entries;
  while (!bytes.empty()) {
    const auto cut = bytes.find(kCut);
    std::string_view part = bytes.substr(0, cut);
    bytes = cut == std::string_view::npos ? std::string_view() : bytes.substr(cut + kCut.size());
    const auto nl = part.find('\n');
    if (nl == std::string_view::npos) continue;
    entries.push_back({std::string(part.substr(0, nl)), std::string(part.substr(nl + 1)), true});
  }
  return *rc::cert::write_zip(entries, std::chrono::system_clock::time_point{});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto keys = [] {
    std::vector<rc::cert::Sm2PublicKey> k;
    if (auto key = rc::cert::Sm2PublicKey::from_pem(kSeedPublicKey)) k.push_back(*key);
    return k;
  }();
  const std::string package = as_package(std::string_view(reinterpret_cast<const char*>(data), size));
  const std::string_view bytes(package);
  const auto v = rc::cert::verify_certificate_ofd(bytes, keys);
  if (v.result != rc::cert::Verdict::kValid && !v.error) std::abort();  // every refusal says why
  if (v.result == rc::cert::Verdict::kInvalid && v.failed_check.empty()) std::abort();
  (void)rc::cert::to_json(v).dump();
  // The structure checks only run on signed content inside the verifier, which mutations never
  // are; run them directly so the fuzzer reaches them too.
  if (auto entries = rc::cert::read_zip(bytes)) {
    const rc::cert::OfdPackage package(std::move(*entries));
    rc::cert::OfdRoot root;
    if (!rc::cert::read_ofd_root(package, &root)) (void)rc::cert::check_structure(package, root);
  }
  // Rendering is costly; the verifier gate keeps the fuzzer fast while still exercising the
  // renderer's parser on every input that unpacks.
  if (v.failed_check != "zip") (void)rc::cert::render_ofd_png(bytes, 36);
  return 0;
}

// fontconfig (loaded by pango for the renderer) keeps its configuration for the life of the
// process by design; LeakSanitizer must not count it (the CLI and tests suppress it the same way).
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
