#pragma once
// Use case support: the status of a certificate by number (certificate_status) answered from
// memory for a short time. QR scans and `cert verify --status-url` ask the same few numbers
// again and again; the store answers ~6k look-ups/s here, memory ~30k (bench/wrk/verify.sh).
//
// What may be stale, and for how long: an answer is reused for at most `ttl` (2 s by default)
// and never across a change of date (expiry is computed for today). The certificate use cases
// that change a status (issuance, revocation, reissue) clear the cache attached to their
// CertificateServices after they commit, so this process's own changes show at once; a change
// made by another process shows at most `ttl` later. The verification pages read the store directly.
// Only successful look-ups and "not found" are kept: a storage failure is never cached and
// stays "indeterminate" (tri-state).
//
// Thread-safe.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "app/certificates/certificate_verification.h"

namespace rc::app {

class CertificateStatusCache {
 public:
  explicit CertificateStatusCache(std::chrono::milliseconds ttl = std::chrono::seconds(2),
                                  std::size_t capacity = 100'000);

  // As certificate_status(db, clock, number).
  [[nodiscard]] Result<PublicCertificate> status(store::Database& db, const Clock& clock, std::string_view number);
  // Forgets every answer (after a revocation or a reissue in this process).
  void clear();
  // How many answers are kept now.
  [[nodiscard]] std::size_t size();

 private:
  struct Entry {
    Result<PublicCertificate> answer;
    std::chrono::steady_clock::time_point fetched;
    CivilDate day;
  };
  std::chrono::milliseconds ttl_;
  std::size_t capacity_;
  std::mutex mutex_;
  std::uint64_t generation_ = 0;  // counts clear(): a look-up that raced one is not kept
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace rc::app
