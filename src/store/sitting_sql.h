#pragma once
// SQL of SittingRepository (store/sitting_repository.cpp).

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertSitting =
    "INSERT INTO sittings (station_id, level, held_on, theory_starts_at, theory_minutes, practical_starts_at,"
    " capacity, status, created_at)"
    " VALUES (:station_id, :level, :held_on, :theory_starts_at, :theory_minutes, :practical_starts_at,"
    " :capacity, :status, :created_at) RETURNING id";

#define RC_SITTING_COLUMNS                                                                                 \
  "id, station_id, level, held_on, theory_starts_at, theory_minutes, practical_starts_at, capacity, status," \
  " created_at"
inline constexpr std::string_view kSelectSittingById = "SELECT " RC_SITTING_COLUMNS " FROM sittings WHERE id = :id";
// Dates are 'YYYY-MM-DD' text, so comparing them as text orders them as dates.
inline constexpr std::string_view kSelectSittingsByStation =
    "SELECT " RC_SITTING_COLUMNS " FROM sittings WHERE station_id = :station_id"
    " AND held_on >= :from AND held_on <= :to ORDER BY held_on, id";
#undef RC_SITTING_COLUMNS

inline constexpr std::string_view kUpdateSittingStatus =
    "UPDATE sittings SET status = :to WHERE id = :id AND status = :from";
inline constexpr std::string_view kSittingExists = "SELECT count(*) FROM sittings WHERE id = :id";

inline constexpr std::string_view kInsertPublication =
    "INSERT INTO result_publications (sitting_id, publish_on, decided_by, decided_at)"
    " VALUES (:sitting_id, :publish_on, :decided_by, :decided_at)";
inline constexpr std::string_view kUpdatePublication =
    "UPDATE result_publications SET publish_on = :publish_on, decided_by = :decided_by, decided_at = :decided_at"
    " WHERE sitting_id = :sitting_id";
inline constexpr std::string_view kSelectPublication =
    "SELECT sitting_id, publish_on, decided_by, decided_at FROM result_publications WHERE sitting_id = :sitting_id";
inline constexpr std::string_view kSelectPublicationsDue =
    "SELECT sitting_id, publish_on, decided_by, decided_at FROM result_publications"
    " WHERE publish_on <= :on ORDER BY publish_on, sitting_id";

}  // namespace rc::store::sql
