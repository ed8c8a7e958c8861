#pragma once
// CertificateIssueRepository: what issuance stores beside a certificates row (V005): the serial
// taken from the per-station, per-year counter, the issuing station and holder, the day the
// certificate becomes publicly queryable (R9), the signed file, and joined listings for pages.
//
// Numbering is gap-free: take_serials() moves the counter inside the caller's transaction, so
// the serials commit with the certificates that use them or not at all.
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>
#include <string_view>
#include <vector>

#include "domain/common/result.h"
#include "store/certificate_records.h"
#include "store/database.h"

namespace rc::store {

class CertificateIssueRepository {
 public:
  explicit CertificateIssueRepository(Transaction& tx) : tx_(tx) {}

  // The first of `count` consecutive serials for this station and year (1 for the first ever).
  // REQUIRES: count >= 1.
  [[nodiscard]] Result<int> take_serials(Id station_id, int year, int count);
  // Creates the counter row (next serial 1) if missing, and returns the next serial.
  [[nodiscard]] Result<int> peek_next_serial(Id station_id, int year);
  // Takes `count` serials starting at `expected_first` if the counter still stands there; false
  // (nothing taken) when another issuance moved it first.
  [[nodiscard]] Result<bool> claim_serials(Id station_id, int year, int expected_first, int count);
  // kConflict when the certificate already has an issue row or the serial is taken.
  [[nodiscard]] Result<void> insert_issue(const CertificateIssue& issue);
  [[nodiscard]] Result<void> insert_file(const CertificateFile& file);
  [[nodiscard]] Result<std::optional<CertificateFile>> find_file(Id certificate_id);
  // Whether the registration ever had a certificate (valid or revoked).
  [[nodiscard]] Result<bool> registration_has_certificate(Id registration_id);
  // Serials used by a station in a year, ascending (gap checks).
  [[nodiscard]] Result<std::vector<int>> serials(Id station_id, int year);

  [[nodiscard]] Result<std::optional<CertificateListing>> listing(Id certificate_id);
  [[nodiscard]] Result<std::optional<CertificateListing>> listing_by_number(std::string_view number);
  [[nodiscard]] Result<std::vector<CertificateListing>> listings_of_candidate(Id candidate_id);
  // Newest first, at most `limit`.
  [[nodiscard]] Result<std::vector<CertificateListing>> listings_of_station(Id station_id, int limit);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
