// R12a–f, one test (or a few) per rule, through rules::evaluate on typed histories.
#include <gtest/gtest.h>

#include "domain/rules/history_builder.h"

namespace rc::rules {
namespace {

using namespace rc::rules::testing;

TEST(R12a, TheoryFailGivesOneFreeRetakeWithinAYear) {
  auto d = run(one_registration("2025-04-20", "2025-02-01", {theory("2025-03-15", kFirst, kFail), practical("2025-03-15", kFirst, kPass)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->registration_status, RegistrationStatus::kActive);
  EXPECT_EQ(d->theory.status, SubjectStatus::kRetakeAvailable);
  EXPECT_EQ(d->theory.kind, SittingKind::kRetake);
  EXPECT_EQ(d->theory.deadline, day("2026-03-14"));
  EXPECT_EQ(d->theory.free, true);
  EXPECT_EQ(d->theory.rule, "R12a");
  EXPECT_EQ(d->theory.cause, day("2025-03-15"));
  EXPECT_EQ(d->explanation.at(0), "理论知识考试 2025-03-15 未通过：可在 2026-03-14 前免费补考一次（R12a）");
}

TEST(R12a, LastDayOfTheWindowIsStillOpenAndTheNextDayForfeits) {
  auto on_last = run(one_registration("2026-03-14", "2025-02-01", {theory("2025-03-15", kFirst, kFail)}));
  ASSERT_TRUE(on_last);
  EXPECT_EQ(on_last->theory.status, SubjectStatus::kRetakeAvailable);
  auto after = run(one_registration("2026-03-15", "2025-02-01", {theory("2025-03-15", kFirst, kFail)}));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->theory.status, SubjectStatus::kForfeited);
  EXPECT_EQ(after->theory.rule, "R12a");
  EXPECT_EQ(after->theory.deadline, day("2026-03-14"));
  EXPECT_EQ(after->registration_status, RegistrationStatus::kEnded);
  EXPECT_TRUE(after->reregistration_required);
}

TEST(R12a, RetakeOnTheLastDayCounts) {
  auto d = run(one_registration("2026-04-01", "2025-02-01",
                                {theory("2025-03-15", kFirst, kFail), practical("2025-03-15", kFirst, kPass),
                                 theory("2026-03-14", kRetake, kPass)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->registration_status, RegistrationStatus::kCompleted);
}

TEST(R12a, RetakeAfterTheDeadlineIsRefused) {
  auto d = run(one_registration("2026-04-01", "2025-02-01", {theory("2025-03-15", kFirst, kFail), theory("2026-03-15", kRetake, kPass)}));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kRegistrationEnded);
  EXPECT_EQ(d.error().field, "registrations[0].sittings[1].date");
  EXPECT_EQ(d.error().rule, "R12a");
}

TEST(R12b, PracticalFailGivesAnOnsiteRetakeTheSameDay) {
  auto d = run(one_registration("2025-03-15", "2025-02-01", {practical("2025-03-15", kFirst, kFail)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->practical.status, SubjectStatus::kOnsiteRetakeAvailable);
  EXPECT_EQ(d->practical.kind, SittingKind::kOnsiteRetake);
  EXPECT_EQ(d->practical.deadline, day("2025-03-15"));
  EXPECT_EQ(d->practical.rule, "R12b");
}

TEST(R12b, OnsiteRetakePassedCompletes) {
  auto d = run(one_registration("2025-03-20", "2025-02-01",
                                {theory("2025-03-15", kFirst, kPass), practical("2025-03-15", kFirst, kFail),
                                 practical("2025-03-15", kOnsite, kPass)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->registration_status, RegistrationStatus::kCompleted);
  EXPECT_EQ(d->practical.passed_on, day("2025-03-15"));
}

TEST(R12b, OnsiteRetakeOnAnotherDayIsRefused) {
  auto d = run(one_registration("2025-03-20", "2025-02-01", {practical("2025-03-15", kFirst, kFail), practical("2025-03-16", kOnsite, kPass)}));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kNoRightForSitting);
  EXPECT_EQ(d.error().field, "registrations[0].sittings[1].date");
}

TEST(R12c, OnsiteFailGivesAOneYearRetakeFromThatDay) {
  auto d = run(one_registration("2025-04-01", "2025-02-01",
                                {practical("2025-03-15", kFirst, kFail), practical("2025-03-15", kOnsite, kFail)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->practical.status, SubjectStatus::kRetakeAvailable);
  EXPECT_EQ(d->practical.kind, SittingKind::kRetake);
  EXPECT_EQ(d->practical.deadline, day("2026-03-14"));
  EXPECT_EQ(d->practical.rule, "R12c");
}

TEST(R12c, OnsiteFailStillShowsTheRetakeTheSameDay) {
  auto d = run(one_registration("2025-03-15", "2025-02-01",
                                {practical("2025-03-15", kFirst, kFail), practical("2025-03-15", kOnsite, kFail)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->practical.status, SubjectStatus::kRetakeAvailable);
}

TEST(R12d, ThirdPracticalFailEndsTheRegistration) {
  auto d = run(one_registration("2025-10-01", "2025-02-01",
                                {theory("2025-03-15", kFirst, kPass), practical("2025-03-15", kFirst, kFail),
                                 practical("2025-03-15", kOnsite, kFail), practical("2025-09-10", kRetake, kFail)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->practical.status, SubjectStatus::kExhausted);
  EXPECT_EQ(d->practical.rule, "R12d");
  EXPECT_EQ(d->registration_status, RegistrationStatus::kEnded);
  EXPECT_TRUE(d->reregistration_required);
  EXPECT_EQ(d->theory.status, SubjectStatus::kPassed);  // a pass stays on record
}

TEST(R12d, NoFourthPracticalAttempt) {
  auto d = run(one_registration("2025-10-01", "2025-02-01",
                                {practical("2025-03-15", kFirst, kFail), practical("2025-03-15", kOnsite, kFail),
                                 practical("2025-09-10", kRetake, kFail), practical("2025-09-10", kRetake, kPass)}));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kNoRightForSitting);
}

TEST(R12e, AbsentFromOneSubjectGivesAFreeMakeup) {
  auto d = run(one_registration("2025-04-01", "2025-02-01", {theory("2025-03-15", kFirst, kAbsent), practical("2025-03-15", kFirst, kPass)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->theory.status, SubjectStatus::kRetakeAvailable);
  EXPECT_EQ(d->theory.kind, SittingKind::kMakeup);
  EXPECT_EQ(d->theory.deadline, day("2026-03-14"));
  EXPECT_EQ(d->theory.rule, "R12e");
  EXPECT_EQ(d->theory.free, true);
}

TEST(R12e, MakeupNotTakenInTimeIsForfeited) {
  auto d = run(one_registration("2026-03-15", "2025-02-01", {practical("2025-03-15", kFirst, kAbsent)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->practical.status, SubjectStatus::kForfeited);
  EXPECT_EQ(d->practical.rule, "R12e");
  EXPECT_EQ(d->practical.kind, SittingKind::kMakeup);
  EXPECT_EQ(d->registration_status, RegistrationStatus::kEnded);
  // The theory first attempt, never taken, is lost with the registration.
  EXPECT_EQ(d->theory.status, SubjectStatus::kForfeited);
  EXPECT_EQ(d->theory.rule, "R12e");
}

TEST(R12e, MakeupWithoutAnAbsenceIsRefused) {
  auto d = run(one_registration("2025-04-01", "2025-02-01", {theory("2025-03-15", kFirst, kFail), theory("2025-03-20", kMakeup, kPass)}));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kNoRightForSitting);
  EXPECT_EQ(d.error().field, "registrations[0].sittings[1].kind");
}

TEST(R12f, AbsentFromBothAtTheFirstSittingIsVoid) {
  auto d = run(one_registration("2025-04-01", "2025-02-01", {theory("2025-03-15", kFirst, kAbsent), practical("2025-03-15", kFirst, kAbsent)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->registration_status, RegistrationStatus::kVoid);
  EXPECT_TRUE(d->reregistration_required);
  EXPECT_FALSE(d->certificate_eligible);
  EXPECT_EQ(d->theory.rule, "R12f");
  EXPECT_EQ(d->practical.status, SubjectStatus::kForfeited);
}

TEST(R12f, NoMakeupAfterAVoidSitting) {
  auto d = run(one_registration("2025-05-01", "2025-02-01",
                                {theory("2025-03-15", kFirst, kAbsent), practical("2025-03-15", kFirst, kAbsent),
                                 theory("2025-04-15", kMakeup, kPass)}));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kRegistrationEnded);
  EXPECT_EQ(d.error().rule, "R12f");
}

TEST(R12f, AbsencesOnDifferentDaysAreTwoMakeups) {
  auto d = run(one_registration("2025-05-01", "2025-02-01", {theory("2025-03-15", kFirst, kAbsent), practical("2025-04-10", kFirst, kAbsent)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->registration_status, RegistrationStatus::kActive);
  EXPECT_EQ(d->theory.kind, SittingKind::kMakeup);
  EXPECT_EQ(d->practical.kind, SittingKind::kMakeup);
  EXPECT_EQ(d->practical.deadline, day("2026-04-09"));
}

}  // namespace
}  // namespace rc::rules
