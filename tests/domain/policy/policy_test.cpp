#include <gtest/gtest.h>

#include "domain/policy/policy_catalog.h"
#include "domain/policy/policy_json.h"

namespace rc {
namespace {

using nlohmann::json;

CivilDate day(const char* t) { return CivilDate::parse(t).value(); }

json shipped_document(std::string_view name) {
  for (const auto& [file, text] : embedded_policy_files())
    if (file == name) return json::parse(text);
  ADD_FAILURE() << "not shipped: " << name;
  return json::object();
}

TEST(ShippedPolicies, BothParse) {
  auto c = PolicyCatalog::embedded();
  ASSERT_TRUE(c) << c.error().field << ": " << c.error().message;
  ASSERT_EQ(c->policies().size(), 2u);
  EXPECT_EQ(c->policies()[0].id, "policy-2025");
  EXPECT_EQ(c->policies()[1].id, "policy-2026-09");
}

TEST(ShippedPolicies, Policy2025HoldsTheRules) {
  const auto catalog = PolicyCatalog::embedded().value();
  const Policy& p = **catalog.by_id("policy-2025");
  EXPECT_EQ(p.open_levels, std::vector<int>{5});
  EXPECT_EQ(p.age.min_age, 18);
  EXPECT_FALSE(p.age.max_age);
  EXPECT_EQ(p.theory.single_choice.count, 80);
  EXPECT_EQ(p.theory.true_false.count, 20);
  EXPECT_EQ(p.theory.max_score(), 100);
  EXPECT_EQ(p.theory.duration_minutes, 100);
  EXPECT_EQ(p.theory.pass_mark, 60);
  EXPECT_EQ(p.practical.mandatory_weight_bp, 7500);
  EXPECT_EQ(p.practical.drawn.at(0).share_bp, 6000);
  EXPECT_EQ(p.publication_delay_days, 15);
  EXPECT_EQ(p.filing_delay_min_days, 20);
  EXPECT_EQ(p.windows.theory_retake_years, 1);
  EXPECT_EQ(p.windows.pass_validity_years, 1);
  EXPECT_EQ(p.late_arrival_minutes, 15);
  EXPECT_EQ(p.fees.retake_fee_fen, 0);
  EXPECT_EQ(p.fees.makeup_fee_fen, 0);
  EXPECT_FALSE(p.certificate.validity_years);  // life
  EXPECT_FALSE(p.registration_cap);
}

TEST(ShippedPolicies, Policy2026HasProvisionalFourYearCertificates) {
  const auto catalog = PolicyCatalog::embedded().value();
  const Policy& p = **catalog.by_id("policy-2026-09");
  EXPECT_EQ(p.effective_from, day("2026-09-01"));
  EXPECT_EQ(p.certificate.validity_years, 4);
  EXPECT_TRUE(p.certificate.provisional);
  EXPECT_FALSE(p.certificate.note.empty());
}

TEST(PolicyCatalog, InForceOnFollowsD18) {
  auto c = PolicyCatalog::embedded().value();
  EXPECT_EQ((*c.in_force_on(day("2019-01-01")))->id, "policy-2025");
  EXPECT_EQ((*c.in_force_on(day("2024-01-10")))->id, "policy-2025");
  EXPECT_EQ((*c.in_force_on(day("2026-08-31")))->id, "policy-2025");
  EXPECT_EQ((*c.in_force_on(day("2026-09-01")))->id, "policy-2026-09");
  EXPECT_EQ((*c.in_force_on(day("2040-01-01")))->id, "policy-2026-09");
  EXPECT_EQ(c.in_force_on(day("2018-12-31")).error().code, ErrorCode::kNoPolicyInForce);
}

TEST(PolicyCatalog, EffectiveUntilLeavesAGap) {
  Policy p = **PolicyCatalog::embedded()->by_id("policy-2025");  // until 2026-08-31
  auto c = PolicyCatalog::from_policies({p}).value();
  EXPECT_EQ(c.in_force_on(day("2026-09-01")).error().code, ErrorCode::kNoPolicyInForce);
}

TEST(PolicyCatalog, ByIdUnknown) {
  auto r = PolicyCatalog::embedded()->by_id("policy-1999");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnknownPolicy);
  EXPECT_EQ(r.error().field, "policy");
}

TEST(PolicyCatalog, DuplicatesRefused) {
  Policy p = **PolicyCatalog::embedded()->by_id("policy-2025");
  EXPECT_EQ(PolicyCatalog::from_policies({p, p}).error().code, ErrorCode::kBadPolicy);
  Policy q = p;
  q.id = "other";
  EXPECT_EQ(PolicyCatalog::from_policies({p, q}).error().field, "effective_from");
  EXPECT_EQ(PolicyCatalog::from_policies({}).error().code, ErrorCode::kBadPolicy);
}

TEST(PolicyCatalog, DocumentErrorsNameTheFile) {
  auto r = PolicyCatalog::from_documents({{"broken.json", "{"}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kBadPolicy);
  EXPECT_NE(r.error().message.find("broken.json"), std::string::npos);
}

// Each mutation of the shipped document must be refused naming `field`.
struct Mutation {
  const char* name;
  std::function<void(json&)> apply;
  const char* field;
};

class PolicyDocument : public ::testing::TestWithParam<Mutation> {};

TEST_P(PolicyDocument, StrictParsingNamesTheField) {
  json doc = shipped_document("policy-2025.json");
  GetParam().apply(doc);
  auto r = parse_policy(doc);
  ASSERT_FALSE(r) << GetParam().name;
  EXPECT_EQ(r.error().code, ErrorCode::kBadPolicy);
  EXPECT_EQ(r.error().field, GetParam().field) << r.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Refusals, PolicyDocument,
    ::testing::Values(
        Mutation{"unknown_top", [](json& d) { d["retake_years"] = 1; }, "retake_years"},
        Mutation{"unknown_nested", [](json& d) { d["retakes"]["makeup_months"] = 6; }, "retakes.makeup_months"},
        Mutation{"missing_id", [](json& d) { d.erase("id"); }, "id"},
        Mutation{"bad_id", [](json& d) { d["id"] = "Policy 2025"; }, "id"},
        Mutation{"bad_date", [](json& d) { d["effective_from"] = "2025-02-30"; }, "effective_from"},
        Mutation{"until_before_from", [](json& d) { d["effective_until"] = "2018-01-01"; }, "effective_until"},
        Mutation{"missing_until", [](json& d) { d.erase("effective_until"); }, "effective_until"},
        Mutation{"wrong_occupation", [](json& d) { d["occupation"]["code"] = "3-02-03-09"; }, "occupation.code"},
        Mutation{"level_six", [](json& d) { d["occupation"]["open_levels"] = json::array({6}); }, "occupation.open_levels[0]"},
        Mutation{"no_levels", [](json& d) { d["occupation"]["open_levels"] = json::array(); }, "occupation.open_levels"},
        Mutation{"age_string", [](json& d) { d["eligibility"]["min_age"] = "18"; }, "eligibility.min_age"},
        Mutation{"max_below_min", [](json& d) { d["eligibility"]["max_age"] = 17; }, "eligibility.max_age"},
        Mutation{"pass_mark_over_max", [](json& d) { d["theory"]["pass_mark"] = 101; }, "theory.pass_mark"},
        Mutation{"float_count", [](json& d) { d["theory"]["single_choice"]["count"] = 80.5; }, "theory.single_choice.count"},
        Mutation{"weights_sum", [](json& d) { d["practical"]["drawn"]["weight_bp"] = 2000; }, "practical.mandatory.weight_bp"},
        Mutation{"shares_sum", [](json& d) { d["practical"]["drawn"]["groups"][1]["share_bp"] = 3000; }, "practical.drawn.groups"},
        Mutation{"item_key", [](json& d) { d["practical"]["mandatory"]["items"][0]["points"] = 15; }, "practical.mandatory.items[0].points"},
        Mutation{"zero_window", [](json& d) { d["retakes"]["theory_retake_years"] = 0; }, "retakes.theory_retake_years"},
        Mutation{"negative_fee", [](json& d) { d["fees"]["exam_fee_fen"] = -1; }, "fees.exam_fee_fen"},
        Mutation{"filing_inverted", [](json& d) { d["results"]["certificate_filing_days"]["max"] = 10; }, "results.certificate_filing_days.max"},
        Mutation{"validity_zero", [](json& d) { d["certificate"]["validity_years"] = 0; }, "certificate.validity_years"},
        Mutation{"not_object", [](json& d) { d = json::array(); }, "$"}),
    [](const ::testing::TestParamInfo<Mutation>& info) { return std::string(info.param.name); });

TEST(PolicyDocument, TextThatIsNotJson) {
  auto r = parse_policy_text("not json");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kBadPolicy);
  EXPECT_EQ(r.error().field, "$");
}

}  // namespace
}  // namespace rc
