#pragma once
// Asks the platform whether a certificate is still in force: GET
// <base>/api/v1/certificates/<number>/status, answered with JSON {"number", "status": "valid" |
// "revoked" | "expired"}. Plain http:// only (a verifier on the platform's own network, or behind a
// TLS-terminating proxy); one deadline bounds connect, send and receive.
//
// Thread safety: pure function (blocking I/O).

#include <chrono>
#include <string>
#include <string_view>

#include "domain/common/result.h"

namespace rc::cert {

enum class CertificateStatus { kValid, kRevoked, kExpired };

std::string_view status_name(CertificateStatus s);

// kStatusUnavailable when the platform cannot be reached or answers anything but the JSON above
// for this number (a failed look-up is never "valid").
[[nodiscard]] Result<CertificateStatus> fetch_certificate_status(std::string_view base_url, std::string_view number,
                                                                 std::chrono::milliseconds timeout = std::chrono::seconds(5));

}  // namespace rc::cert
