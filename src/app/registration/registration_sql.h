#pragma once
// SQL of the registration use cases beyond the store's repositories: the V004 tables
// (candidate_details, registration_confirmations, face_verifications) and the read models'
// joins. Values are always bound; nothing is pasted into the SQL text.

#include <string_view>

namespace rc::app::sql {

// --- candidate_details ---------------------------------------------------------------------------
inline constexpr std::string_view kSelectDetails =
    "SELECT employer, address, emergency_contact_name, emergency_contact_phone FROM candidate_details"
    " WHERE candidate_id = :candidate_id";
inline constexpr std::string_view kInsertDetailsIfMissing =
    "INSERT INTO candidate_details (candidate_id, updated_at) VALUES (:candidate_id, :updated_at)"
    " ON CONFLICT (candidate_id) DO NOTHING";
inline constexpr std::string_view kUpdateDetails =
    "UPDATE candidate_details SET employer = :employer, address = :address,"
    " emergency_contact_name = :ec_name, emergency_contact_phone = :ec_phone, updated_at = :updated_at"
    " WHERE candidate_id = :candidate_id";

// --- registration_confirmations -----------------------------------------------------------------
inline constexpr std::string_view kSelectProgress =
    "SELECT photo_accepted_at, id_confirmed_at, face_verified_at, face_failures, manual_review_requested_at,"
    " agreed_at FROM registration_confirmations WHERE registration_id = :registration_id";
inline constexpr std::string_view kInsertProgressIfMissing =
    "INSERT INTO registration_confirmations (registration_id, updated_at) VALUES (:registration_id, :updated_at)"
    " ON CONFLICT (registration_id) DO NOTHING";
inline constexpr std::string_view kMarkPhoto =
    "UPDATE registration_confirmations SET photo_accepted_at = :at, updated_at = :at2"
    " WHERE registration_id = :registration_id";
inline constexpr std::string_view kMarkIdConfirmed =
    "UPDATE registration_confirmations SET id_confirmed_at = :at, updated_at = :at2"
    " WHERE registration_id = :registration_id";
inline constexpr std::string_view kMarkFaceVerified =
    "UPDATE registration_confirmations SET face_verified_at = :at, updated_at = :at2"
    " WHERE registration_id = :registration_id";
inline constexpr std::string_view kMarkManualReview =
    "UPDATE registration_confirmations SET manual_review_requested_at = :at, updated_at = :at2"
    " WHERE registration_id = :registration_id";
inline constexpr std::string_view kMarkAgreed =
    "UPDATE registration_confirmations SET agreed_at = :at, updated_at = :at2"
    " WHERE registration_id = :registration_id";
inline constexpr std::string_view kAddFaceFailure =
    "UPDATE registration_confirmations SET face_failures = face_failures + 1, updated_at = :at"
    " WHERE registration_id = :registration_id";
// A returned application must be agreed to again after correction (F5).
inline constexpr std::string_view kClearAgreement =
    "UPDATE registration_confirmations SET agreed_at = NULL, updated_at = :at WHERE registration_id = :registration_id";

// A new photo needs a new face check against it.
inline constexpr std::string_view kClearFaceVerified =
    "UPDATE registration_confirmations SET face_verified_at = NULL, updated_at = :at WHERE registration_id = :registration_id";

inline constexpr std::string_view kInsertFaceVerification =
    "INSERT INTO face_verifications (registration_id, at, method, distance_milli, same_person)"
    " VALUES (:registration_id, :at, :method, :distance_milli, :same_person)";

// --- registrations ----------------------------------------------------------------------------------
// D18 at submission: the registration date becomes the submission date, with the policy in force then.
inline constexpr std::string_view kSubmitRegistration =
    "UPDATE registrations SET registered_on = :registered_on, policy_id = :policy_id, status = 'submitted'"
    " WHERE id = :id AND status = 'draft'";

// An application still in progress for this candidate and level blocks a new one (duplicates
// across batches): anything but a withdrawn batch, or an approved registration of a closed batch.
inline constexpr std::string_view kCountOpenRegistrations =
    "SELECT count(*) FROM registrations r JOIN batches b ON b.id = r.batch_id"
    " WHERE r.candidate_id = :candidate_id AND r.level = :level AND b.status <> 'withdrawn'"
    " AND NOT (r.status = 'approved' AND b.status = 'closed')";

// --- read models ---------------------------------------------------------------------------------------
inline constexpr std::string_view kReviewQueue =
    "SELECT r.id, c.name, c.id_number_masked, r.level, b.id, b.title, o.name,"
    " CASE WHEN rc.face_verified_at IS NULL THEN 0 ELSE 1 END,"
    " CASE WHEN rc.manual_review_requested_at IS NULL THEN 0 ELSE 1 END,"
    " COALESCE(rc.agreed_at, r.created_at)"
    " FROM registrations r JOIN batches b ON b.id = r.batch_id JOIN candidates c ON c.id = r.candidate_id"
    " JOIN organisations o ON o.id = b.organisation_id"
    " LEFT JOIN registration_confirmations rc ON rc.registration_id = r.id"
    " WHERE b.station_id = :station_id AND r.status = 'confirmed' ORDER BY COALESCE(rc.agreed_at, r.created_at), r.id";

inline constexpr std::string_view kBatchStatusCounts =
    "SELECT r.batch_id, r.status, count(*) FROM registrations r JOIN batches b ON b.id = r.batch_id"
    " WHERE b.organisation_id = :organisation_id GROUP BY r.batch_id, r.status";

inline constexpr std::string_view kBatchApplicants =
    "SELECT r.id, c.name, c.id_number_masked, r.status, r.review_reason FROM registrations r"
    " JOIN candidates c ON c.id = r.candidate_id WHERE r.batch_id = :batch_id ORDER BY r.id";

}  // namespace rc::app::sql
