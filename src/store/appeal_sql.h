#pragma once
// SQL of AppealRepository (store/appeal_repository.cpp).

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertAppeal =
    "INSERT INTO result_appeals (attempt_id, registration_id, reason, status, requested_at, requested_by)"
    " VALUES (:attempt_id, :registration_id, :reason, 'pending', :requested_at, :requested_by) RETURNING id";
#define RC_APPEAL_COLUMNS                                                                                  \
  "ap.id, ap.attempt_id, ap.registration_id, ap.reason, ap.status, ap.requested_at, ap.requested_by," \
  " ap.decision_reason, ap.decided_at, ap.decided_by"
inline constexpr std::string_view kSelectAppealById =
    "SELECT " RC_APPEAL_COLUMNS " FROM result_appeals ap WHERE ap.id = :id";
inline constexpr std::string_view kSelectAppealByAttempt =
    "SELECT " RC_APPEAL_COLUMNS " FROM result_appeals ap WHERE ap.attempt_id = :attempt_id";
inline constexpr std::string_view kSelectAppealsByCandidate =
    "SELECT " RC_APPEAL_COLUMNS " FROM result_appeals ap JOIN registrations r ON r.id = ap.registration_id"
    " WHERE r.candidate_id = :candidate_id ORDER BY ap.id DESC";
inline constexpr std::string_view kSelectAppealsByStation =
    "SELECT " RC_APPEAL_COLUMNS " FROM result_appeals ap JOIN attempts a ON a.id = ap.attempt_id"
    " JOIN sittings s ON s.id = a.sitting_id WHERE s.station_id = :station_id"
    " ORDER BY CASE ap.status WHEN 'pending' THEN 0 ELSE 1 END, ap.id DESC";
#undef RC_APPEAL_COLUMNS
// Guarded by the current status: a decision is recorded once.
inline constexpr std::string_view kDecideAppeal =
    "UPDATE result_appeals SET status = :status, decision_reason = :reason, decided_at = :at, decided_by = :by"
    " WHERE id = :id AND status = 'pending'";

inline constexpr std::string_view kInsertCorrection =
    "INSERT INTO score_corrections (attempt_id, appeal_id, old_outcome, old_score_milli, new_outcome,"
    " new_score_milli, reason, recorded_at, recorded_by)"
    " VALUES (:attempt_id, :appeal_id, :old_outcome, :old_score, :new_outcome, :new_score, :reason, :at, :by)"
    " RETURNING id";
inline constexpr std::string_view kSelectCorrectionsByAttempt =
    "SELECT id, attempt_id, appeal_id, old_outcome, old_score_milli, new_outcome, new_score_milli, reason,"
    " recorded_at, recorded_by FROM score_corrections WHERE attempt_id = :attempt_id ORDER BY id";

inline constexpr std::string_view kInsertPlacement =
    "INSERT INTO retake_placements (registration_id, sitting_id, subject, kind, rule, deadline, fee_fen, placed_at,"
    " placed_by) VALUES (:registration_id, :sitting_id, :subject, :kind, :rule, :deadline, :fee, :at, :by)"
    " RETURNING id";
#define RC_PLACEMENT_COLUMNS \
  "p.id, p.registration_id, p.sitting_id, p.subject, p.kind, p.rule, p.deadline, p.fee_fen, p.placed_at, p.placed_by"
inline constexpr std::string_view kSelectPlacementsByRegistration =
    "SELECT " RC_PLACEMENT_COLUMNS " FROM retake_placements p WHERE p.registration_id = :registration_id"
    " ORDER BY p.id";
inline constexpr std::string_view kSelectPlacementsBySitting =
    "SELECT " RC_PLACEMENT_COLUMNS " FROM retake_placements p WHERE p.sitting_id = :sitting_id ORDER BY p.id";
#undef RC_PLACEMENT_COLUMNS

}  // namespace rc::store::sql
