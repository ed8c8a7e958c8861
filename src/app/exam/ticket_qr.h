#pragma once
// The check-in QR code of an admission ticket (准考证, F7): "RCT1:<ticket number>:<mac>", where mac
// is HMAC-SHA256 over "RCT1:<ticket number>" with the platform's ticket key, truncated to 16
// lower-case hex characters. A printed ticket cannot be forged or edited into another ticket
// number without the key; the number alone (printed beside the code) does not make a valid code.
//
// Pure functions of the key (the fuzz target calls parse_ticket_qr without a platform); the
// platform-keyed forms are in app/exam/admission_ticket.h. Thread-safe.

#include <string>
#include <string_view>

#include "app/key_store.h"
#include "domain/common/result.h"

namespace rc::app {

inline constexpr std::string_view kTicketQrPrefix = "RCT1:";

// Whether text is a well-formed ticket number: 6-32 characters of [0-9A-Z-] (the schema's bound).
bool is_ticket_number(std::string_view text);

// REQUIRES: is_ticket_number(ticket_no).
std::string ticket_qr_text(const SymmetricKey& key, std::string_view ticket_no);

// The ticket number; kTicketInvalid for anything malformed or with a wrong MAC (compared in
// constant time).
[[nodiscard]] Result<std::string> parse_ticket_qr(const SymmetricKey& key, std::string_view text);

}  // namespace rc::app
