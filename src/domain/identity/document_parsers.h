#pragma once
// Internal to domain/identity: one parser per document type, called by parse_id_number() with
// the normalized text (trimmed, printable upper-case ASCII, at most kMaxIdLength characters).

#include <string>
#include <string_view>

#include "domain/common/civil_date.h"
#include "domain/common/result.h"
#include "domain/identity/id_number.h"

namespace rc::identity::detail {

// Longer input is refused before any other work; the longest real number is a passport's ~20.
inline constexpr std::size_t kMaxIdLength = 64;

// An identity error: field "id_number", rule D16.
inline tl::unexpected<Error> id_fail(ErrorCode code, std::string message) {
  return fail(code, "id_number", std::move(message), "D16");
}

// GB 11643 numbers (18 characters, MOD 11-2): citizen_number.cpp.
[[nodiscard]] Result<IdInfo> parse_resident_id(std::string_view normalized, CivilDate today);
[[nodiscard]] Result<IdInfo> parse_hmt_residence_permit(std::string_view normalized, CivilDate today);
[[nodiscard]] Result<IdInfo> parse_foreign_permanent_resident(std::string_view normalized, CivilDate today);

// Pattern-only documents, always routed to manual review: travel_document.cpp.
[[nodiscard]] Result<IdInfo> parse_hk_macao_permit(std::string_view normalized);
[[nodiscard]] Result<IdInfo> parse_taiwan_permit(std::string_view normalized);
[[nodiscard]] Result<IdInfo> parse_passport(std::string_view normalized);

}  // namespace rc::identity::detail
