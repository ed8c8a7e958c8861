#pragma once
// Digests of short secrets (session tokens, captcha answers, SMS codes) and the random tokens
// themselves. What the store keeps is never the secret:
//   - session tokens carry 256 random bits, so a plain SHA-256 is enough (sha256_hex);
//   - captcha answers and SMS codes are short, so each gets its own random salt
//     (salted_digest -> "salt_hex$sha256_hex"), compared in constant time (salted_digest_matches).
//
// Thread safety: free functions; each RandomSource is used by one thread at a time.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "domain/common/random.h"

namespace rc::identity {

// Lower-case hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

// RFC 4648 base64url without padding.
std::string base64url(std::span<const std::uint8_t> bytes);

// `bytes` random bytes as base64url (32 bytes -> 43 characters).
std::string random_token(RandomSource& random, std::size_t bytes = 32);

// "salt_hex$sha256_hex" over salt || secret, with 16 fresh random bytes of salt.
std::string salted_digest(RandomSource& random, std::string_view secret);

// Whether `secret` is the one `stored` (from salted_digest) was made of; constant time in the
// secret. False on a malformed `stored`.
bool salted_digest_matches(std::string_view stored, std::string_view secret);

// Constant-time equality of two strings (the lengths are not secret).
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace rc::identity
