// libFuzzer target for admission-ticket QR texts (F7): parse_ticket_qr() on any bytes must never
// crash, must refuse with kTicketInvalid and a message, and may accept only a text that is exactly
// what ticket_qr_text() makes for the number it returns (seeds carry valid codes under the fixed
// key below, so mutations reach the MAC comparison). Seeds: fuzz/corpus/ticket_qr/.
//   cmake --preset fuzz && cmake --build build/fuzz --target ticket_qr_fuzz
//   build/fuzz/fuzz/ticket_qr_fuzz fuzz/corpus/ticket_qr -max_total_time=60

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "app/exam/ticket_qr.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const rc::app::SymmetricKey key = [] {
    rc::app::SymmetricKey k;
    k.fill(0x11);
    return k;
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = rc::app::parse_ticket_qr(key, text);
  if (!r) {
    if (r.error().code != rc::ErrorCode::kTicketInvalid || r.error().message.empty()) std::abort();
    return 0;
  }
  if (!rc::app::is_ticket_number(*r)) std::abort();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  if (rc::app::ticket_qr_text(key, *r) != text) std::abort();
  return 0;
}
