#pragma once
// SQL of CertificateIssueRepository (store/certificate_issue_repository.cpp): the numbering
// counter, the issue rows, the stored files and the joined listings of certificates.

#include <string_view>

namespace rc::store::sql {

// The counter row is created on first use; the UPDATE then takes its row lock (PostgreSQL) or
// runs under the write lock (SQLite BEGIN IMMEDIATE), so concurrent issuers queue and a rolled
// back issuance gives its serials back: no gap, no reuse.
inline constexpr std::string_view kEnsureNumberCounter =
    "INSERT INTO certificate_number_counters (station_id, year, next_serial) VALUES (:station_id, :year, 1)"
    " ON CONFLICT (station_id, year) DO NOTHING";
inline constexpr std::string_view kTakeSerials =
    "UPDATE certificate_number_counters SET next_serial = next_serial + :count"
    " WHERE station_id = :station_id AND year = :year RETURNING next_serial";

// Optimistic numbering for issuance that signs outside the write transaction: read the next
// serial, sign with the numbers it gives, then claim them only if nobody moved the counter.
inline constexpr std::string_view kPeekNextSerial =
    "SELECT next_serial FROM certificate_number_counters WHERE station_id = :station_id AND year = :year";
inline constexpr std::string_view kClaimSerials =
    "UPDATE certificate_number_counters SET next_serial = next_serial + :count"
    " WHERE station_id = :station_id AND year = :year AND next_serial = :expected";

inline constexpr std::string_view kInsertCertificateIssue =
    "INSERT INTO certificate_issues (certificate_id, station_id, candidate_id, serial_year, serial, exam_on, public_from)"
    " VALUES (:certificate_id, :station_id, :candidate_id, :serial_year, :serial, :exam_on, :public_from)";

inline constexpr std::string_view kInsertCertificateFile =
    "INSERT INTO certificate_files (certificate_id, media_type, content, digest)"
    " VALUES (:certificate_id, :media_type, :content, :digest)";
inline constexpr std::string_view kSelectCertificateFile =
    "SELECT certificate_id, media_type, content, digest FROM certificate_files WHERE certificate_id = :certificate_id";

// Any certificate at all, valid or revoked: a batch never issues again for a registration that
// had one (a revoked certificate is replaced only through reissue, F20).
inline constexpr std::string_view kCountCertificatesOfRegistration =
    "SELECT count(*) FROM certificates WHERE registration_id = :registration_id";

inline constexpr std::string_view kSelectSerials =
    "SELECT serial FROM certificate_issues WHERE station_id = :station_id AND serial_year = :year ORDER BY serial";

#define RC_LISTING_COLUMNS                                                                               \
  "ct.id, ct.number, ct.scheme, ct.registration_id, ct.reissue_of, ct.issued_on, ct.valid_until,"        \
  " ct.filed_on, ct.status, ct.revoked_reason, ct.revoked_at, ct.revoked_by, ct.file_digest,"           \
  " ct.snapshot_json, ct.created_at, ci.certificate_id, ci.station_id, ci.candidate_id, ci.serial_year," \
  " ci.serial, ci.exam_on, ci.public_from, c.name, c.id_number_masked, r.level"
#define RC_LISTING_FROM                                                                 \
  " FROM certificates ct JOIN certificate_issues ci ON ci.certificate_id = ct.id"     \
  " JOIN candidates c ON c.id = ci.candidate_id JOIN registrations r ON r.id = ct.registration_id"
inline constexpr std::string_view kListingById =
    "SELECT " RC_LISTING_COLUMNS RC_LISTING_FROM " WHERE ct.id = :id";
inline constexpr std::string_view kListingByNumber =
    "SELECT " RC_LISTING_COLUMNS RC_LISTING_FROM " WHERE ct.number = :number";
inline constexpr std::string_view kListingsByCandidate =
    "SELECT " RC_LISTING_COLUMNS RC_LISTING_FROM " WHERE ci.candidate_id = :candidate_id ORDER BY ct.id";
inline constexpr std::string_view kListingsByStation =
    "SELECT " RC_LISTING_COLUMNS RC_LISTING_FROM " WHERE ci.station_id = :station_id ORDER BY ct.id DESC LIMIT :limit";
#undef RC_LISTING_COLUMNS
#undef RC_LISTING_FROM

}  // namespace rc::store::sql
