#pragma once
// What the scan box at the exam room door received, turned into a ticket number (the edge's one
// parse of that input): the QR text of an admission ticket ("RCT1:<ticket>:<mac>", read by the
// page's camera or a USB scanner, verified with the ticket QR key: app/exam/ticket_qr.h; the
// platform's key is app::ticket_qr_key(platform.keys())), or the ticket number typed by hand
// (letters upper-cased). kMissingField for nothing, kTicketInvalid otherwise, with a Chinese
// message; nothing is looked up here. Pure (fuzz/door_ticket_fuzz.cpp); thread-safe.

#include <string>
#include <string_view>

#include "app/key_store.h"
#include "domain/common/result.h"

namespace rc::app {

inline constexpr std::size_t kScanTextMaxBytes = 256;

[[nodiscard]] Result<std::string> ticket_from_scan(const SymmetricKey& qr_key, std::string_view text);

}  // namespace rc::app
