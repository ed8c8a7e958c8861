// libFuzzer target for the scan box at the exam room door (F10): ticket_from_scan() on any bytes
// must never crash; it refuses with kMissingField or kTicketInvalid and a Chinese message, and
// what it accepts is a well-formed ticket number: either the number of a QR text with a valid MAC
// (seeds carry valid codes under the fixed key below) or the typed number, upper-cased.
// Seeds: fuzz/corpus/door_ticket/.
//   cmake --preset fuzz && cmake --build build/fuzz --target door_ticket_fuzz
//   build/fuzz/fuzz/door_ticket_fuzz fuzz/corpus/door_ticket -max_total_time=60

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "app/checkin/door_ticket.h"
#include "app/exam/ticket_qr.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const rc::app::SymmetricKey key = [] {
    rc::app::SymmetricKey k;
    k.fill(0x11);
    return k;
  }();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = rc::app::ticket_from_scan(key, text);
  if (!r) {
    const auto code = r.error().code;
    if ((code != rc::ErrorCode::kTicketInvalid && code != rc::ErrorCode::kMissingField) || r.error().message.empty())
      std::abort();
    return 0;
  }
  if (!rc::app::is_ticket_number(*r) || size > rc::app::kScanTextMaxBytes) std::abort();
  return 0;
}
