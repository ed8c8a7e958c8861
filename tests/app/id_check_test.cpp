// The document printed by `rescuecert id check NUMBER` (app/id_check.h).

#include <gtest/gtest.h>

#include <string>

#include "app/id_check.h"

namespace rc::app {
namespace {

const CivilDate kToday = *CivilDate::parse("2025-09-01");

TEST(IdCheckJson, ValidResidentIdHasEveryField) {
  const nlohmann::json expected = nlohmann::json::parse(R"({
    "valid": true, "type": "resident_id", "type_zh": "居民身份证",
    "normalized": "511302199003071236", "birth_date": "1990-03-07", "sex": "male",
    "region": {"code": "511302", "province": "四川省", "city": "南充市", "county": "顺庆区"},
    "warnings": [], "manual_review": false})");
  EXPECT_EQ(id_check_json(" 511302199003071236 ", kToday), expected);
}

TEST(IdCheckJson, UnknownCountyIsValidWithAWarning) {
  auto out = id_check_json("511399199003071235", kToday);
  EXPECT_EQ(out["valid"], true);
  EXPECT_EQ(out["sex"], "male");
  EXPECT_EQ(out["region"]["county"], "");
  ASSERT_EQ(out["warnings"].size(), 1u);
  EXPECT_EQ(out["warnings"][0]["code"], "id.unknown_county");
  EXPECT_TRUE(out["warnings"][0]["message"].is_string());
}

TEST(IdCheckJson, FemaleAndHmtPermitGoesToManualReview) {
  auto out = id_check_json("820000199512310023", kToday);
  EXPECT_EQ(out["valid"], true);
  EXPECT_EQ(out["type"], "hmt_residence_permit");
  EXPECT_EQ(out["type_zh"], "港澳台居民居住证");
  EXPECT_EQ(out["sex"], "female");
  EXPECT_EQ(out["region"]["province"], "澳门特别行政区");
  EXPECT_EQ(out["manual_review"], true);
}

TEST(IdCheckJson, PermanentResidentCardHasNoSex) {
  auto out = id_check_json("951840198501010017", kToday);
  EXPECT_EQ(out["valid"], true);
  EXPECT_EQ(out["type"], "foreign_permanent_resident");
  EXPECT_TRUE(out["sex"].is_null());
  EXPECT_EQ(out["birth_date"], "1985-01-01");
}

TEST(IdCheckJson, InvalidNumberCarriesTheErrorObject) {
  auto out = id_check_json("511302199003071230", kToday);
  EXPECT_EQ(out["valid"], false);
  EXPECT_EQ(out["error"]["code"], "id.bad_checksum");
  EXPECT_EQ(out["error"]["field"], "id_number");
  EXPECT_EQ(out["error"]["rule"], "D16");
  EXPECT_NE(out["error"]["message"].get<std::string>().find("应为“6”"), std::string::npos);
  EXPECT_FALSE(out.contains("suggested"));
  EXPECT_FALSE(out.contains("normalized"));
}

TEST(IdCheckJson, LegacyNumberSuggestsItsEighteenDigitForm) {
  auto out = id_check_json(" 511302900307123\n", kToday);
  EXPECT_EQ(out["valid"], false);
  EXPECT_EQ(out["error"]["code"], "id.legacy_15");
  EXPECT_EQ(out["suggested"], "511302199003071236");
}

TEST(IdCheckJson, LegacyNumberWithImpossibleDateHasNoSuggestion) {
  auto out = id_check_json("511302900230123", kToday);
  EXPECT_EQ(out["error"]["code"], "id.legacy_15");
  EXPECT_FALSE(out.contains("suggested"));
}

TEST(IdCheckJson, HostileInputStillDumpsAsValidUtf8) {
  using namespace std::string_literals;
  for (std::string text : {""s, "\xff\xfe"s, "\0"s, std::string(100000, 'x'), "身份证"s}) {
    auto out = id_check_json(text, kToday);
    EXPECT_EQ(out["valid"], false);
    EXPECT_NO_THROW((void)out.dump());
  }
}

}  // namespace
}  // namespace rc::app
