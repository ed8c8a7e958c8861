// Passports and travel permits: their number formats are not verified (DOMAIN.md 2.2), so they
// are checked by pattern only, carry no birth date, sex or region, and always go to manual review.

#include <algorithm>
#include <string>

#include "domain/identity/document_parsers.h"

namespace rc::identity::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return c >= 'A' && c <= 'Z'; }
bool all_digits(std::string_view s) { return std::ranges::all_of(s, is_digit); }

IdInfo pattern_only(DocumentType type, std::string_view n) {
  IdInfo info;
  info.type = type;
  info.normalized = std::string(n);
  info.manual_review = true;
  return info;
}

}  // namespace

// 港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macao), 8 digits, and on cards since 2013 two
// more digits counting the issues.
Result<IdInfo> parse_hk_macao_permit(std::string_view n) {
  const bool ok = (n.size() == 9 || n.size() == 11) && (n[0] == 'H' || n[0] == 'M') && all_digits(n.substr(1));
  if (!ok) {
    return id_fail(ErrorCode::kIdBadFormat, "港澳居民来往内地通行证号码应为 H 或 M 加 8 位或 10 位数字");
  }
  return pattern_only(DocumentType::kHkMacaoPermit, n);
}

// 台湾居民来往大陆通行证 (台胞证): 8 digits on the card issued since 2015; older booklets carry
// 10 digits, sometimes followed by an issue letter, written bare or in brackets: 1234567890(B).
Result<IdInfo> parse_taiwan_permit(std::string_view n) {
  const bool card = n.size() == 8 && all_digits(n);
  const bool booklet = n.size() >= 10 && all_digits(n.substr(0, 10)) &&
                       (n.size() == 10 || (n.size() == 11 && is_letter(n[10])) ||
                        (n.size() == 13 && n[10] == '(' && is_letter(n[11]) && n[12] == ')'));
  if (!card && !booklet) {
    return id_fail(ErrorCode::kIdBadFormat, "台湾居民来往大陆通行证号码应为 8 位数字，或旧版的 10 位数字（可带一个字母）");
  }
  return pattern_only(DocumentType::kTaiwanPermit, n);
}

// Passports of any country: 5 to 20 letters and digits, at least one digit.
Result<IdInfo> parse_passport(std::string_view n) {
  if (n.size() < 5 || n.size() > 20) {
    return id_fail(ErrorCode::kIdBadLength, "护照号码应为 5–20 位，实际为 " + std::to_string(n.size()) + " 位");
  }
  const bool ok = std::ranges::all_of(n, [](char c) { return is_digit(c) || is_letter(c); }) &&
                  std::ranges::any_of(n, is_digit);
  if (!ok) return id_fail(ErrorCode::kIdBadFormat, "护照号码只能由字母和数字组成，且至少含一位数字");
  return pattern_only(DocumentType::kPassport, n);
}

}  // namespace rc::identity::detail
