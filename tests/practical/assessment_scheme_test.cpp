// Practical assessment schemes as data (F12, R7): the shipped scheme, strict parsing with the
// field named, catalog lookup per region and exam version, agreement with the policy's formula.
#include "practical/assessment_scheme.h"

#include "domain/policy/policy_catalog.h"
#include "practical_fixtures.h"

namespace rc::practical {
namespace {

using testing::national;
using testing::national_json;

TEST(AssessmentScheme, ShippedSchemeHasTheFourMandatoryItemsAndTwoDrawGroupsOfDomain13) {
  const auto& s = national();
  ASSERT_EQ(s.mandatory.size(), 4u);
  EXPECT_EQ(s.mandatory[0].max_points(), 15);  // 安全评估
  EXPECT_EQ(s.mandatory[1].max_points(), 20);  // 灭火器使用
  EXPECT_EQ(s.mandatory[2].max_points(), 40);  // 心肺复苏
  EXPECT_EQ(s.mandatory[3].max_points(), 25);  // 止血包扎
  ASSERT_EQ(s.drawn.size(), 2u);
  EXPECT_EQ(s.drawn[0].items[0].id, "rope_rescue");
  EXPECT_EQ(s.drawn[0].items[1].id, "airway_obstruction");
  EXPECT_EQ(s.drawn[1].items[0].id, "sign_recognition");
  EXPECT_EQ(s.drawn[1].items[1].id, "triage");
  EXPECT_EQ(s.drawn[0].items[0].pick.count, 4);
  EXPECT_EQ(s.drawn[0].items[0].pick.pool.size(), 8u);
  EXPECT_EQ(s.examiners.min, 3);
  EXPECT_TRUE(s.examiners.odd);
  EXPECT_EQ(s.vetoes.size(), 2u);
}

TEST(AssessmentScheme, AgreesWithTheFormulaOfBothShippedPolicies) {
  auto policies = PolicyCatalog::embedded();
  ASSERT_TRUE(policies);
  for (const char* id : {"policy-2025", "policy-2026-09"}) {
    auto p = policies->by_id(id);
    ASSERT_TRUE(p);
    EXPECT_TRUE(check_formula_agrees(national(), (*p)->practical)) << id;
  }
}

TEST(AssessmentScheme, AFormulaThatDiffersFromThePolicyIsRefused) {
  auto j = national_json();
  j["mandatory"]["weight_bp"] = 7000;
  j["drawn"]["weight_bp"] = 3000;
  auto s = parse_assessment_scheme(j.dump());
  ASSERT_TRUE(s) << s.error().message;
  auto policies = PolicyCatalog::embedded();
  auto r = check_formula_agrees(*s, (*policies->by_id("policy-2025"))->practical);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kBadScoringScheme);
  EXPECT_EQ(r.error().field, "exam_version");
}

struct BadCase {
  const char* name;
  void (*mutate)(nlohmann::json&);
  const char* field;
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

class BadScheme : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadScheme, IsRefusedWithTheFieldNamed) {
  auto j = national_json();
  GetParam().mutate(j);
  auto s = parse_assessment_scheme(j.dump());
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kBadScoringScheme);
  EXPECT_EQ(s.error().field, GetParam().field);
  EXPECT_FALSE(s.error().message.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadScheme,
    ::testing::Values(
        BadCase{"line_points_zero", [](nlohmann::json& j) { j["mandatory"]["items"][2]["lines"][7]["points"] = 0; },
                "mandatory.items[2].lines[7].points"},
        BadCase{"mandatory_not_100", [](nlohmann::json& j) { j["mandatory"]["items"][0]["lines"][0]["points"] = 5; },
                "mandatory.items"},
        BadCase{"drawn_item_not_100", [](nlohmann::json& j) { j["drawn"]["groups"][1]["items"][1]["lines"][0]["points"] = 9; },
                "drawn.groups[1].items[1].lines"},
        BadCase{"shares_not_10000", [](nlohmann::json& j) { j["drawn"]["groups"][0]["share_bp"] = 5000; }, "drawn.groups"},
        BadCase{"unknown_key", [](nlohmann::json& j) { j["mandatory"]["items"][1]["bonus"] = 1; }, "mandatory.items[1].bonus"},
        BadCase{"duplicate_line", [](nlohmann::json& j) { j["mandatory"]["items"][0]["lines"][1]["id"] = "observe"; },
                "mandatory.items[0].lines[1].id"},
        BadCase{"veto_of_unknown_item", [](nlohmann::json& j) { j["vetoes"][0]["item"] = "swimming"; }, "vetoes[0].item"},
        BadCase{"combine_unknown", [](nlohmann::json& j) { j["combine"] = "max"; }, "combine"},
        BadCase{"pick_more_than_pool", [](nlohmann::json& j) { j["drawn"]["groups"][0]["items"][0]["pick"]["count"] = 9; },
                "drawn.groups[0].items[0].pick.count"},
        BadCase{"region_not_6_digits", [](nlohmann::json& j) { j["region"] = "51"; }, "region"},
        BadCase{"examiners_wrong_type", [](nlohmann::json& j) { j["examiners"]["min"] = "three"; }, "examiners.min"},
        BadCase{"missing_pass_mark", [](nlohmann::json& j) { j.erase("pass_mark"); }, "pass_mark"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(AssessmentScheme, MalformedJsonIsABadScheme) {
  auto s = parse_assessment_scheme("{\"id\": ");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kBadScoringScheme);
  auto dup = parse_assessment_scheme(R"({"id":"a","id":"b"})");
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kBadScoringScheme);
}

TEST(SchemeCatalog, ARegionsOwnSchemeWinsOverTheNationalDefault) {
  auto base = national_json();
  auto own = base;
  own["id"] = "practical-511300-2019.1";
  own["region"] = "511300";
  own["combine"] = "mean";
  const std::string a = base.dump(), b = own.dump();
  auto c = SchemeCatalog::from_documents({{"national.json", a}, {"nanchong.json", b}});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ((*c->for_exam("practical-r7-2019", "511300"))->id, "practical-511300-2019.1");
  EXPECT_EQ((*c->for_exam("practical-r7-2019", "510100"))->id, "practical-000000-2019.1");
  auto none = c->for_exam("practical-r7-2031", "511300");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
}

TEST(SchemeCatalog, TwoSchemesForOneVersionAndRegionAreRefusedNamingTheFile) {
  auto base = national_json();
  auto twin = base;
  twin["id"] = "practical-000000-2019.2";
  const std::string a = base.dump(), b = twin.dump();
  auto c = SchemeCatalog::from_documents({{"a.json", a}, {"b.json", b}});
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::kBadScoringScheme);
  EXPECT_EQ(c.error().field, "b.json: region");
}

TEST(AssessmentScheme, ExaminerCountMustBeOddAndAtLeastThreeByDefault) {
  const auto& s = national();
  for (int n : {1, 2, 4, 10}) {
    auto r = s.check_examiner_count(n);
    ASSERT_FALSE(r) << n;
    EXPECT_EQ(r.error().code, ErrorCode::kPracticalExaminers);
  }
  for (int n : {3, 5, 7, 9}) EXPECT_TRUE(s.check_examiner_count(n)) << n;
}

}  // namespace
}  // namespace rc::practical
