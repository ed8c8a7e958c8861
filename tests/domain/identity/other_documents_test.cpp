// DOMAIN.md 2.2: residence permits, the 2023 permanent-resident card, travel permits and passports.

#include <gtest/gtest.h>

#include "domain/identity/id_number.h"

namespace rc::identity {
namespace {

const CivilDate kToday = *CivilDate::parse("2025-09-01");

std::string with_check(std::string body) {
  body.push_back(mod11_2_check_character(body));
  return body;
}

TEST(IdHmtPermit, HongKongVectorIsDetectedAndAccepted) {
  auto info = parse_id_number("810000199003071237", kToday);
  ASSERT_TRUE(info.has_value()) << info.error().message;
  EXPECT_EQ(info->type, DocumentType::kHmtResidencePermit);
  EXPECT_EQ(info->normalized, "810000199003071237");
  EXPECT_EQ(info->birth_date, CivilDate::parse("1990-03-07"));
  EXPECT_EQ(info->sex, Sex::kMale);
  EXPECT_EQ(info->region, (Region{"810000", "香港特别行政区", "", ""}));
  EXPECT_TRUE(info->warnings.empty());
  EXPECT_TRUE(info->manual_review);
}

TEST(IdHmtPermit, MacaoVectorIsAccepted) {
  auto info = parse_id_number("820000199512310023", kToday);
  ASSERT_TRUE(info.has_value()) << info.error().message;
  EXPECT_EQ(info->type, DocumentType::kHmtResidencePermit);
  EXPECT_EQ(info->birth_date, CivilDate::parse("1995-12-31"));
  EXPECT_EQ(info->sex, Sex::kFemale);
  EXPECT_EQ(info->region, (Region{"820000", "澳门特别行政区", "", ""}));
}

TEST(IdHmtPermit, TaiwanVectorIsAccepted) {
  auto info = parse_id_number("830000198001010018", kToday);
  ASSERT_TRUE(info.has_value()) << info.error().message;
  EXPECT_EQ(info->type, DocumentType::kHmtResidencePermit);
  EXPECT_EQ(info->birth_date, CivilDate::parse("1980-01-01"));
  EXPECT_EQ(info->sex, Sex::kMale);
  EXPECT_EQ(info->region, (Region{"830000", "台湾地区", "", ""}));
}

TEST(IdHmtPermit, TaiwanVectorWithWrongCheckDigitIsRefused) {
  auto r = parse_id_number("830000198001010012", kToday);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIdBadChecksum);
  EXPECT_NE(r.error().message.find("应为“8”"), std::string::npos) << r.error().message;
}

TEST(IdHmtPermit, OnlyTheThreeWholeProvinceCodesAreAccepted) {
  auto r = parse_id_number(with_check("81010119900307123"), kToday);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIdUnknownRegion);
  EXPECT_NE(r.error().message.find("810101"), std::string::npos);
}

TEST(IdHmtPermit, DeclaredPermitWithMainlandAddressIsRefused) {
  auto r = parse_id_number("511302199003071236", kToday, DocumentType::kHmtResidencePermit);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIdUnknownRegion);
}

TEST(IdHmtPermit, DatesAndSequenceAreCheckedLikeAResidentId) {
  EXPECT_EQ(parse_id_number(with_check("81000020990101123"), kToday).error().code, ErrorCode::kIdFutureBirthDate);
  EXPECT_EQ(parse_id_number(with_check("81000018990101123"), kToday).error().code, ErrorCode::kIdBirthBefore1900);
  EXPECT_EQ(parse_id_number(with_check("81000019900230123"), kToday).error().code, ErrorCode::kIdBadBirthDate);
  EXPECT_EQ(parse_id_number(with_check("81000019900101000"), kToday).error().code, ErrorCode::kIdBadSequence);
}

TEST(IdHmtPermit, DeclaredAsResidentIdIsRefusedWithAHint) {
  auto r = parse_id_number("810000199003071237", kToday, DocumentType::kResidentId);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIdUnknownProvince);
  EXPECT_NE(r.error().message.find("港澳台居民居住证"), std::string::npos) << r.error().message;
}

TEST(IdForeignPermanentResident, SyntheticVectorIsDetectedAndAccepted) {
  auto info = parse_id_number("951840198501010017", kToday);
  ASSERT_TRUE(info.has_value()) << info.error().message;
  EXPECT_EQ(info->type, DocumentType::kForeignPermanentResident);
  EXPECT_EQ(info->normalized, "951840198501010017");
  EXPECT_EQ(info->birth_date, CivilDate::parse("1985-01-01"));
  EXPECT_EQ(info->sex, std::nullopt);  // the layout is only reported: no sex read from it
  EXPECT_EQ(info->region, (Region{"510000", "四川省", "", ""}));
  EXPECT_TRUE(info->warnings.empty());
  EXPECT_TRUE(info->manual_review);
}

TEST(IdForeignPermanentResident, WrongCheckDigitIsRefused) {
  auto r = parse_id_number("951840198501010010", kToday);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIdBadChecksum);
}

TEST(IdForeignPermanentResident, BirthDateAtPositions7To14IsChecked) {
  EXPECT_EQ(parse_id_number(with_check("95184019850230001"), kToday).error().code, ErrorCode::kIdBadBirthDate);
  EXPECT_EQ(parse_id_number(with_check("95184020300101001"), kToday).error().code, ErrorCode::kIdFutureBirthDate);
  EXPECT_EQ(parse_id_number(with_check("95184018000101001"), kToday).error().code, ErrorCode::kIdBirthBefore1900);
  EXPECT_EQ(parse_id_number(with_check("95184019850101000"), kToday).error().code, ErrorCode::kIdBadSequence);
}

TEST(IdForeignPermanentResident, UnknownAcceptingProvinceWarns) {
  auto info = parse_id_number(with_check("90084019850101001"), kToday);
  ASSERT_TRUE(info.has_value()) << info.error().message;
  EXPECT_EQ(info->region, std::nullopt);
  EXPECT_EQ(info->warning_codes, std::vector<std::string>{"id.unknown_accepting_province"});
  EXPECT_EQ(info->warnings.size(), 1u);
}

TEST(IdForeignPermanentResident, DeclaredWithoutLeading9IsRefused) {
  auto r = parse_id_number("511302199003071236", kToday, DocumentType::kForeignPermanentResident);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIdBadFormat);
  EXPECT_NE(r.error().message.find("应以 9 开头"), std::string::npos);
}

TEST(IdForeignPermanentResident, DeclaredAsResidentIdIsRefusedWithAHint) {
  auto r = parse_id_number("951840198501010017", kToday, DocumentType::kResidentId);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIdUnknownProvince);
  EXPECT_NE(r.error().message.find("外国人永久居留身份证"), std::string::npos);
}

struct PatternCase {
  DocumentType type;
  const char* number;
  const char* normalized;  // empty when refused
};

std::ostream& operator<<(std::ostream& os, const PatternCase& c) { return os << c.number; }

class IdPatternDocument : public testing::TestWithParam<PatternCase> {};

TEST_P(IdPatternDocument, IsCheckedByPatternOnlyAndRoutedToManualReview) {
  const PatternCase& c = GetParam();
  auto info = parse_id_number(c.number, kToday, c.type);
  if (std::string_view(c.normalized).empty()) {
    ASSERT_FALSE(info.has_value()) << c.number;
    EXPECT_TRUE(info.error().code == ErrorCode::kIdBadFormat || info.error().code == ErrorCode::kIdBadLength);
    EXPECT_EQ(info.error().field, "id_number");
    return;
  }
  ASSERT_TRUE(info.has_value()) << info.error().message;
  EXPECT_EQ(info->type, c.type);
  EXPECT_EQ(info->normalized, c.normalized);
  EXPECT_TRUE(info->manual_review);
  EXPECT_EQ(info->birth_date, std::nullopt);
  EXPECT_EQ(info->sex, std::nullopt);
  EXPECT_EQ(info->region, std::nullopt);
}

INSTANTIATE_TEST_SUITE_P(
    Domain22, IdPatternDocument,
    testing::Values(PatternCase{DocumentType::kHkMacaoPermit, "H12345678", "H12345678"},
                    PatternCase{DocumentType::kHkMacaoPermit, "m1234567801", "M1234567801"},
                    PatternCase{DocumentType::kHkMacaoPermit, "H1234567", ""},
                    PatternCase{DocumentType::kHkMacaoPermit, "X12345678", ""},
                    PatternCase{DocumentType::kHkMacaoPermit, "H1234567A", ""},
                    PatternCase{DocumentType::kTaiwanPermit, "12345678", "12345678"},
                    PatternCase{DocumentType::kTaiwanPermit, "1234567890", "1234567890"},
                    PatternCase{DocumentType::kTaiwanPermit, "1234567890b", "1234567890B"},
                    PatternCase{DocumentType::kTaiwanPermit, "1234567890(B)", "1234567890(B)"},
                    PatternCase{DocumentType::kTaiwanPermit, "1234567", ""},
                    PatternCase{DocumentType::kTaiwanPermit, "1234567890(B", ""},
                    PatternCase{DocumentType::kPassport, "E12345678", "E12345678"},
                    PatternCase{DocumentType::kPassport, "ea1234567", "EA1234567"},
                    PatternCase{DocumentType::kPassport, "X1234", "X1234"},
                    PatternCase{DocumentType::kPassport, "ABCDEFGH", ""},
                    PatternCase{DocumentType::kPassport, "E1234-5678", ""},
                    PatternCase{DocumentType::kPassport, "E123", ""},
                    PatternCase{DocumentType::kPassport, "E12345678901234567890", ""}));

TEST(IdPatternDocument, PassportIsNotDetectedWithoutADeclaredType) {
  auto r = parse_id_number("E12345678", kToday);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIdBadLength);
  EXPECT_NE(r.error().message.find("证件类型"), std::string::npos);
}

TEST(IdDocumentType, NamesAreStableAndRoundTrip) {
  const std::pair<DocumentType, std::string_view> expected[] = {
      {DocumentType::kResidentId, "resident_id"},
      {DocumentType::kHmtResidencePermit, "hmt_residence_permit"},
      {DocumentType::kForeignPermanentResident, "foreign_permanent_resident"},
      {DocumentType::kHkMacaoPermit, "hk_macao_permit"},
      {DocumentType::kTaiwanPermit, "taiwan_permit"},
      {DocumentType::kPassport, "passport"},
  };
  for (auto [type, name] : expected) {
    EXPECT_EQ(document_type_name(type), name);
    EXPECT_EQ(document_type_from_name(name), type);
    EXPECT_FALSE(document_type_name_zh(type).empty());
  }
  EXPECT_EQ(document_type_name_zh(DocumentType::kResidentId), "居民身份证");
  EXPECT_EQ(document_type_name_zh(DocumentType::kHmtResidencePermit), "港澳台居民居住证");
  EXPECT_EQ(document_type_name_zh(DocumentType::kForeignPermanentResident), "外国人永久居留身份证");
  EXPECT_EQ(document_type_name_zh(DocumentType::kHkMacaoPermit), "港澳居民来往内地通行证");
  EXPECT_EQ(document_type_name_zh(DocumentType::kTaiwanPermit), "台湾居民来往大陆通行证");
  EXPECT_EQ(document_type_name_zh(DocumentType::kPassport), "护照");
  EXPECT_EQ(document_type_from_name("Resident_ID"), std::nullopt);
}

}  // namespace
}  // namespace rc::identity
