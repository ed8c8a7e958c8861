#pragma once
// SQL of BiometricRepository (store/biometric_repository.cpp).

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertPhoto =
    "INSERT INTO candidate_photos (candidate_id, media_type, image, key_id, digest, created_at, delete_after)"
    " VALUES (:candidate_id, :media_type, :image, :key_id, :digest, :created_at, :delete_after) RETURNING id";

inline constexpr std::string_view kSelectLatestPhoto =
    "SELECT id, candidate_id, media_type, image, key_id, digest, created_at, delete_after"
    " FROM candidate_photos WHERE candidate_id = :candidate_id ORDER BY created_at DESC, id DESC LIMIT 1";

inline constexpr std::string_view kDeleteExpiredPhotos = "DELETE FROM candidate_photos WHERE delete_after <= :now";

inline constexpr std::string_view kInsertFaceTemplate =
    "INSERT INTO face_templates (candidate_id, model, template, key_id, created_at, delete_after)"
    " VALUES (:candidate_id, :model, :template, :key_id, :created_at, :delete_after) RETURNING id";

inline constexpr std::string_view kSelectLatestFaceTemplate =
    "SELECT id, candidate_id, model, template, key_id, created_at, delete_after"
    " FROM face_templates WHERE candidate_id = :candidate_id ORDER BY created_at DESC, id DESC LIMIT 1";

inline constexpr std::string_view kDeleteExpiredFaceTemplates = "DELETE FROM face_templates WHERE delete_after <= :now";

}  // namespace rc::store::sql
