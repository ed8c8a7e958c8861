#pragma once
// SQL of AttemptRepository (store/attempt_repository.cpp).

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertAttempt =
    "INSERT INTO attempts (registration_id, sitting_id, subject, kind, outcome, score_milli, recorded_at,"
    " recorded_by)"
    " VALUES (:registration_id, :sitting_id, :subject, :kind, :outcome, :score_milli, :recorded_at,"
    " :recorded_by) RETURNING id";

#define RC_ATTEMPT_COLUMNS                                                                           \
  "a.id, a.registration_id, a.sitting_id, a.subject, a.kind, a.outcome, a.score_milli, a.recorded_at," \
  " a.recorded_by, s.held_on"
inline constexpr std::string_view kSelectAttemptById =
    "SELECT " RC_ATTEMPT_COLUMNS " FROM attempts a JOIN sittings s ON s.id = a.sitting_id WHERE a.id = :id";
// The order the rules engine replays history in: by date; on one day theory (morning) before
// practical (afternoon), and the on-site retake after the practical it retakes.
inline constexpr std::string_view kSelectAttemptsByRegistration =
    "SELECT " RC_ATTEMPT_COLUMNS " FROM attempts a JOIN sittings s ON s.id = a.sitting_id"
    " WHERE a.registration_id = :registration_id"
    " ORDER BY s.held_on, CASE a.kind WHEN 'onsite_retake' THEN 1 ELSE 0 END,"
    " CASE a.subject WHEN 'theory' THEN 0 ELSE 1 END, a.id";
inline constexpr std::string_view kSelectAttemptsBySitting =
    "SELECT " RC_ATTEMPT_COLUMNS " FROM attempts a JOIN sittings s ON s.id = a.sitting_id"
    " WHERE a.sitting_id = :sitting_id ORDER BY a.registration_id, a.subject, a.id";
#undef RC_ATTEMPT_COLUMNS

inline constexpr std::string_view kUpdateAttemptOutcome =
    "UPDATE attempts SET outcome = :outcome, score_milli = :score_milli, recorded_at = :recorded_at,"
    " recorded_by = :recorded_by WHERE id = :id";

}  // namespace rc::store::sql
