#pragma once
// SQL of FilingRepository (store/filing_repository.cpp): R9 filings and what is waiting for them.

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertFiling =
    "INSERT INTO certificate_filings (station_id, status, entries, exported_at, exported_by)"
    " VALUES (:station_id, 'exported', :entries, :exported_at, :exported_by) RETURNING id";
inline constexpr std::string_view kInsertFilingEntry =
    "INSERT INTO certificate_filing_entries (filing_id, registration_id, exam_on)"
    " VALUES (:filing_id, :registration_id, :exam_on)";

#define RC_FILING_COLUMNS \
  "id, station_id, status, entries, exported_at, exported_by, filed_on, recorded_at, recorded_by"
inline constexpr std::string_view kSelectFiling =
    "SELECT " RC_FILING_COLUMNS " FROM certificate_filings WHERE id = :id";
inline constexpr std::string_view kSelectFilingsByStation =
    "SELECT " RC_FILING_COLUMNS " FROM certificate_filings WHERE station_id = :station_id ORDER BY id DESC";
#undef RC_FILING_COLUMNS

inline constexpr std::string_view kSelectFilingEntries =
    "SELECT filing_id, registration_id, exam_on FROM certificate_filing_entries WHERE filing_id = :filing_id"
    " ORDER BY registration_id";

// Only an exported filing is recorded, once.
inline constexpr std::string_view kRecordFiled =
    "UPDATE certificate_filings SET status = 'filed', filed_on = :filed_on, recorded_at = :recorded_at,"
    " recorded_by = :recorded_by WHERE id = :id AND status = 'exported'";

// The registration's filing when it is recorded as filed (R9 gate of issuance).
inline constexpr std::string_view kFiledEntryOfRegistration =
    "SELECT e.filing_id, e.registration_id, e.exam_on, f.filed_on FROM certificate_filing_entries e"
    " JOIN certificate_filings f ON f.id = e.filing_id"
    " WHERE e.registration_id = :registration_id AND f.status = 'filed'";

// Approved registrations of the station's batches not yet in any filing (the rules engine then
// keeps the completed ones).
inline constexpr std::string_view kUnfiledApprovedRegistrations =
    "SELECT r.id FROM registrations r JOIN batches b ON b.id = r.batch_id"
    " WHERE b.station_id = :station_id AND r.status = 'approved'"
    " AND NOT EXISTS (SELECT 1 FROM certificate_filing_entries e WHERE e.registration_id = r.id) ORDER BY r.id";

// Filed registrations of the station that never had a certificate: what a batch issues.
inline constexpr std::string_view kFiledWithoutCertificate =
    "SELECT e.registration_id FROM certificate_filing_entries e JOIN certificate_filings f ON f.id = e.filing_id"
    " WHERE f.station_id = :station_id AND f.status = 'filed'"
    " AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.registration_id = e.registration_id)"
    " ORDER BY e.registration_id";

}  // namespace rc::store::sql
