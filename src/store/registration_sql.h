#pragma once
// SQL of RegistrationRepository (store/registration_repository.cpp).

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertRegistration =
    "INSERT INTO registrations (candidate_id, batch_id, level, policy_id, registered_on, fee_due_fen,"
    " fee_paid_fen, status, review_reason, reviewed_by, reviewed_at, created_at)"
    " VALUES (:candidate_id, :batch_id, :level, :policy_id, :registered_on, :fee_due_fen,"
    " :fee_paid_fen, :status, :review_reason, :reviewed_by, :reviewed_at, :created_at) RETURNING id";

#define RC_REGISTRATION_COLUMNS                                                                   \
  "id, candidate_id, batch_id, level, policy_id, registered_on, fee_due_fen, fee_paid_fen, status," \
  " review_reason, reviewed_by, reviewed_at, created_at"
inline constexpr std::string_view kSelectRegistrationById =
    "SELECT " RC_REGISTRATION_COLUMNS " FROM registrations WHERE id = :id";
inline constexpr std::string_view kSelectRegistrationsByBatch =
    "SELECT " RC_REGISTRATION_COLUMNS " FROM registrations WHERE batch_id = :batch_id ORDER BY id";
// Oldest first: the rules engine evaluates the latest, earlier ones are history (RULES.md).
inline constexpr std::string_view kSelectRegistrationsByCandidate =
    "SELECT " RC_REGISTRATION_COLUMNS " FROM registrations WHERE candidate_id = :candidate_id"
    " ORDER BY registered_on, id";
#undef RC_REGISTRATION_COLUMNS

inline constexpr std::string_view kUpdateRegistrationStatus =
    "UPDATE registrations SET status = :to WHERE id = :id AND status = :from";

inline constexpr std::string_view kReviewRegistration =
    "UPDATE registrations SET status = :to, review_reason = :reason, reviewed_by = :by, reviewed_at = :at"
    " WHERE id = :id AND status = :from";

inline constexpr std::string_view kUpdateRegistrationFeePaid =
    "UPDATE registrations SET fee_paid_fen = :fee_paid_fen WHERE id = :id";

inline constexpr std::string_view kRegistrationExists = "SELECT count(*) FROM registrations WHERE id = :id";

}  // namespace rc::store::sql
