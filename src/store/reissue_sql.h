#pragma once
// SQL of ReissueRepository (store/reissue_repository.cpp): 补发 applications (F20, R10).

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertReissue =
    "INSERT INTO reissue_applications (candidate_id, station_id, old_number, old_issued_on, reason,"
    " old_certificate_id, status, created_at)"
    " VALUES (:candidate_id, :station_id, :old_number, :old_issued_on, :reason, :old_certificate_id, 'pending',"
    " :created_at) RETURNING id";

#define RC_REISSUE_COLUMNS                                                                             \
  "id, candidate_id, station_id, old_number, old_issued_on, reason, old_certificate_id, status,"       \
  " decision_reason, decided_by, decided_at, issued_certificate_id, created_at"
inline constexpr std::string_view kSelectReissue =
    "SELECT " RC_REISSUE_COLUMNS " FROM reissue_applications WHERE id = :id";
inline constexpr std::string_view kSelectReissuesByCandidate =
    "SELECT " RC_REISSUE_COLUMNS " FROM reissue_applications WHERE candidate_id = :candidate_id ORDER BY id DESC";
inline constexpr std::string_view kSelectReissuesByStation =
    "SELECT " RC_REISSUE_COLUMNS " FROM reissue_applications WHERE station_id = :station_id"
    " ORDER BY CASE status WHEN 'pending' THEN 0 ELSE 1 END, id DESC";
#undef RC_REISSUE_COLUMNS

// A decision is taken once, on a pending application.
inline constexpr std::string_view kDecideReissue =
    "UPDATE reissue_applications SET status = :status, decision_reason = :reason, decided_by = :by,"
    " decided_at = :at, issued_certificate_id = :issued WHERE id = :id AND status = 'pending'";

}  // namespace rc::store::sql
