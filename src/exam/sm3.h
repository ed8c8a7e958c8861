#pragma once
// SM3 (GB/T 32905) digests in lowercase hex, through OpenSSL: the hash of paper seals and item
// content digests. Thread-safe.

#include <string>
#include <string_view>

namespace rc::exam {

// 64 lowercase hex characters. Throws std::runtime_error only if OpenSSL lacks SM3 (a broken
// installation, not an input problem).
std::string sm3_hex(std::string_view data);

}  // namespace rc::exam
