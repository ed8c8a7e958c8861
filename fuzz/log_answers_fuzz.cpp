// libFuzzer target for a transparency log server's answers, as `cert verify --log-url` reads them
// (app::check_certificate_in_log). The input holds three answers separated by blank lines: to
// /api/v1/log/certificates/NUMBER, /tree-head and /proof/inclusion (the public key is pinned).
// Head signatures are accepted here, so that the entries, the head and the proofs are all
// reached: whatever a server sends must never crash the check, every refusal must say why, and
// "included" needs a leaf inside the head's tree. Seeds: fuzz/corpus/log_answers/.
//   cmake --preset fuzz && cmake --build build/fuzz --target log_answers_fuzz
//   build/fuzz/fuzz/log_answers_fuzz fuzz/corpus/log_answers -max_total_time=60

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "app/transparency/certificate_in_log.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string answers[3];
  for (int i = 0; i < 2; ++i) {
    const auto cut = in.find("\n\n");
    answers[i] = std::string(in.substr(0, cut));
    in = cut == std::string_view::npos ? std::string_view{} : in.substr(cut + 2);
  }
  answers[2] = std::string(in);
  rc::app::LogFetch fetch = [&](const std::string& target) -> rc::Result<nlohmann::json> {
    const int which = target.find("/certificates/") != std::string::npos ? 0 : target.find("/tree-head") != std::string::npos ? 1 : 2;
    auto doc = nlohmann::json::parse(answers[which], nullptr, false);
    if (doc.is_discarded()) return rc::fail(rc::ErrorCode::kStatusUnavailable, "url", "not JSON");
    return doc;
  };
  const rc::transparency::SignatureCheck accept_any = [](std::string_view, std::string_view) { return true; };
  auto r = rc::app::check_certificate_in_log(fetch, "YJJY-FUZZ-1", std::string(64, 'a'), accept_any);
  if (r && r->issue_leaf >= r->tree_size) std::abort();
  if (!r && r.error().message.empty()) std::abort();
  return 0;
}
