#include "domain/identity/id_number.h"

#include <algorithm>
#include <array>

#include "domain/identity/document_parsers.h"

namespace rc::identity {
namespace {

using detail::id_fail;

struct TypeNames {
  DocumentType type;
  std::string_view name;
  std::string_view name_zh;
};

constexpr std::array kTypeNames{
    TypeNames{DocumentType::kResidentId, "resident_id", "居民身份证"},
    TypeNames{DocumentType::kHmtResidencePermit, "hmt_residence_permit", "港澳台居民居住证"},
    TypeNames{DocumentType::kForeignPermanentResident, "foreign_permanent_resident", "外国人永久居留身份证"},
    TypeNames{DocumentType::kHkMacaoPermit, "hk_macao_permit", "港澳居民来往内地通行证"},
    TypeNames{DocumentType::kTaiwanPermit, "taiwan_permit", "台湾居民来往大陆通行证"},
    TypeNames{DocumentType::kPassport, "passport", "护照"},
};

const TypeNames& names_of(DocumentType type) {
  for (const auto& t : kTypeNames)
    if (t.type == type) return t;
  return kTypeNames[0];  // unreachable for a valid enum value; keeps a cast-in garbage value safe
}

// Whitespace people paste around numbers: ASCII, no-break space (U+00A0), ideographic space (U+3000).
std::size_t leading_space(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r')) return 1;
  if (s.starts_with("\xC2\xA0")) return 2;
  if (s.starts_with("\xE3\x80\x80")) return 3;
  return 0;
}

std::size_t trailing_space(std::string_view s) {
  if (s.empty()) return 0;
  if (s.back() == ' ' || (s.back() >= '\t' && s.back() <= '\r')) return 1;
  if (s.ends_with("\xC2\xA0")) return 2;
  if (s.ends_with("\xE3\x80\x80")) return 3;
  return 0;
}

std::string_view trim(std::string_view s) {
  while (std::size_t n = leading_space(s)) s.remove_prefix(n);
  while (std::size_t n = trailing_space(s)) s.remove_suffix(n);
  return s;
}

// Full-width digits and letters (U+FF10-FF19, FF21-FF3A, FF41-FF5A), as typed with a Chinese input
// method, as ASCII; 0 for any other multi-byte sequence.
char fold_full_width(std::string_view s, std::size_t i) {
  if (i + 2 >= s.size() || s[i] != '\xEF') return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
  if (b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99) return static_cast<char>('0' + (b2 - 0x90));
  if (b1 == 0xBC && b2 >= 0xA1 && b2 <= 0xBA) return static_cast<char>('A' + (b2 - 0xA1));
  if (b1 == 0xBD && b2 >= 0x81 && b2 <= 0x9A) return static_cast<char>('A' + (b2 - 0x81));
  return 0;
}

// The type of an undeclared number, from its length and first characters (D16).
Result<DocumentType> detect(std::string_view n) {
  if (n.size() == 18) {
    if (n.starts_with("81") || n.starts_with("82") || n.starts_with("83")) return DocumentType::kHmtResidencePermit;
    if (n[0] == '9') return DocumentType::kForeignPermanentResident;
    return DocumentType::kResidentId;
  }
  if (n.size() == 15 && std::ranges::all_of(n, [](char c) { return c >= '0' && c <= '9'; })) {
    return DocumentType::kResidentId;  // a legacy number: the resident-ID parser explains
  }
  return id_fail(ErrorCode::kIdBadLength, "证件号码应为 18 位，实际为 " + std::to_string(n.size()) +
                                              " 位；护照或通行证号码请同时选择证件类型");
}

Result<IdInfo> parse_as(DocumentType type, std::string_view n, CivilDate today) {
  switch (type) {
    case DocumentType::kResidentId: return detail::parse_resident_id(n, today);
    case DocumentType::kHmtResidencePermit: return detail::parse_hmt_residence_permit(n, today);
    case DocumentType::kForeignPermanentResident: return detail::parse_foreign_permanent_resident(n, today);
    case DocumentType::kHkMacaoPermit: return detail::parse_hk_macao_permit(n);
    case DocumentType::kTaiwanPermit: return detail::parse_taiwan_permit(n);
    case DocumentType::kPassport: return detail::parse_passport(n);
  }
  return id_fail(ErrorCode::kIdBadFormat, "不支持的证件类型");
}

}  // namespace

Result<std::string> normalize_id_text(std::string_view text) {
  const std::string_view s = trim(text);
  if (s.empty()) return id_fail(ErrorCode::kIdEmpty, "证件号码为空");
  if (s.size() > detail::kMaxIdLength) {
    return id_fail(ErrorCode::kIdBadLength, "证件号码过长（超过 " + std::to_string(detail::kMaxIdLength) + " 个字符）");
  }
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= 0x20 && c < 0x7F) {
      out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    } else if (char folded = fold_full_width(s, i)) {
      out.push_back(folded);
      i += 2;
    } else {
      return id_fail(ErrorCode::kIdBadFormat, "证件号码含有不允许的字符（只能是数字和字母）");
    }
  }
  return out;
}

std::string_view document_type_name(DocumentType type) { return names_of(type).name; }
std::string_view document_type_name_zh(DocumentType type) { return names_of(type).name_zh; }

std::optional<DocumentType> document_type_from_name(std::string_view name) {
  for (const auto& t : kTypeNames)
    if (t.name == name) return t.type;
  return std::nullopt;
}

Result<IdInfo> parse_id_number(std::string_view text, CivilDate today, std::optional<DocumentType> declared) {
  auto normalized = normalize_id_text(text);
  if (!normalized) return tl::unexpected(normalized.error());
  if (declared) return parse_as(*declared, *normalized, today);
  auto type = detect(*normalized);
  if (!type) return tl::unexpected(type.error());
  return parse_as(*type, *normalized, today);
}

char mod11_2_check_character(std::string_view body) {
  // Weight of position i (1-based) is 2^(18-i) mod 11.
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 17 && i < body.size(); ++i) sum += (body[i] - '0') * kWeights[i];
  return "10X98765432"[((sum % 11) + 11) % 11];
}

std::optional<std::string> upgrade_legacy_15(std::string_view legacy) {
  if (legacy.size() != 15 || !std::ranges::all_of(legacy, [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  auto two = [&](std::size_t at) { return static_cast<unsigned>((legacy[at] - '0') * 10 + (legacy[at + 1] - '0')); };
  if (!CivilDate::from_ymd(1900 + static_cast<int>(two(6)), two(8), two(10))) return std::nullopt;
  std::string body = std::string(legacy.substr(0, 6)) + "19" + std::string(legacy.substr(6));
  body.push_back(mod11_2_check_character(body));
  return body;
}

std::string mask_id_number(std::string_view normalized) {
  // Cut into UTF-8 characters (a lead byte and its continuation bytes) so a mask never splits one.
  std::vector<std::string_view> chars;
  for (std::size_t i = 0; i < normalized.size();) {
    std::size_t j = i + 1;
    while (j < normalized.size() && (static_cast<unsigned char>(normalized[j]) & 0xC0) == 0x80) ++j;
    chars.push_back(normalized.substr(i, j - i));
    i = j;
  }
  const std::size_t n = chars.size();
  const std::size_t shown = n >= 12 ? 4 : n / 4;
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (i < shown || i >= n - shown) {
      out += chars[i];
    } else {
      out.push_back('*');
    }
  }
  return out;
}

}  // namespace rc::identity
