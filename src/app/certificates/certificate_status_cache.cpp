#include "app/certificates/certificate_status_cache.h"

namespace rc::app {

CertificateStatusCache::CertificateStatusCache(std::chrono::milliseconds ttl, std::size_t capacity)
    : ttl_(ttl), capacity_(capacity) {}

Result<PublicCertificate> CertificateStatusCache::status(store::Database& db, const Clock& clock,
                                                         std::string_view number) {
  const auto now = std::chrono::steady_clock::now();
  const CivilDate today = china_date(clock.now());
  std::string key(number);
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.day == today && now - it->second.fetched < ttl_) return it->second.answer;
    generation = generation_;
  }
  auto answer = certificate_status(db, clock, number);
  const bool keep = answer || answer.error().code == ErrorCode::kNotFound;
  if (keep) {
    std::lock_guard lock(mutex_);
    // A clear() while this look-up read the store: its answer may predate the change; not kept.
    if (generation != generation_) return answer;
    if (entries_.size() >= capacity_) entries_.clear();  // crude, and rare: a flood of distinct numbers
    entries_.insert_or_assign(std::move(key), Entry{answer, now, today});
  }
  return answer;
}

std::size_t CertificateStatusCache::size() {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

void CertificateStatusCache::clear() {
  std::lock_guard lock(mutex_);
  ++generation_;
  entries_.clear();
}

}  // namespace rc::app
