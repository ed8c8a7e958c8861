// D1–D15 as the engine applies them (D16 is identity's, D18 is in policy_choice_test.cpp).
#include <gtest/gtest.h>

#include "domain/rules/attendance.h"
#include "domain/rules/history_builder.h"

namespace rc::rules {
namespace {

using namespace rc::rules::testing;

TEST(D1, FailedTheoryRetakeEndsTheRegistration) {
  auto d = run(one_registration("2025-09-01", "2025-02-01",
                                {theory("2025-03-15", kFirst, kFail), practical("2025-03-15", kFirst, kPass), theory("2025-08-20", kRetake, kFail)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->theory.status, SubjectStatus::kExhausted);
  EXPECT_EQ(d->theory.rule, "D1");
  EXPECT_EQ(d->registration_status, RegistrationStatus::kEnded);
}

TEST(D1, OpenPracticalRightIsLostWhenTheoryEndsTheRegistration) {
  auto d = run(one_registration("2025-09-01", "2025-02-01",
                                {theory("2025-03-15", kFirst, kFail), practical("2025-03-15", kFirst, kFail),
                                 practical("2025-03-15", kOnsite, kFail), theory("2025-08-20", kRetake, kFail)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->practical.status, SubjectStatus::kForfeited);
  EXPECT_EQ(d->practical.rule, "D1");
  EXPECT_FALSE(d->practical.deadline.has_value());
}

TEST(D2, LeapDayWindowEndsOnFebruary28) {
  auto d = run(one_registration("2024-06-01", "2024-01-10", {theory("2024-02-29", kFirst, kFail), practical("2024-02-29", kFirst, kPass)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->theory.deadline, day("2025-02-28"));
  EXPECT_EQ(d->practical.valid_until, day("2025-02-28"));
  auto after = run(one_registration("2025-03-01", "2024-01-10", {theory("2024-02-29", kFirst, kFail)}));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->theory.status, SubjectStatus::kForfeited);
}

TEST(D2, WindowCountsFromTheAttemptNotFromPublication) {
  auto d = run(one_registration("2025-12-31", "2025-12-01", {theory("2025-12-31", kFirst, kFail)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->theory.deadline, day("2026-12-30"));
}

TEST(D3, OnsiteRetakeDoesNotUseUpTheYearRetake) {
  auto d = run(one_registration("2025-10-01", "2025-02-01",
                                {theory("2025-03-15", kFirst, kPass), practical("2025-03-15", kFirst, kFail),
                                 practical("2025-03-15", kOnsite, kFail), practical("2025-09-10", kRetake, kPass)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->registration_status, RegistrationStatus::kCompleted);
}

TEST(D4, DeclinedOnsiteRetakeCountsAsFailed) {
  auto d = run(one_registration("2025-03-15", "2025-02-01", {practical("2025-03-15", kFirst, kFail), practical("2025-03-15", kOnsite, kDeclined)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->practical.status, SubjectStatus::kRetakeAvailable);
  EXPECT_EQ(d->practical.rule, "R12c");
  EXPECT_NE(d->explanation.at(1).find("D4"), std::string::npos);
}

TEST(D4, UnrecordedOnsiteRetakeAfterTheDayCountsAsDeclined) {
  auto d = run(one_registration("2025-03-16", "2025-02-01", {practical("2025-03-15", kFirst, kFail)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->practical.status, SubjectStatus::kRetakeAvailable);
  EXPECT_EQ(d->practical.deadline, day("2026-03-14"));
  EXPECT_EQ(d->practical.rule, "R12c");
  EXPECT_EQ(d->explanation.at(1),
            "技能考核 2025-03-15 未通过且当天未参加现场补考，视为现场补考未通过（D4）：可在 2026-03-14 前免费补考一次（R12c）");
}

TEST(D4, RetakeDirectlyAfterAnUnrecordedOnsiteRetakeIsAccepted) {
  auto d = run(one_registration("2025-10-01", "2025-02-01", {practical("2025-03-15", kFirst, kFail), practical("2025-06-01", kRetake, kPass)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->practical.status, SubjectStatus::kPassed);
}

TEST(D5, AbsentFromARetakeUsesItUp) {
  auto d = run(one_registration("2025-09-01", "2025-02-01", {theory("2025-03-15", kFirst, kFail), theory("2025-08-20", kRetake, kAbsent)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->theory.status, SubjectStatus::kExhausted);
  EXPECT_EQ(d->theory.rule, "D5");
  EXPECT_EQ(d->registration_status, RegistrationStatus::kEnded);
}

TEST(D5, AbsentFromAMakeupUsesItUp) {
  auto d = run(one_registration("2025-09-01", "2025-02-01", {practical("2025-03-15", kFirst, kAbsent), practical("2025-08-20", kMakeup, kAbsent)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->practical.status, SubjectStatus::kExhausted);
  EXPECT_EQ(d->practical.rule, "D5");
}

TEST(D6, PassIsValidForOneYear) {
  auto d = run(one_registration("2026-03-14", "2025-02-01", {practical("2025-03-15", kFirst, kPass)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->practical.status, SubjectStatus::kPassed);
  EXPECT_EQ(d->practical.valid_until, day("2026-03-14"));
}

TEST(D6, PassLapsingBeforeTheOtherSubjectExpires) {
  auto d = run(one_registration("2026-03-15", "2025-02-01", {practical("2025-03-15", kFirst, kPass)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->practical.status, SubjectStatus::kExpired);
  EXPECT_EQ(d->practical.rule, "D6");
  EXPECT_EQ(d->practical.passed_on, day("2025-03-15"));
  EXPECT_EQ(d->registration_status, RegistrationStatus::kEnded);
  EXPECT_TRUE(d->reregistration_required);
  EXPECT_EQ(d->theory.status, SubjectStatus::kForfeited);
}

TEST(D6, SecondPassOnTheLastValidDayCompletes) {
  auto d = run(one_registration("2026-06-01", "2025-02-01", {practical("2025-03-15", kFirst, kPass), theory("2026-03-14", kFirst, kPass)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->registration_status, RegistrationStatus::kCompleted);
  EXPECT_TRUE(d->certificate_eligible);
}

TEST(D6, SecondPassAfterTheFirstLapsedIsRefused) {
  auto d = run(one_registration("2026-06-01", "2025-02-01", {practical("2025-03-15", kFirst, kPass), theory("2026-03-15", kFirst, kPass)}));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kRegistrationEnded);
  EXPECT_EQ(d.error().rule, "D6");
  EXPECT_EQ(d.error().field, "registrations[0].sittings[1].date");
}

TEST(D6, RetakeDeadlineIsClippedToTheOtherPassValidity) {
  // Theory absent, make-up failed later (D7): the R12a window outlives the practical pass.
  auto d = run(one_registration("2025-09-01", "2025-02-01",
                                {theory("2025-03-15", kFirst, kAbsent), practical("2025-03-15", kFirst, kPass), theory("2025-08-01", kMakeup, kFail)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->theory.status, SubjectStatus::kRetakeAvailable);
  EXPECT_EQ(d->theory.deadline, day("2026-03-14"));
  EXPECT_EQ(d->theory.cause, day("2025-08-01"));
}

TEST(D6, CompletedStaysCompletedAfterThePassesLapse) {
  auto d = run(one_registration("2030-01-01", "2025-02-01", {theory("2025-03-15", kFirst, kPass), practical("2025-03-15", kFirst, kPass)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->registration_status, RegistrationStatus::kCompleted);
}

TEST(D7, FailedMakeupOpensTheOrdinaryRetakeFromTheMakeupDate) {
  auto d = run(one_registration("2025-09-01", "2025-02-01", {theory("2025-03-15", kFirst, kAbsent), theory("2025-08-01", kMakeup, kFail)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->theory.status, SubjectStatus::kRetakeAvailable);
  EXPECT_EQ(d->theory.kind, SittingKind::kRetake);
  EXPECT_EQ(d->theory.rule, "R12a");
  EXPECT_EQ(d->theory.deadline, day("2026-07-31"));
  EXPECT_NE(d->explanation.at(0).find("D7"), std::string::npos);
}

TEST(D7, FailedPracticalMakeupOpensTheOnsiteRetakeThatDay) {
  auto d = run(one_registration("2025-08-01", "2025-02-01", {practical("2025-03-15", kFirst, kAbsent), practical("2025-08-01", kMakeup, kFail)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->practical.status, SubjectStatus::kOnsiteRetakeAvailable);
  EXPECT_EQ(d->practical.deadline, day("2025-08-01"));
  auto later = run(one_registration("2025-09-01", "2025-02-01",
                                    {practical("2025-03-15", kFirst, kAbsent), practical("2025-08-01", kMakeup, kFail),
                                     practical("2025-08-01", kOnsite, kFail)}));
  ASSERT_TRUE(later);
  EXPECT_EQ(later->practical.deadline, day("2026-07-31"));
  EXPECT_EQ(later->practical.rule, "R12c");
}

TEST(D8, AbsentFromOneAndFailedTheOtherRunInParallel) {
  auto d = run(one_registration("2025-04-01", "2025-02-01",
                                {theory("2025-03-15", kFirst, kAbsent), practical("2025-03-15", kFirst, kFail), practical("2025-03-15", kOnsite, kFail)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->theory.kind, SittingKind::kMakeup);
  EXPECT_EQ(d->theory.rule, "R12e");
  EXPECT_EQ(d->practical.kind, SittingKind::kRetake);
  EXPECT_EQ(d->practical.rule, "R12c");
  EXPECT_EQ(d->registration_status, RegistrationStatus::kActive);
}

TEST(D8, EachRightKeepsItsOwnWindow) {
  auto d = run(one_registration("2025-09-01", "2025-02-01",
                                {theory("2025-03-15", kFirst, kFail), practical("2025-03-15", kFirst, kAbsent),
                                 practical("2025-06-01", kMakeup, kFail), practical("2025-06-01", kOnsite, kFail)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->theory.deadline, day("2026-03-14"));
  EXPECT_EQ(d->practical.deadline, day("2026-05-31"));
}

History void_then_new_registration(const char* today) {
  History h = one_registration(today, "2025-02-01", {theory("2025-03-15", kFirst, kAbsent), practical("2025-03-15", kFirst, kAbsent)});
  h.registrations.push_back(Registration{day("2025-04-01"), true,
                                         {theory("2025-05-10", kFirst, kFail), practical("2025-05-10", kFirst, kPass)}});
  return h;
}

TEST(D9, RegistrationAfterAVoidSittingIsOrdinary) {
  auto d = run(void_then_new_registration("2025-06-01"));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->registration_status, RegistrationStatus::kActive);
  EXPECT_EQ(d->theory.status, SubjectStatus::kRetakeAvailable);
  EXPECT_EQ(d->theory.rule, "R12a");
  EXPECT_EQ(d->theory.free, true);
}

TEST(D10, NoCapOnRegistrationsByDefault) {
  History h = one_registration("2029-01-01", "2020-01-01", {theory("2020-02-01", kFirst, kVoid)});
  for (int y = 2021; y <= 2025; ++y) {
    std::string reg = std::to_string(y) + "-01-01", sit = std::to_string(y) + "-02-01";
    h.registrations.push_back(Registration{day(reg.c_str()), true, {theory(sit.c_str(), kFirst, kVoid)}});
  }
  auto d = run(h);
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->registration_status, RegistrationStatus::kEnded);
}

TEST(D11, ArrivingMoreThanFifteenMinutesLateIsAbsent) {
  const Policy& p = **shipped().by_id("policy-2025");
  EXPECT_FALSE(late_arrival_counts_as_absent(0, p));
  EXPECT_FALSE(late_arrival_counts_as_absent(15, p));
  EXPECT_TRUE(late_arrival_counts_as_absent(16, p));
}

TEST(D12, CheatingVoidsTheSubjectWithNoFreeRetake) {
  auto d = run(one_registration("2025-04-01", "2025-02-01", {theory("2025-03-15", kFirst, kVoid), practical("2025-03-15", kFirst, kPass)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->theory.status, SubjectStatus::kExhausted);
  EXPECT_EQ(d->theory.rule, "D12");
  EXPECT_EQ(d->registration_status, RegistrationStatus::kEnded);
  auto retake = run(one_registration("2025-05-01", "2025-02-01", {theory("2025-03-15", kFirst, kVoid), theory("2025-04-15", kRetake, kPass)}));
  ASSERT_FALSE(retake);
}

TEST(D12, CheatingAtTheOnsiteRetakeLeavesNoYearRetake) {
  auto d = run(one_registration("2025-04-01", "2025-02-01", {practical("2025-03-15", kFirst, kFail), practical("2025-03-15", kOnsite, kVoid)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->practical.status, SubjectStatus::kExhausted);
  EXPECT_EQ(d->practical.rule, "D12");
}

TEST(D13, AnAppealIsAChangedHistoryEvaluatedAfresh) {
  History h = one_registration("2025-04-20", "2025-02-01", {theory("2025-03-15", kFirst, kFail), practical("2025-03-15", kFirst, kPass)});
  auto before = run(h);
  h.registrations[0].sittings[0].outcome = kPass;  // 成绩复核 corrected the result
  auto after = run(h);
  ASSERT_TRUE(before && after);
  EXPECT_EQ(before->registration_status, RegistrationStatus::kActive);
  EXPECT_EQ(after->registration_status, RegistrationStatus::kCompleted);
}

TEST(D14, AgeIsCheckedOnTheRegistrationDay) {
  // 18th birthday on 2026-04-01: registering that day is fine, the day before is not.
  auto ok = run(one_registration("2026-05-01", "2026-04-01", {}, "2008-04-01"));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->registration_status, RegistrationStatus::kActive);
  auto young = run(one_registration("2026-05-01", "2026-03-31", {}, "2008-04-01"));
  ASSERT_TRUE(young);
  EXPECT_EQ(young->registration_status, RegistrationStatus::kIneligible);
  EXPECT_TRUE(young->reregistration_required);
  EXPECT_FALSE(young->certificate_eligible);
  EXPECT_EQ(young->theory.rule, "D14");
  EXPECT_NE(young->explanation.at(0).find("未满 18 周岁"), std::string::npos);
}

TEST(D14, LeapDayBirthdayTurnsEighteenOnMarchFirst) {
  auto feb28 = run(one_registration("2025-03-10", "2025-02-28", {}, "2004-02-29"));
  ASSERT_TRUE(feb28);
  EXPECT_EQ(feb28->registration_status, RegistrationStatus::kActive);  // 2004-02-29 is 21 by then
  auto young = run(one_registration("2026-03-10", "2026-02-28", {}, "2008-02-29"));
  ASSERT_TRUE(young);
  EXPECT_EQ(young->registration_status, RegistrationStatus::kIneligible);
  auto of_age = run(one_registration("2026-03-10", "2026-03-01", {}, "2008-02-29"));
  ASSERT_TRUE(of_age);
  EXPECT_EQ(of_age->registration_status, RegistrationStatus::kActive);
}

TEST(D15, UnpaidReregistrationHasNoSittings) {
  History h = void_then_new_registration("2025-06-01");
  h.registrations[1].fee_paid = false;
  auto d = run(h);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().field, "registrations[1].fee_paid");
  EXPECT_EQ(d.error().rule, "D15");
}

TEST(D15, UnpaidReregistrationWithoutSittingsWaitsForPayment) {
  History h = void_then_new_registration("2025-06-01");
  h.registrations[1].fee_paid = false;
  h.registrations[1].sittings.clear();
  auto d = run(h);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->registration_status, RegistrationStatus::kActive);
  EXPECT_EQ(d->theory.status, SubjectStatus::kPending);
  EXPECT_NE(d->explanation.back().find("D15"), std::string::npos);
}

TEST(D15, RetakesAndMakeupsAreFree) {
  auto d = run(one_registration("2025-04-01", "2025-02-01", {theory("2025-03-15", kFirst, kAbsent), practical("2025-03-15", kFirst, kFail)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->theory.free, true);
  EXPECT_EQ(d->practical.free, true);
}

TEST(D17, ResultsAppearFifteenDaysAfterTheExam) {
  const Policy& p = **shipped().by_id("policy-2025");
  EXPECT_EQ(results_published_on(day("2025-03-15"), p), day("2025-03-30"));
  EXPECT_FALSE(results_visible(day("2025-03-15"), day("2025-03-29"), p));
  EXPECT_TRUE(results_visible(day("2025-03-15"), day("2025-03-30"), p));
  const FilingWindow w = certificate_filing_window(day("2025-03-15"), p);
  EXPECT_EQ(w.earliest, day("2025-04-04"));
  EXPECT_EQ(w.latest, day("2025-04-14"));
}

}  // namespace
}  // namespace rc::rules
