#pragma once
// RFC 6962 §2.1 hashing: SHA-256 with one-byte domain separation, so that a leaf can never be
// passed off as an interior node (second-preimage attacks on the tree):
//   leaf hash  = SHA-256(0x00 || entry bytes)
//   node hash  = SHA-256(0x01 || left || right)
//   empty tree = SHA-256("")
// Hex here is lowercase, the form the API and the CLI print.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rc::transparency {

using Hash = std::array<std::uint8_t, 32>;

Hash leaf_hash(std::string_view entry);
Hash node_hash(const Hash& left, const Hash& right);
Hash empty_root();

std::string to_hex(std::string_view bytes);
std::string to_hex(const Hash& h);
// Any case; nullopt unless exactly 64 hex digits.
std::optional<Hash> hash_from_hex(std::string_view hex);
// Any even-length hex string; nullopt when malformed.
std::optional<std::string> bytes_from_hex(std::string_view hex);
// The raw bytes of a hash (for storage), and back (nullopt unless 32 bytes).
std::string hash_bytes(const Hash& h);
std::optional<Hash> hash_from_bytes(std::string_view bytes);

}  // namespace rc::transparency
