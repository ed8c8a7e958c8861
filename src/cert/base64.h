#pragma once
// Base64 (RFC 4648 §4, padded) for OFD CheckValues and base64url (§5, unpadded) for the QR payload.
// Decoding is strict: any character outside the alphabet, or bad padding, gives nullopt.

#include <optional>
#include <string>
#include <string_view>

namespace rc::cert {

std::string base64_encode(std::string_view bytes);
std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace rc::cert
