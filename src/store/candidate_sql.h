#pragma once
// SQL of CandidateRepository (store/candidate_repository.cpp).

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertCandidate =
    "INSERT INTO candidates (name, document_type, id_number_cipher, id_number_key_id, id_number_hmac,"
    " id_number_masked, birth_date, sex, phone, health_declared, created_at)"
    " VALUES (:name, :document_type, :id_number_cipher, :id_number_key_id, :id_number_hmac,"
    " :id_number_masked, :birth_date, :sex, :phone, :health_declared, :created_at) RETURNING id";

#define RC_CANDIDATE_COLUMNS                                                                       \
  "c.id, c.name, c.document_type, c.id_number_cipher, c.id_number_key_id, c.id_number_hmac,"     \
  " c.id_number_masked, c.birth_date, c.sex, c.phone, c.health_declared, c.created_at"
inline constexpr std::string_view kSelectCandidateById =
    "SELECT " RC_CANDIDATE_COLUMNS " FROM candidates c WHERE c.id = :id";
inline constexpr std::string_view kSelectCandidateByHmac =
    "SELECT " RC_CANDIDATE_COLUMNS " FROM candidates c"
    " WHERE c.document_type = :document_type AND c.id_number_hmac = :id_number_hmac";
inline constexpr std::string_view kSelectCandidatesByBatch =
    "SELECT " RC_CANDIDATE_COLUMNS " FROM candidates c JOIN registrations r ON r.candidate_id = c.id"
    " WHERE r.batch_id = :batch_id ORDER BY r.id";
#undef RC_CANDIDATE_COLUMNS

inline constexpr std::string_view kUpdateCandidateContact =
    "UPDATE candidates SET phone = :phone, health_declared = :health_declared WHERE id = :id";

// Key rotation: the same number under a new key; the HMAC and masked form do not change.
inline constexpr std::string_view kUpdateCandidateCipher =
    "UPDATE candidates SET id_number_cipher = :cipher, id_number_key_id = :key_id WHERE id = :id";

}  // namespace rc::store::sql
