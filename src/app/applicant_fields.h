#pragma once
// Parsers for the cells of one applicant row (F2): each takes the cell text as written and
// returns the typed value or an Error whose message is the reason alone (the caller adds the row
// and column). Text fields are kept verbatim apart from trimming: markup and SQL metacharacters
// in free text are data, stored and shown as plain text, never interpreted. Pure; thread-safe.

#include <optional>
#include <string>
#include <string_view>

#include "domain/common/civil_date.h"
#include "domain/common/result.h"
#include "domain/identity/id_number.h"

namespace rc::app {

// Surrounding ASCII whitespace, U+3000 and U+00A0 removed.
std::string_view trim_cell(std::string_view text);
// At most max_chars code points of valid UTF-8 text, "…" appended when cut (for echoing input).
std::string excerpt(std::string_view text, std::size_t max_chars);

// 2-30 characters: CJK ideographs, Latin letters (with accents), inner spaces, the middle dot
// (variants ・•‧ folded to ·), and - ' . between letters. kApplicantBadName.
[[nodiscard]] Result<std::string> parse_person_name(std::string_view text);
// 11 digits starting 1[3-9]; full-width digits folded, spaces and hyphens and a +86 prefix
// dropped. kApplicantBadPhone.
[[nodiscard]] Result<std::string> parse_mobile(std::string_view text);
// 男/女 (also 男性/女性). kInvalidValue.
[[nodiscard]] Result<identity::Sex> parse_sex(std::string_view text);
// 是 -> true, 否 -> false. kInvalidValue otherwise.
[[nodiscard]] Result<bool> parse_yes_no(std::string_view text);
// 1990-03-07, 1990/3/7, 1990.3.7, 19900307, 1990年3月7日. kInvalidDate.
[[nodiscard]] Result<CivilDate> parse_cell_date(std::string_view text);
// Chinese or stable names of a document type (居民身份证, 身份证, 护照, passport...); nullopt for an
// empty cell (detect from the number). kUnknownEnumValue.
[[nodiscard]] Result<std::optional<identity::DocumentType>> parse_document_type(std::string_view text);
// 五级, 初级工, 五级/初级工 or 5. kUnknownLevel.
[[nodiscard]] Result<int> parse_level_cell(std::string_view text);
// Trimmed free text of at most max_chars characters; line breaks become spaces; other control
// characters refused. kInvalidValue / kTooLarge.
[[nodiscard]] Result<std::string> parse_free_text(std::string_view text, std::size_t max_chars);

}  // namespace rc::app
