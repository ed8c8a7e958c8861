#pragma once
// LogEntry: what the transparency log records of one certificate event, and its canonical text
// (the bytes that are hashed into the tree). Only the certificate number, the file's digest and,
// for a revocation, the reason: never a name or an ID number, since the log is public and can
// never be edited (PIPL/GB/T 35273: nothing personal in a record nobody can erase).
//
// Canonical form: JSON, keys sorted, no spaces, UTF-8, "v":1 first-class version field:
//   {"at":1742004000000,"certificate_number":"...","file_digest":"<hex>","kind":"issue","v":1}
//   {"at":...,"certificate_number":"...","file_digest":"<hex>","kind":"revoke","reason":"...","v":1}
// "at" is milliseconds since the epoch (UTC).

#include <string>
#include <string_view>

#include "domain/common/result.h"
#include "store/records.h"

namespace rc::app {

struct LogEntry {
  std::string kind;                // "issue" | "revoke"
  std::string certificate_number;  // as printed on the certificate
  std::string file_digest;         // lowercase hex digest of the issued file (SM3 or SHA-256)
  std::string reason;              // revocations only (required there); nothing personal
  store::Timestamp at{};           // when it was issued or revoked
  friend bool operator==(const LogEntry&, const LogEntry&) = default;
};

inline constexpr std::size_t kMaxRevocationReasonBytes = 600;  // 200 Chinese characters

// kInvalidValue naming the field when the entry breaks the rules above.
[[nodiscard]] Result<void> check_log_entry(const LogEntry& entry);
// The canonical text. REQUIRES nothing: refuses what check_log_entry refuses.
[[nodiscard]] Result<std::string> canonical_log_entry(const LogEntry& entry);
// Reads a canonical text back; refuses anything that is not exactly canonical, so that one
// entry has one encoding (kInvalidValue).
[[nodiscard]] Result<LogEntry> parse_log_entry(std::string_view text);

}  // namespace rc::app
