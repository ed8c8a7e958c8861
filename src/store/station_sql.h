#pragma once
// SQL of StationRepository (store/station_repository.cpp).

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertStation =
    "INSERT INTO stations (code, name, region_code, address, created_at)"
    " VALUES (:code, :name, :region_code, :address, :created_at) RETURNING id";

#define RC_STATION_COLUMNS "id, code, name, region_code, address, created_at"
inline constexpr std::string_view kSelectStationById = "SELECT " RC_STATION_COLUMNS " FROM stations WHERE id = :id";
inline constexpr std::string_view kSelectStationByCode =
    "SELECT " RC_STATION_COLUMNS " FROM stations WHERE code = :code";
inline constexpr std::string_view kSelectStations = "SELECT " RC_STATION_COLUMNS " FROM stations ORDER BY code";
#undef RC_STATION_COLUMNS

}  // namespace rc::store::sql
