// Normalisation of what people type, hostile input, legacy upgrade and masking.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/identity/id_number.h"

namespace rc::identity {
namespace {

using namespace std::literals;

const CivilDate kToday = *CivilDate::parse("2025-09-01");

TEST(IdInput, SurroundingWhitespaceIsTrimmed) {
  for (const char* text : {" 511302199003071236", "511302199003071236\n", "\t 511302199003071236 \r\n",
                           "\u3000511302199003071236\u3000", "\u00a0511302199003071236"}) {
    auto info = parse_id_number(text, kToday);
    ASSERT_TRUE(info.has_value()) << text;
    EXPECT_EQ(info->normalized, "511302199003071236");
  }
}

TEST(IdInput, InnerWhitespaceIsNotRemoved) {
  auto r = parse_id_number("511302 199003071236", kToday);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIdBadLength);
}

TEST(IdInput, LowercaseXIsNormalised) {
  auto info = parse_id_number(" 51130219870512019x ", kToday);
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->normalized, "51130219870512019X");
}

TEST(IdInput, FullWidthDigitsFromAChineseInputMethodAreFolded) {
  auto info = parse_id_number("５１１３０２１９８７０５１２０１９ｘ", kToday);
  ASSERT_TRUE(info.has_value()) << info.error().message;
  EXPECT_EQ(info->normalized, "51130219870512019X");
}

TEST(IdInput, EmptyAndBlankAreEmpty) {
  for (std::string_view text : {""sv, "   "sv, "\t\n"sv, "\u3000"sv}) {
    auto r = parse_id_number(text, kToday);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::kIdEmpty);
    EXPECT_EQ(r.error().field, "id_number");
  }
}

TEST(IdHostileInput, HugeInputIsRefusedAsTooLong) {
  auto r = parse_id_number(std::string(10'000'000, '1'), kToday);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIdBadLength);
  auto spaces = parse_id_number(std::string(1'000'000, ' ') + "511302199003071236" + std::string(1'000'000, ' '), kToday);
  EXPECT_TRUE(spaces.has_value());
}

TEST(IdHostileInput, NulBytesAndControlCharactersAreRefused) {
  for (std::string text : {"511302199003071236\0"s, "\0"s, "5113021990\0003071236"s, "51130219900307\x7f"s}) {
    auto r = parse_id_number(text, kToday);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::kIdBadFormat);
  }
}

TEST(IdHostileInput, Utf8GarbageIsRefusedWithoutEchoingIt) {
  for (std::string text : {"\xff\xfe\xfd"s, "5113021990030712\xe3\x80"s, "身份证号码"s, "\xef\xbc"s, "\xef"s,
                           "\xc0\xaf\xc0\xaf"s, "511302199003071236\xed\xa0\x80"s}) {
    auto r = parse_id_number(text, kToday);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::kIdBadFormat);
    // The message must stay valid UTF-8 (JSON output depends on it), so the input is not echoed.
    EXPECT_NO_THROW((void)nlohmann::json(r.error().message).dump());
  }
}

TEST(IdHostileInput, EveryDeclaredTypeSurvivesOddInput) {
  const std::string inputs[] = {"", "9", "81", "(", "H", "000000000000000000", "XXXXXXXXXXXXXXXXXX",
                                "99999999999999999X", "1234567890(", std::string(64, '9'), std::string(65, '9')};
  for (int t = 0; t <= static_cast<int>(DocumentType::kPassport) + 1; ++t) {
    for (const auto& text : inputs) {
      auto r = parse_id_number(text, kToday, static_cast<DocumentType>(t));
      if (!r) {
        EXPECT_EQ(r.error().field, "id_number");
      }
    }
  }
}

TEST(IdUpgradeLegacy15, InsertsTheCenturyAndComputesTheCheck) {
  EXPECT_EQ(upgrade_legacy_15("511302900307123"), "511302199003071236");
  auto upgraded = upgrade_legacy_15("110101491001001");
  ASSERT_TRUE(upgraded.has_value());
  EXPECT_EQ(*upgraded, "11010119491001001X");
  EXPECT_TRUE(parse_id_number(*upgraded, kToday).has_value());
}

TEST(IdUpgradeLegacy15, RefusesAnythingButFifteenDigitsWithARealDate) {
  EXPECT_EQ(upgrade_legacy_15(""), std::nullopt);
  EXPECT_EQ(upgrade_legacy_15("51130290030712"), std::nullopt);
  EXPECT_EQ(upgrade_legacy_15("5113029003071234"), std::nullopt);
  EXPECT_EQ(upgrade_legacy_15("51130290030712X"), std::nullopt);
  EXPECT_EQ(upgrade_legacy_15("511302900230123"), std::nullopt);  // 1990-02-30
  EXPECT_EQ(upgrade_legacy_15("511302000229123"), std::nullopt) << "1900 is not a leap year";
  EXPECT_EQ(upgrade_legacy_15("511302960229123"), "51130219960229123"s + mod11_2_check_character("51130219960229123"));
}

TEST(IdMask, ShowsFirstFourAndLastFourOfAnEighteenDigitNumber) {
  EXPECT_EQ(mask_id_number("511302199003071236"), "5113**********1236");
  EXPECT_EQ(mask_id_number("51130219870512019X"), "5113**********019X");
}

TEST(IdMask, ShorterNumbersHideAtLeastHalf) {
  EXPECT_EQ(mask_id_number("511302900307123"), "5113*******7123");
  EXPECT_EQ(mask_id_number("123456789012"), "1234****9012");
  EXPECT_EQ(mask_id_number("M1234567801"), "M1*******01");
  EXPECT_EQ(mask_id_number("E12345678"), "E1*****78");
  EXPECT_EQ(mask_id_number("12345678"), "12****78");
  EXPECT_EQ(mask_id_number("1234"), "1**4");
  EXPECT_EQ(mask_id_number("123"), "***");
  EXPECT_EQ(mask_id_number("1"), "*");
  EXPECT_EQ(mask_id_number(""), "");
}

TEST(IdMask, NeverSplitsAUtf8Character) {
  EXPECT_EQ(mask_id_number("身份证"), "***");
  EXPECT_EQ(mask_id_number("身份证号码一二三四五六七"), "身份证号****四五六七");
}

}  // namespace
}  // namespace rc::identity
