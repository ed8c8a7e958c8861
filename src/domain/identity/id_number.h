#pragma once
// Identity-document numbers (RULES.md D16, DOMAIN.md section 2): parsed once at the edge into an
// IdInfo, so that the rest of the platform never sees a raw number.
//
// Strictly validated: 居民身份证 (GB 11643 MOD 11-2 check, real birth date not in the future and not
// before 1900, sequence not 000, known province; an unknown county is a warning because people keep
// abolished birth-registration codes for life), 港澳台居民居住证 (address 810000/820000/830000) and the
// 2023 外国人永久居留身份证 (18 characters starting with 9). Passports and travel permits are checked by
// pattern only. Every type but the mainland card goes to manual review: the face check supports
// only the mainland card (DOMAIN.md 2.2).
//
// Pure functions: no I/O, no clock (the caller passes today's date in Asia/Shanghai), no throws on
// any input. Safe to call from any thread.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/civil_date.h"
#include "domain/common/result.h"

namespace rc::identity {

enum class DocumentType {
  kResidentId,                // 居民身份证
  kHmtResidencePermit,        // 港澳台居民居住证
  kForeignPermanentResident,  // 外国人永久居留身份证 (2023 edition)
  kHkMacaoPermit,             // 港澳居民来往内地通行证
  kTaiwanPermit,              // 台湾居民来往大陆通行证
  kPassport,                  // 护照
};

// Stable ASCII name ("resident_id", "hmt_residence_permit", ...), for programs and storage.
std::string_view document_type_name(DocumentType type);
// Chinese name for people ("居民身份证", ...).
std::string_view document_type_name_zh(DocumentType type);
// The inverse of document_type_name(); nullopt for an unknown name.
std::optional<DocumentType> document_type_from_name(std::string_view name);

enum class Sex { kMale, kFemale };

// An address code and its GB/T 2260 names; a name is empty where unknown or not applicable
// (no city for the districts of a municipality, no county for a residence permit).
struct Region {
  std::string code;  // 6 digits, e.g. "511302"
  std::string province;
  std::string city;
  std::string county;
  friend bool operator==(const Region&, const Region&) = default;
};

struct IdInfo {
  DocumentType type = DocumentType::kResidentId;
  std::string normalized;  // trimmed, upper-case ASCII: the form to store and compare
  std::optional<CivilDate> birth_date;
  std::optional<Sex> sex;
  std::optional<Region> region;
  std::vector<std::string> warnings;       // Chinese, for people; parallel to warning_codes
  std::vector<std::string> warning_codes;  // stable, e.g. "id.unknown_county"
  bool manual_review = false;
};

// Reads an identity number. With no declared type the type is detected: 18 characters starting
// with 81/82/83 is a residence permit, starting with 9 a 2023 permanent-resident card, otherwise a
// resident ID; a 15-digit number is a legacy resident ID, refused with kIdLegacy15 and a message
// giving its 18-digit form. Passports and travel permits are recognised only when declared.
// Surrounding whitespace is trimmed, full-width digits and letters are folded to ASCII, and letters
// are upper-cased (a lowercase check character x becomes X).
// Errors carry field "id_number", rule "D16" and a Chinese message naming the precise reason.
[[nodiscard]] Result<IdInfo> parse_id_number(std::string_view text, CivilDate today,
                                             std::optional<DocumentType> declared = std::nullopt);

// The parser's first step, exposed so that callers see the number exactly as it did (e.g. to
// offer the 18-digit form of a legacy number): surrounding whitespace trimmed, full-width digits
// and letters folded to ASCII, letters upper-cased. Refuses empty input (kIdEmpty), more than 64
// bytes (kIdBadLength) and anything but printable ASCII after folding (kIdBadFormat).
[[nodiscard]] Result<std::string> normalize_id_text(std::string_view text);

// The 18-digit form of a 15-digit legacy number (insert "19" before the year, add the check
// character): "511302900307123" -> "511302199003071236". nullopt unless the input is exactly 15
// ASCII digits whose 19YYMMDD is a real date. The result is not otherwise validated.
std::optional<std::string> upgrade_legacy_15(std::string_view legacy);

// A number for display and logs: the first 4 and last 4 characters, one '*' per hidden character
// ("5113**********1236"). Shorter numbers show less, so that at least half is always hidden:
// 4 per side from 12 characters up, else a quarter per side (nothing under 4 characters).
// Counts UTF-8 code points, so it never splits a character.
std::string mask_id_number(std::string_view normalized);

// The GB 11643 / ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') of 17 ASCII digits.
// REQUIRES: body is 17 ASCII digits.
char mod11_2_check_character(std::string_view body);

}  // namespace rc::identity
