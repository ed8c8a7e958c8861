#pragma once
// SQL of BatchRepository (store/batch_repository.cpp).

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertBatch =
    "INSERT INTO batches (organisation_id, station_id, level, title, status, created_at, submitted_at)"
    " VALUES (:organisation_id, :station_id, :level, :title, :status, :created_at, :submitted_at) RETURNING id";

#define RC_BATCH_COLUMNS "id, organisation_id, station_id, level, title, status, created_at, submitted_at"
inline constexpr std::string_view kSelectBatchById = "SELECT " RC_BATCH_COLUMNS " FROM batches WHERE id = :id";
inline constexpr std::string_view kSelectBatchesByOrganisation =
    "SELECT " RC_BATCH_COLUMNS " FROM batches WHERE organisation_id = :organisation_id ORDER BY created_at, id";
inline constexpr std::string_view kSelectBatchesByStationStatus =
    "SELECT " RC_BATCH_COLUMNS " FROM batches WHERE station_id = :station_id AND status = :status"
    " ORDER BY submitted_at, id";
#undef RC_BATCH_COLUMNS

// Guarded by the expected status, so two operators cannot both move the same batch.
inline constexpr std::string_view kUpdateBatchStatus =
    "UPDATE batches SET status = :to, submitted_at = COALESCE(:submitted_at, submitted_at)"
    " WHERE id = :id AND status = :from";

inline constexpr std::string_view kBatchExists = "SELECT count(*) FROM batches WHERE id = :id";

}  // namespace rc::store::sql
