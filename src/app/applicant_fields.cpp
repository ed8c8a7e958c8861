#include "app/applicant_fields.h"

#include <array>

#include "domain/occupation/occupation.h"

namespace rc::app {
namespace {

constexpr char32_t kInvalid = 0xFFFD;

// Decodes one code point at s[i] and advances i; malformed bytes give U+FFFD (one byte).
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return kInvalid;
  }
  char32_t cp = len == 1 ? c : c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return kInvalid;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0; }
bool is_cjk(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3007;
}
bool is_latin_letter(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}
bool is_name_dot(char32_t cp) { return cp == 0xB7 || cp == 0x30FB || cp == 0x2022 || cp == 0x2027 || cp == 0xFF0E; }
bool is_name_joiner(char32_t cp) { return cp == 0xB7 || cp == '-' || cp == '\'' || cp == '.' || cp == ' '; }

// Full-width digits and ASCII folded, for numeric cells typed with a Chinese IME.
std::string fold_full_width(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    if (cp >= 0xFF01 && cp <= 0xFF5E) out += static_cast<char>(cp - 0xFF01 + 0x21);
    else if (cp == 0x3000) out += ' ';
    else append_utf8(out, cp);
  }
  return out;
}

}  // namespace

std::string_view trim_cell(std::string_view t) {
  for (;;) {
    if (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\r' || t.front() == '\n')) t.remove_prefix(1);
    else if (t.starts_with("\u3000")) t.remove_prefix(3);
    else if (t.starts_with("\u00A0")) t.remove_prefix(2);
    else break;
  }
  for (;;) {
    if (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r' || t.back() == '\n')) t.remove_suffix(1);
    else if (t.ends_with("\u3000")) t.remove_suffix(3);
    else if (t.ends_with("\u00A0")) t.remove_suffix(2);
    else break;
  }
  return t;
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t n = 0, i = 0;
  while (i < text.size() && n < max_chars) {
    const char32_t cp = next_code_point(text, i);
    append_utf8(out, cp < 0x20 ? char32_t{0xFFFD} : cp);
    ++n;
  }
  if (i < text.size()) out += "…";
  return out;
}

Result<std::string> parse_person_name(std::string_view text) {
  const std::string_view t = trim_cell(text);
  if (t.empty()) return fail(ErrorCode::kApplicantBadName, "name", "姓名不能为空");
  std::string out;
  std::size_t count = 0;
  char32_t first = 0, prev = ' ';
  for (std::size_t i = 0; i < t.size();) {
    char32_t cp = next_code_point(t, i);
    if (is_space(cp)) cp = ' ';
    if (is_name_dot(cp)) cp = 0xB7;
    if (cp == ' ' && prev == ' ') continue;  // collapse runs of spaces
    if (!is_cjk(cp) && !is_latin_letter(cp) && !is_name_joiner(cp)) {
      std::string shown;
      if (cp < 0x20 || cp == 0x7F || cp == kInvalid) shown = "控制字符";
      else append_utf8(shown, cp);
      return fail(ErrorCode::kApplicantBadName, "name",
                  "姓名含有不允许的字符「" + shown + "」：只能使用汉字、英文字母、空格和间隔号“·”");
    }
    if (is_name_joiner(cp) && prev != ' ' && is_name_joiner(prev) && cp != ' ')
      return fail(ErrorCode::kApplicantBadName, "name", "姓名中的间隔号、连字符或点不能连续出现");
    append_utf8(out, cp);
    if (count++ == 0) first = cp;
    prev = cp;
  }
  if (count < 2 || count > 30)
    return fail(ErrorCode::kApplicantBadName, "name", "姓名应为 2–30 个字（现为 " + std::to_string(count) + " 个）");
  if (is_name_joiner(first) || is_name_joiner(prev))
    return fail(ErrorCode::kApplicantBadName, "name", "姓名不能以间隔号、连字符或点开头或结尾");
  return out;
}

Result<std::string> parse_mobile(std::string_view text) {
  std::string digits;
  for (const char c : fold_full_width(trim_cell(text)))
    if (c != ' ' && c != '-') digits += c;
  if (digits.starts_with("+86")) digits.erase(0, 3);
  else if (digits.size() == 13 && digits.starts_with("86")) digits.erase(0, 2);
  if (digits.empty()) return fail(ErrorCode::kApplicantBadPhone, "mobile", "手机号码不能为空");
  bool ok = digits.size() == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
  for (const char c : digits) ok = ok && c >= '0' && c <= '9';
  if (!ok)
    return fail(ErrorCode::kApplicantBadPhone, "mobile",
                "手机号码「" + excerpt(trim_cell(text), 20) + "」无效：应为以 13–19 开头的 11 位数字");
  return digits;
}

Result<identity::Sex> parse_sex(std::string_view text) {
  const std::string_view t = trim_cell(text);
  if (t == "男" || t == "男性") return identity::Sex::kMale;
  if (t == "女" || t == "女性") return identity::Sex::kFemale;
  if (t.empty()) return fail(ErrorCode::kMissingField, "sex", "性别不能为空，请填写 男 或 女");
  return fail(ErrorCode::kInvalidValue, "sex", "性别「" + excerpt(t, 10) + "」无效，请填写 男 或 女");
}

Result<bool> parse_yes_no(std::string_view text) {
  const std::string_view t = trim_cell(text);
  if (t == "是") return true;
  if (t == "否") return false;
  if (t.empty()) return fail(ErrorCode::kMissingField, "health_declared", "不能为空，请填写 是 或 否");
  return fail(ErrorCode::kInvalidValue, "health_declared", "「" + excerpt(t, 10) + "」无效，请填写 是 或 否");
}

Result<CivilDate> parse_cell_date(std::string_view text) {
  const std::string t = fold_full_width(trim_cell(text));
  std::array<long, 3> parts{0, 0, 0};
  std::array<int, 3> digits{0, 0, 0};
  std::size_t part = 0;
  bool ok = !t.empty();
  if (t.size() == 8 && t.find_first_not_of("0123456789") == std::string::npos) {
    parts = {std::stol(t.substr(0, 4)), std::stol(t.substr(4, 2)), std::stol(t.substr(6, 2))};
  } else {
    for (std::size_t i = 0; ok && i < t.size();) {
      const char32_t cp = next_code_point(t, i);
      if (cp >= '0' && cp <= '9') {
        ok = digits[part] < 4;
        parts[part] = parts[part] * 10 + (cp - '0');
        ++digits[part];
      } else if ((cp == '-' || cp == '/' || cp == '.' || cp == U'年' || cp == U'月') && digits[part] > 0 && part < 2) {
        ++part;
      } else {
        ok = cp == U'日' && part == 2 && i == t.size();
      }
    }
    ok = ok && part == 2 && digits[0] == 4 && digits[1] > 0 && digits[1] <= 2 && digits[2] > 0 && digits[2] <= 2;
  }
  const auto d = ok ? CivilDate::from_ymd(static_cast<int>(parts[0]), static_cast<unsigned>(parts[1]),
                                          static_cast<unsigned>(parts[2]))
                    : std::nullopt;
  if (!d)
    return fail(ErrorCode::kInvalidDate, "birth_date",
                "日期「" + excerpt(trim_cell(text), 20) + "」无效，请按 1990-03-07 的格式填写真实日期");
  return *d;
}

Result<std::optional<identity::DocumentType>> parse_document_type(std::string_view text) {
  using identity::DocumentType;
  const std::string_view t = trim_cell(text);
  if (t.empty()) return std::optional<DocumentType>();
  static constexpr std::pair<std::string_view, DocumentType> kNames[] = {
      {"居民身份证", DocumentType::kResidentId},           {"身份证", DocumentType::kResidentId},
      {"港澳台居民居住证", DocumentType::kHmtResidencePermit}, {"居住证", DocumentType::kHmtResidencePermit},
      {"外国人永久居留身份证", DocumentType::kForeignPermanentResident},
      {"永居证", DocumentType::kForeignPermanentResident},
      {"港澳居民来往内地通行证", DocumentType::kHkMacaoPermit}, {"港澳通行证", DocumentType::kHkMacaoPermit},
      {"台湾居民来往大陆通行证", DocumentType::kTaiwanPermit},  {"台胞证", DocumentType::kTaiwanPermit},
      {"护照", DocumentType::kPassport},
  };
  for (const auto& [name, type] : kNames)
    if (t == name) return std::optional(type);
  if (auto stable = identity::document_type_from_name(t)) return std::optional(*stable);
  return fail(ErrorCode::kUnknownEnumValue, "document_type",
              "证件类型「" + excerpt(t, 20) + "」无法识别，请从下拉列表中选择（如 居民身份证、护照）");
}

Result<int> parse_level_cell(std::string_view text) {
  std::string t = fold_full_width(trim_cell(text));
  if (t.size() == 1 && t[0] >= '1' && t[0] <= '5') return t[0] - '0';
  auto level = level_by_name(t);
  if (!level)
    return fail(ErrorCode::kUnknownLevel, "level",
                "申报等级「" + excerpt(t, 20) + "」无法识别，请填写如 五级/初级工");
  return level->code;
}

Result<std::string> parse_free_text(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t count = 0;
  const std::string_view t = trim_cell(text);
  for (std::size_t i = 0; i < t.size();) {
    char32_t cp = next_code_point(t, i);
    if (cp == '\r' || cp == '\n' || cp == '\t') cp = ' ';
    if (cp < 0x20 || cp == 0x7F || cp == kInvalid)
      return fail(ErrorCode::kInvalidValue, "", "含有不可见的控制字符或无效字符，请删除后重新填写");
    append_utf8(out, cp);
    ++count;
  }
  if (count > max_chars)
    return fail(ErrorCode::kTooLarge, "",
                "内容过长（" + std::to_string(count) + " 个字，最多 " + std::to_string(max_chars) + " 个字）");
  return out;
}

}  // namespace rc::app
