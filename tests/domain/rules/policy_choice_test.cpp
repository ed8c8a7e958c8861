// D18: a registration follows the policy in force on its registration date.
#include <gtest/gtest.h>

#include "domain/rules/history_builder.h"

namespace rc::rules {
namespace {

using namespace rc::rules::testing;

TEST(D18, PolicyChangesOnSeptemberFirst2026) {
  auto before = run(one_registration("2026-10-01", "2026-08-31", {}));
  auto after = run(one_registration("2026-10-01", "2026-09-01", {}));
  ASSERT_TRUE(before && after);
  EXPECT_EQ(before->policy_id, "policy-2025");
  EXPECT_EQ(after->policy_id, "policy-2026-09");
}

TEST(D18, OldRegistrationsUseTheBasePolicy) {
  auto d = run(one_registration("2024-06-01", "2024-01-10", {}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->policy_id, "policy-2025");
}

TEST(D18, TheLatestRegistrationDecidesThePolicyReported) {
  History h = one_registration("2026-10-01", "2025-02-01", {theory("2025-03-15", kFirst, kVoid)});
  h.registrations.push_back(Registration{day("2026-09-02"), true, {}});
  auto d = run(h);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->policy_id, "policy-2026-09");
}

TEST(D18, ExplicitPolicyOverridesTheDate) {
  History h = one_registration("2026-10-01", "2026-08-31", {});
  h.policy = "policy-2026-09";
  auto d = run(h);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->policy_id, "policy-2026-09");
}

TEST(D18, NoPolicyBeforeTheBasePolicy) {
  auto d = run(one_registration("2019-01-01", "2018-12-31", {}));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kNoPolicyInForce);
  EXPECT_EQ(d.error().field, "registrations[0].registered_on");
}

TEST(D18, RegistrationCapFromThePolicy) {
  Policy p = **shipped().by_id("policy-2025");
  p.registration_cap = 1;
  auto capped = PolicyCatalog::from_policies({p}).value();
  History h = one_registration("2025-09-01", "2025-02-01", {theory("2025-03-15", kFirst, kVoid)});
  h.registrations.push_back(Registration{day("2025-06-01"), true, {}});
  auto d = evaluate(h, capped);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().rule, "D10");
}

TEST(D18, WindowsComeFromThePolicy) {
  Policy p = **shipped().by_id("policy-2025");
  p.windows.theory_retake_years = 2;
  auto catalog = PolicyCatalog::from_policies({p}).value();
  auto d = evaluate(one_registration("2025-04-01", "2025-02-01", {theory("2025-03-15", kFirst, kFail)}), catalog);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->theory.deadline, day("2027-03-14"));
}

TEST(D15, NonZeroRetakeFeeIsNotFree) {
  Policy p = **shipped().by_id("policy-2025");
  p.fees.retake_fee_fen = 5050;
  auto catalog = PolicyCatalog::from_policies({p}).value();
  auto d = evaluate(one_registration("2025-04-01", "2025-02-01", {theory("2025-03-15", kFirst, kFail)}), catalog);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->theory.free, false);
  EXPECT_NE(d->explanation.at(0).find("50.50 元"), std::string::npos) << d->explanation.at(0);
}

}  // namespace
}  // namespace rc::rules
