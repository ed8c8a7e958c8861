// The three strictly validated 18-character numbers share the GB 11643 layout: 6-digit address
// (or, on the 2023 permanent-resident card, 9 + accepting province + nationality), 8-digit birth
// date, 3-digit sequence, MOD 11-2 check character. The checks run in the order that gives people
// the most useful reason: characters, then the check character (a typo shows up there first), then
// address, birth date and sequence.

#include <algorithm>
#include <string>

#include "domain/identity/document_parsers.h"
#include "domain/identity/gb2260.h"

namespace rc::identity::detail {
namespace {

constexpr std::size_t kLength = 18;

int digits_value(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string quoted(std::string_view s) { return "“" + std::string(s) + "”"; }

Result<void> check_characters_and_checksum(std::string_view n, DocumentType type) {
  if (n.size() != kLength) {
    return id_fail(ErrorCode::kIdBadLength, std::string(document_type_name_zh(type)) + "号码应为 18 位，实际为 " +
                                                std::to_string(n.size()) + " 位");
  }
  for (std::size_t i = 0; i + 1 < kLength; ++i) {
    if (!is_digit(n[i])) {
      return id_fail(ErrorCode::kIdBadFormat,
                     "第 " + std::to_string(i + 1) + " 位" + quoted(n.substr(i, 1)) + "不是数字（前 17 位只能是数字）");
    }
  }
  const char last = n[kLength - 1];
  if (!is_digit(last) && last != 'X') {
    return id_fail(ErrorCode::kIdBadFormat, "第 18 位校验码" + quoted(n.substr(17, 1)) + "只能是数字或 X");
  }
  const char expected = mod11_2_check_character(n.substr(0, 17));
  if (last != expected) {
    return id_fail(ErrorCode::kIdBadChecksum, "校验码错误：按前 17 位计算第 18 位应为" +
                                                  quoted(std::string_view(&expected, 1)) + "，实际为" +
                                                  quoted(n.substr(17, 1)) + "，请核对号码是否输错");
  }
  return ok();
}

// D16: a real date, not before 1900 (implausible for a living candidate) and not after today.
Result<CivilDate> read_birth_date(std::string_view yyyymmdd, CivilDate today) {
  auto date = CivilDate::from_ymd(digits_value(yyyymmdd.substr(0, 4)),
                                  static_cast<unsigned>(digits_value(yyyymmdd.substr(4, 2))),
                                  static_cast<unsigned>(digits_value(yyyymmdd.substr(6, 2))));
  if (!date) return id_fail(ErrorCode::kIdBadBirthDate, "出生日期" + quoted(yyyymmdd) + "不是真实存在的日期");
  if (date->year() < 1900) {
    return id_fail(ErrorCode::kIdBirthBefore1900, "出生日期 " + date->to_string() + " 早于 1900 年，不可信");
  }
  if (*date > today) {
    return id_fail(ErrorCode::kIdFutureBirthDate,
                   "出生日期 " + date->to_string() + " 晚于今天（" + today.to_string() + "）");
  }
  return *date;
}

// Fills birth date and sex from positions 7-17 and refuses sequence 000 (no issuer starts at 0).
Result<void> read_birth_and_sequence(std::string_view n, CivilDate today, IdInfo& info) {
  auto birth = read_birth_date(n.substr(6, 8), today);
  if (!birth) return tl::unexpected(birth.error());
  if (n.substr(14, 3) == "000") {
    return id_fail(ErrorCode::kIdBadSequence, "顺序码（第 15–17 位）为 000，不是有效号码");
  }
  info.birth_date = *birth;
  info.sex = (n[16] - '0') % 2 == 1 ? Sex::kMale : Sex::kFemale;
  return ok();
}

std::string province_hint(std::string_view n) {
  if (n[0] == '9') return "；9 开头的是外国人永久居留身份证号码";
  if (auto p = gb2260::find_province(digits_value(n.substr(0, 2))); p && p->permit_only) {
    return "；" + std::string(n.substr(0, 2)) + " 开头的是港澳台居民居住证号码";
  }
  return {};
}

// The address code of a mainland card: the province must exist, an unknown county only warns,
// because people keep abolished birth-registration codes for life (DOMAIN.md 2.1).
Result<Region> read_mainland_region(std::string_view n, IdInfo& info) {
  auto province = gb2260::find_province(digits_value(n.substr(0, 2)));
  if (!province || province->permit_only) {
    return id_fail(ErrorCode::kIdUnknownProvince,
                   "省级行政区划代码" + quoted(n.substr(0, 2)) + "不存在" + province_hint(n));
  }
  Region region{std::string(n.substr(0, 6)), std::string(province->name), {}, {}};
  if (auto city = gb2260::find_city(digits_value(n.substr(0, 4)))) region.city = *city;
  if (auto county = gb2260::find_county(digits_value(n.substr(0, 6)))) {
    region.county = *county;
  } else {
    info.warning_codes.emplace_back("id.unknown_county");
    info.warnings.push_back("行政区划代码 " + region.code +
                            " 不在 GB/T 2260 代码表中（可能是已撤销的旧代码），已按" + region.province +
                            region.city + "接受，请人工核对");
  }
  return region;
}

}  // namespace

Result<IdInfo> parse_resident_id(std::string_view n, CivilDate today) {
  if (n.size() == 15 && std::ranges::all_of(n, is_digit)) {
    auto upgraded = upgrade_legacy_15(n);
    return id_fail(ErrorCode::kIdLegacy15,
                   upgraded ? "这是 15 位旧身份证号码，对应的 18 位号码为 " + *upgraded + "，请核对后改用 18 位号码"
                            : std::string("这是 15 位旧身份证号码，且其中的出生日期不存在，请改用 18 位号码"));
  }
  IdInfo info;
  info.type = DocumentType::kResidentId;
  if (auto r = check_characters_and_checksum(n, info.type); !r) return tl::unexpected(r.error());
  auto region = read_mainland_region(n, info);
  if (!region) return tl::unexpected(region.error());
  if (auto r = read_birth_and_sequence(n, today, info); !r) return tl::unexpected(r.error());
  info.region = std::move(*region);
  info.normalized = std::string(n);
  return info;
}

Result<IdInfo> parse_hmt_residence_permit(std::string_view n, CivilDate today) {
  IdInfo info;
  info.type = DocumentType::kHmtResidencePermit;
  info.manual_review = true;
  if (auto r = check_characters_and_checksum(n, info.type); !r) return tl::unexpected(r.error());
  auto province = gb2260::find_province(digits_value(n.substr(0, 2)));
  if (n.substr(2, 4) != "0000" || !province || !province->permit_only) {
    return id_fail(ErrorCode::kIdUnknownRegion,
                   "港澳台居民居住证号码的前 6 位应为 810000（香港）、820000（澳门）或 830000（台湾），实际为 " +
                       std::string(n.substr(0, 6)));
  }
  if (auto r = read_birth_and_sequence(n, today, info); !r) return tl::unexpected(r.error());
  info.region = Region{std::string(n.substr(0, 6)), std::string(province->name), {}, {}};
  info.normalized = std::string(n);
  return info;
}

// 2023 edition (DOMAIN.md 2.2, layout REPORTED, not verified): 9, accepting province (2 digits),
// nationality (3 digits), birth date, sequence, check. Because the layout is only reported, an
// unknown accepting province warns, and the sequence is not read as a sex.
Result<IdInfo> parse_foreign_permanent_resident(std::string_view n, CivilDate today) {
  IdInfo info;
  info.type = DocumentType::kForeignPermanentResident;
  info.manual_review = true;
  if (n.size() == kLength && n[0] != '9') {
    return id_fail(ErrorCode::kIdBadFormat, "外国人永久居留身份证号码应以 9 开头，实际以" + quoted(n.substr(0, 1)) + "开头");
  }
  if (auto r = check_characters_and_checksum(n, info.type); !r) return tl::unexpected(r.error());
  if (auto r = read_birth_and_sequence(n, today, info); !r) return tl::unexpected(r.error());
  info.sex.reset();
  auto province = gb2260::find_province(digits_value(n.substr(1, 2)));
  if (province && !province->permit_only) {
    info.region = Region{std::string(n.substr(1, 2)) + "0000", std::string(province->name), {}, {}};
  } else {
    info.warning_codes.emplace_back("id.unknown_accepting_province");
    info.warnings.push_back("受理地省级代码（第 2–3 位）" + quoted(n.substr(1, 2)) + "不存在，请人工核对");
  }
  info.normalized = std::string(n);
  return info;
}

}  // namespace rc::identity::detail
