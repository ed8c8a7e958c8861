#pragma once
// SQL of CertificateRepository (store/certificate_repository.cpp).

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertCertificate =
    "INSERT INTO certificates (number, scheme, registration_id, reissue_of, issued_on, valid_until, filed_on,"
    " status, revoked_reason, revoked_at, revoked_by, file_digest, snapshot_json, created_at)"
    " VALUES (:number, :scheme, :registration_id, :reissue_of, :issued_on, :valid_until, :filed_on,"
    " :status, :revoked_reason, :revoked_at, :revoked_by, :file_digest, :snapshot_json, :created_at)"
    " RETURNING id";

#define RC_CERTIFICATE_COLUMNS                                                                           \
  "id, number, scheme, registration_id, reissue_of, issued_on, valid_until, filed_on, status,"           \
  " revoked_reason, revoked_at, revoked_by, file_digest, snapshot_json, created_at"
inline constexpr std::string_view kSelectCertificateById =
    "SELECT " RC_CERTIFICATE_COLUMNS " FROM certificates WHERE id = :id";
inline constexpr std::string_view kSelectCertificateByNumber =
    "SELECT " RC_CERTIFICATE_COLUMNS " FROM certificates WHERE number = :number";
inline constexpr std::string_view kSelectCertificatesByRegistration =
    "SELECT " RC_CERTIFICATE_COLUMNS " FROM certificates WHERE registration_id = :registration_id"
    " ORDER BY issued_on, id";
#undef RC_CERTIFICATE_COLUMNS

// Only a valid certificate can be revoked; a revocation is never undone or deleted (F21).
inline constexpr std::string_view kRevokeCertificate =
    "UPDATE certificates SET status = 'revoked', revoked_reason = :reason, revoked_at = :at, revoked_by = :by"
    " WHERE id = :id AND status = 'valid'";

inline constexpr std::string_view kUpdateCertificateFile =
    "UPDATE certificates SET file_digest = :file_digest WHERE id = :id";

inline constexpr std::string_view kCertificateExists = "SELECT count(*) FROM certificates WHERE id = :id";

}  // namespace rc::store::sql
