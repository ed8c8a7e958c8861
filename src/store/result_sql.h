#pragma once
// SQL of ResultRepository (store/result_repository.cpp).

#include <string_view>

namespace rc::store::sql {

#define RC_RESULT_COLUMNS                                                                            \
  "a.id, a.registration_id, a.sitting_id, a.subject, a.kind, a.outcome, a.score_milli, a.recorded_at," \
  " a.recorded_by, s.held_on, s.station_id, st.name, c.id, c.name, c.id_number_masked, o.id, o.name, p.publish_on"
#define RC_RESULT_FROM                                                         \
  " FROM attempts a JOIN sittings s ON s.id = a.sitting_id"                    \
  " JOIN stations st ON st.id = s.station_id"                                  \
  " JOIN registrations r ON r.id = a.registration_id"                          \
  " JOIN candidates c ON c.id = r.candidate_id"                                \
  " JOIN batches b ON b.id = r.batch_id JOIN organisations o ON o.id = b.organisation_id" \
  " LEFT JOIN result_publications p ON p.sitting_id = s.id"
#define RC_RESULT_ORDER                                                                           \
  " ORDER BY s.held_on DESC, c.id, CASE a.subject WHEN 'theory' THEN 0 ELSE 1 END,"               \
  " CASE a.kind WHEN 'onsite_retake' THEN 1 ELSE 0 END, a.id"

inline constexpr std::string_view kResultsByCandidate =
    "SELECT " RC_RESULT_COLUMNS RC_RESULT_FROM " WHERE c.id = :candidate_id" RC_RESULT_ORDER;
inline constexpr std::string_view kResultsByOrganisation =
    "SELECT " RC_RESULT_COLUMNS RC_RESULT_FROM " WHERE o.id = :organisation_id" RC_RESULT_ORDER;
inline constexpr std::string_view kResultsBySitting =
    "SELECT " RC_RESULT_COLUMNS RC_RESULT_FROM " WHERE s.id = :sitting_id" RC_RESULT_ORDER;
inline constexpr std::string_view kResultByAttempt =
    "SELECT " RC_RESULT_COLUMNS RC_RESULT_FROM " WHERE a.id = :attempt_id";

#undef RC_RESULT_COLUMNS
#undef RC_RESULT_FROM
#undef RC_RESULT_ORDER

#define RC_SITTING_SUMMARY_COLUMNS                                                                          \
  "s.id, s.station_id, s.level, s.held_on, s.theory_starts_at, s.theory_minutes, s.practical_starts_at,"   \
  " s.capacity, s.status, s.created_at,"                                                                   \
  " (SELECT count(*) FROM attempts a WHERE a.sitting_id = s.id),"                                          \
  " (SELECT count(*) FROM attempts a WHERE a.sitting_id = s.id AND a.outcome = 'pending'), p.publish_on"

// A station's sittings that have any attempt, newest first.
inline constexpr std::string_view kSittingSummariesByStation =
    "SELECT " RC_SITTING_SUMMARY_COLUMNS
    " FROM sittings s LEFT JOIN result_publications p ON p.sitting_id = s.id"
    " WHERE s.station_id = :station_id AND EXISTS (SELECT 1 FROM attempts a WHERE a.sitting_id = s.id)"
    " ORDER BY s.held_on DESC, s.id DESC";

// R8: sittings held before :before, not cancelled, with attempts, none of them pending, and no
// publication recorded yet: their results are complete and the publication is due to be recorded.
inline constexpr std::string_view kSittingsCompleteUnpublished =
    "SELECT " RC_SITTING_SUMMARY_COLUMNS
    " FROM sittings s LEFT JOIN result_publications p ON p.sitting_id = s.id"
    " WHERE s.held_on < :before AND s.status <> 'cancelled' AND p.sitting_id IS NULL"
    " AND EXISTS (SELECT 1 FROM attempts a WHERE a.sitting_id = s.id)"
    " AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.sitting_id = s.id AND a.outcome = 'pending')"
    " ORDER BY s.held_on, s.id";
#undef RC_SITTING_SUMMARY_COLUMNS

}  // namespace rc::store::sql
