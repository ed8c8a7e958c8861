#pragma once
// SQL of OrganisationRepository (store/organisation_repository.cpp).

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertOrganisation =
    "INSERT INTO organisations (name, credit_code, contact_name, contact_phone, created_at)"
    " VALUES (:name, :credit_code, :contact_name, :contact_phone, :created_at) RETURNING id";

#define RC_ORGANISATION_COLUMNS "id, name, credit_code, contact_name, contact_phone, created_at"
inline constexpr std::string_view kSelectOrganisationById =
    "SELECT " RC_ORGANISATION_COLUMNS " FROM organisations WHERE id = :id";
inline constexpr std::string_view kSelectOrganisationByCreditCode =
    "SELECT " RC_ORGANISATION_COLUMNS " FROM organisations WHERE credit_code = :credit_code";
#undef RC_ORGANISATION_COLUMNS

inline constexpr std::string_view kUpdateOrganisationContact =
    "UPDATE organisations SET contact_name = :contact_name, contact_phone = :contact_phone WHERE id = :id";

}  // namespace rc::store::sql
