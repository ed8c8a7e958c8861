// Every 居民身份证 vector of DOMAIN.md 2.1, with the exact expected result (RULES.md D16).

#include <gtest/gtest.h>

#include "domain/identity/id_number.h"

namespace rc::identity {
namespace {

const CivilDate kToday = *CivilDate::parse("2025-09-01");

struct ValidVector {
  const char* number;
  const char* normalized;
  const char* birth;
  Sex sex;
  Region region;
};

std::ostream& operator<<(std::ostream& os, const ValidVector& v) { return os << v.number; }

const Region kShunqing{"511302", "四川省", "南充市", "顺庆区"};
const Region kJialing{"511304", "四川省", "南充市", "嘉陵区"};

class IdResidentValidVector : public testing::TestWithParam<ValidVector> {};

TEST_P(IdResidentValidVector, ParsesToTheExpectedPersonAndPlace) {
  const ValidVector& v = GetParam();
  auto info = parse_id_number(v.number, kToday);
  ASSERT_TRUE(info.has_value()) << info.error().message;
  EXPECT_EQ(info->type, DocumentType::kResidentId);
  EXPECT_EQ(info->normalized, v.normalized);
  EXPECT_EQ(info->birth_date, CivilDate::parse(v.birth));
  EXPECT_EQ(info->sex, v.sex);
  EXPECT_EQ(info->region, v.region);
  EXPECT_TRUE(info->warnings.empty());
  EXPECT_TRUE(info->warning_codes.empty());
  EXPECT_FALSE(info->manual_review);
  // Declaring the type gives the same answer as detecting it.
  auto declared = parse_id_number(v.number, kToday, DocumentType::kResidentId);
  ASSERT_TRUE(declared.has_value());
  EXPECT_EQ(declared->normalized, info->normalized);
}

INSTANTIATE_TEST_SUITE_P(
    Domain21, IdResidentValidVector,
    testing::Values(
        ValidVector{"511302199003071236", "511302199003071236", "1990-03-07", Sex::kMale, kShunqing},
        ValidVector{"511303198511202468", "511303198511202468", "1985-11-20", Sex::kFemale,
                    {"511303", "四川省", "南充市", "高坪区"}},
        ValidVector{"51130420000229011X", "51130420000229011X", "2000-02-29", Sex::kMale, kJialing},
        ValidVector{"51130420000229011x", "51130420000229011X", "2000-02-29", Sex::kMale, kJialing},
        ValidVector{"511321197810010026", "511321197810010026", "1978-10-01", Sex::kFemale,
                    {"511321", "四川省", "南充市", "南部县"}},
        ValidVector{"511322199506151356", "511322199506151356", "1995-06-15", Sex::kMale,
                    {"511322", "四川省", "南充市", "营山县"}},
        ValidVector{"511323200601018889", "511323200601018889", "2006-01-01", Sex::kFemale,
                    {"511323", "四川省", "南充市", "蓬安县"}},
        ValidVector{"511324196904304716", "511324196904304716", "1969-04-30", Sex::kMale,
                    {"511324", "四川省", "南充市", "仪陇县"}},
        ValidVector{"511325198812313602", "511325198812313602", "1988-12-31", Sex::kFemale,
                    {"511325", "四川省", "南充市", "西充县"}},
        ValidVector{"511381199208180191", "511381199208180191", "1992-08-18", Sex::kMale,
                    {"511381", "四川省", "南充市", "阆中市"}},
        ValidVector{"51130219870512019X", "51130219870512019X", "1987-05-12", Sex::kMale, kShunqing},
        ValidVector{"510107199911115556", "510107199911115556", "1999-11-11", Sex::kMale,
                    {"510107", "四川省", "成都市", "武侯区"}},
        // A municipality has no prefecture-level city: the city stays empty, not "市辖区".
        ValidVector{"11010119491001001X", "11010119491001001X", "1949-10-01", Sex::kMale,
                    {"110101", "北京市", "", "东城区"}},
        ValidVector{"511302200803010111", "511302200803010111", "2008-03-01", Sex::kMale, kShunqing},
        ValidVector{"511302201006150423", "511302201006150423", "2010-06-15", Sex::kFemale, kShunqing}));

struct InvalidVector {
  const char* number;
  ErrorCode code;
  const char* message_part;  // the precise reason must be named
};

std::ostream& operator<<(std::ostream& os, const InvalidVector& v) { return os << v.number; }

class IdResidentInvalidVector : public testing::TestWithParam<InvalidVector> {};

TEST_P(IdResidentInvalidVector, IsRefusedWithTheExpectedCodeAndReason) {
  const InvalidVector& v = GetParam();
  auto info = parse_id_number(v.number, kToday);
  ASSERT_FALSE(info.has_value()) << v.number << " was accepted";
  EXPECT_EQ(code_name(info.error().code), code_name(v.code));
  EXPECT_EQ(info.error().field, "id_number");
  EXPECT_EQ(info.error().rule, "D16");
  EXPECT_NE(info.error().message.find(v.message_part), std::string::npos) << info.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Domain21, IdResidentInvalidVector,
    testing::Values(InvalidVector{"511302199003071230", ErrorCode::kIdBadChecksum, "应为“6”，实际为“0”"},
                    InvalidVector{"5113021990030712", ErrorCode::kIdBadLength, "实际为 16 位"},
                    InvalidVector{"5113021990030712361", ErrorCode::kIdBadLength, "实际为 19 位"},
                    InvalidVector{"5113021990A3071236", ErrorCode::kIdBadFormat, "第 11 位“A”不是数字"},
                    InvalidVector{"511302199002301239", ErrorCode::kIdBadBirthDate, "“19900230”不是真实存在的日期"},
                    InvalidVector{"511302199013011237", ErrorCode::kIdBadBirthDate, "“19901301”"},
                    InvalidVector{"000000199003071236", ErrorCode::kIdUnknownProvince, "“00”不存在"},
                    InvalidVector{"511302209901011231", ErrorCode::kIdFutureBirthDate, "2099-01-01 晚于今天（2025-09-01）"},
                    InvalidVector{"511302189901011236", ErrorCode::kIdBirthBefore1900, "1899-01-01 早于 1900 年"},
                    InvalidVector{"511302199003070006", ErrorCode::kIdBadSequence, "000"},
                    InvalidVector{"511302900307123", ErrorCode::kIdLegacy15, "511302199003071236"}));

// stdnum rejects 511399 (not in its table), but D16 makes an unknown county a warning: the
// province 四川 and city 南充 are known, the number is accepted and flagged.
TEST(IdResidentUnknownCounty, IsAcceptedWithAWarningNamingTheCode) {
  auto info = parse_id_number("511399199003071235", kToday);
  ASSERT_TRUE(info.has_value()) << info.error().message;
  EXPECT_EQ(info->type, DocumentType::kResidentId);
  EXPECT_EQ(info->birth_date, CivilDate::parse("1990-03-07"));
  EXPECT_EQ(info->sex, Sex::kMale);
  EXPECT_EQ(info->region, (Region{"511399", "四川省", "南充市", ""}));
  ASSERT_EQ(info->warning_codes, std::vector<std::string>{"id.unknown_county"});
  ASSERT_EQ(info->warnings.size(), 1u);
  EXPECT_NE(info->warnings[0].find("511399"), std::string::npos);
  EXPECT_FALSE(info->manual_review);
}

TEST(IdResidentUnknownCounty, UnknownCityLeavesTheCityEmpty) {
  // 519900: province 51 known, prefecture 5199 not.
  std::string body = "51990019900307123";
  auto info = parse_id_number(body + mod11_2_check_character(body), kToday);
  ASSERT_TRUE(info.has_value()) << info.error().message;
  EXPECT_EQ(info->region, (Region{"519900", "四川省", "", ""}));
  EXPECT_EQ(info->warning_codes, std::vector<std::string>{"id.unknown_county"});
}

TEST(IdResidentAbolishedCounty, IsKnownBecauseTheTableKeepsHistory) {
  // 110103 崇文区 was merged into 东城区 in 2010; cards keep the code for life.
  std::string body = "11010319800101002";
  auto info = parse_id_number(body + mod11_2_check_character(body), kToday);
  ASSERT_TRUE(info.has_value()) << info.error().message;
  EXPECT_EQ(info->region, (Region{"110103", "北京市", "", "崇文区"}));
  EXPECT_TRUE(info->warnings.empty());
}

TEST(IdResidentBirthDate, TodayIsAcceptedTomorrowIsNot) {
  std::string today_body = "51130220250901002";
  EXPECT_TRUE(parse_id_number(today_body + mod11_2_check_character(today_body), kToday).has_value());
  std::string tomorrow_body = "51130220250902002";
  auto r = parse_id_number(tomorrow_body + mod11_2_check_character(tomorrow_body), kToday);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIdFutureBirthDate);
}

TEST(IdResidentBirthDate, FirstDayOf1900IsAccepted) {
  std::string body = "51130219000101002";
  auto info = parse_id_number(body + mod11_2_check_character(body), kToday);
  ASSERT_TRUE(info.has_value()) << info.error().message;
  EXPECT_EQ(info->birth_date, CivilDate::parse("1900-01-01"));
  EXPECT_EQ(info->sex, Sex::kFemale);
}

TEST(IdResidentBirthDate, Feb29OfANonLeapYearIsRefused) {
  std::string body = "51130219000229002";  // 1900 is not a leap year
  auto r = parse_id_number(body + mod11_2_check_character(body), kToday);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIdBadBirthDate);
}

TEST(IdResidentChecksum, MessageNamesTheExpectedXCheckCharacter) {
  auto r = parse_id_number("511302198705120190", kToday);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIdBadChecksum);
  EXPECT_NE(r.error().message.find("应为“X”"), std::string::npos) << r.error().message;
}

TEST(IdResidentFormat, BadCheckCharacterIsAFormatError) {
  auto r = parse_id_number("51130219900307123A", kToday);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIdBadFormat);
  EXPECT_NE(r.error().message.find("第 18 位"), std::string::npos);
}

TEST(IdResidentLegacy, ImpossibleDateIsStillALegacyNumberWithoutSuggestion) {
  auto r = parse_id_number("511302900230123", kToday);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIdLegacy15);
  EXPECT_NE(r.error().message.find("出生日期不存在"), std::string::npos);
}

TEST(IdMod11, MatchesTheWorkedExamples) {
  EXPECT_EQ(mod11_2_check_character("51130219900307123"), '6');
  EXPECT_EQ(mod11_2_check_character("51130420000229011"), 'X');
  EXPECT_EQ(mod11_2_check_character("11010119491001001"), 'X');
  EXPECT_EQ(mod11_2_check_character("00000000000000000"), '1');
}

}  // namespace
}  // namespace rc::identity
