// Histories the engine refuses, and the facts it must not depend on (listing order).
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/rules/history_builder.h"

namespace rc::rules {
namespace {

using namespace rc::rules::testing;

TEST(HistoryValidation, NoRegistrations) {
  History h;
  h.today = day("2025-01-01");
  h.birth_date = day("1990-01-01");
  auto d = run(h);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kNoRegistrations);
  EXPECT_EQ(d.error().field, "registrations");
}

TEST(HistoryValidation, SittingAfterTodayIsRefused) {
  auto d = run(one_registration("2025-03-14", "2025-02-01", {theory("2025-03-15", kFirst, kPass)}));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kSittingAfterToday);
  EXPECT_EQ(d.error().field, "registrations[0].sittings[0].date");
}

TEST(HistoryValidation, SittingBeforeRegistrationIsRefused) {
  auto d = run(one_registration("2025-04-01", "2025-02-01", {theory("2025-03-15", kFirst, kPass), practical("2025-01-15", kFirst, kPass)}));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kOutOfOrder);
  EXPECT_EQ(d.error().field, "registrations[0].sittings[1].date");
}

TEST(HistoryValidation, RegistrationAfterTodayIsRefused) {
  auto d = run(one_registration("2025-01-01", "2025-02-01", {}));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().field, "registrations[0].registered_on");
}

TEST(HistoryValidation, BirthAfterTodayIsRefused) {
  auto d = run(one_registration("2025-04-01", "2025-02-01", {}, "2025-05-01"));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().field, "birth_date");
}

TEST(HistoryValidation, RetakeBeforeTheFirstAttemptIsRefused) {
  auto d = run(one_registration("2025-09-01", "2025-02-01", {theory("2025-08-20", kRetake, kPass), theory("2025-09-01", kFirst, kFail)}));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kNoRightForSitting);
  EXPECT_EQ(d.error().field, "registrations[0].sittings[0].kind");
}

TEST(HistoryValidation, RetakeOnTheDayOfTheFailureIsRefused) {
  auto d = run(one_registration("2025-09-01", "2025-02-01", {theory("2025-03-15", kFirst, kFail), theory("2025-03-15", kRetake, kPass)}));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kOutOfOrder);
  EXPECT_EQ(d.error().field, "registrations[0].sittings[1].date");
}

TEST(HistoryValidation, SecondFirstAttemptIsRefused) {
  auto d = run(one_registration("2025-09-01", "2025-02-01", {theory("2025-03-15", kFirst, kFail), theory("2025-04-15", kFirst, kPass)}));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().field, "registrations[0].sittings[1].kind");
}

TEST(HistoryValidation, SittingAfterTheRegistrationEndedIsRefused) {
  auto d = run(one_registration("2025-12-01", "2025-02-01",
                                {theory("2025-03-15", kFirst, kFail), theory("2025-08-20", kRetake, kFail), practical("2025-10-01", kFirst, kPass)}));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kRegistrationEnded);
  EXPECT_EQ(d.error().field, "registrations[0].sittings[2].date");
  EXPECT_EQ(d.error().rule, "D1");
}

TEST(HistoryValidation, SameDaySittingOfTheOtherSubjectAfterTheEndStillCounts) {
  auto d = run(one_registration("2025-12-01", "2025-02-01",
                                {theory("2025-03-15", kFirst, kFail), theory("2025-08-20", kRetake, kFail), practical("2025-08-20", kFirst, kPass)}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->registration_status, RegistrationStatus::kEnded);
  EXPECT_EQ(d->practical.status, SubjectStatus::kPassed);
}

TEST(HistoryValidation, ReregisteringWhileStillActiveIsRefused) {
  History h = one_registration("2025-09-01", "2025-02-01", {theory("2025-03-15", kFirst, kFail)});
  h.registrations.push_back(Registration{day("2025-06-01"), true, {}});
  auto d = run(h);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().field, "registrations[1].registered_on");
}

TEST(HistoryValidation, OldRegistrationSittingAfterTheNextRegistrationIsRefused) {
  History h = one_registration("2025-09-01", "2025-02-01", {theory("2025-03-15", kFirst, kVoid), practical("2025-07-01", kFirst, kPass)});
  h.registrations.push_back(Registration{day("2025-06-01"), true, {}});
  auto d = run(h);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().field, "registrations[0].sittings[1].date");
}

TEST(HistoryValidation, TwoRegistrationsOnOneDayAreRefused) {
  History h = one_registration("2025-09-01", "2025-02-01", {});
  h.registrations.push_back(Registration{day("2025-02-01"), true, {}});
  auto d = run(h);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().field, "registrations[1].registered_on");
}

TEST(HistoryValidation, TooManySittings) {
  std::vector<Sitting> many(kMaxSittingsPerRegistration + 1, theory("2025-03-15", kFirst, kPass));
  auto d = run(one_registration("2025-09-01", "2025-02-01", many));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kTooLarge);
}

TEST(HistoryValidation, IneligibleRegistrationIgnoresItsSittings) {
  auto d = run(one_registration("2026-05-01", "2026-04-01", {theory("2026-04-20", kFirst, kPass)}, "2010-06-15"));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->registration_status, RegistrationStatus::kIneligible);
  EXPECT_NE(d->explanation.at(0).find("不予计算"), std::string::npos);
}

TEST(ListingOrder, DoesNotChangeTheDecision) {
  std::vector<Sitting> s{theory("2025-03-15", kFirst, kFail), practical("2025-03-15", kFirst, kFail),
                         practical("2025-03-15", kOnsite, kFail), theory("2025-08-20", kRetake, kPass),
                         practical("2025-09-10", kRetake, kPass)};
  std::sort(s.begin(), s.end(), [](const Sitting& a, const Sitting& b) { return a.date > b.date; });
  auto reference = run(one_registration("2025-10-01", "2025-02-01", s));
  ASSERT_TRUE(reference) << reference.error().message;
  EXPECT_EQ(reference->registration_status, RegistrationStatus::kCompleted);
  auto by_key = [](const Sitting& a, const Sitting& b) {
    return std::tie(a.date, a.subject, a.kind) < std::tie(b.date, b.subject, b.kind);
  };
  std::sort(s.begin(), s.end(), by_key);
  int permutations = 0;
  do {
    ++permutations;
    auto d = run(one_registration("2025-10-01", "2025-02-01", s));
    ASSERT_TRUE(d);
    EXPECT_EQ(*d, *reference);
  } while (std::next_permutation(s.begin(), s.end(), by_key));
  EXPECT_EQ(permutations, 120);
}

TEST(ListingOrder, RegistrationsMayBeListedInAnyOrder) {
  History h = one_registration("2025-06-01", "2025-02-01", {theory("2025-03-15", kFirst, kAbsent), practical("2025-03-15", kFirst, kAbsent)});
  h.registrations.push_back(Registration{day("2025-04-01"), true, {theory("2025-05-10", kFirst, kPass)}});
  auto a = run(h);
  std::swap(h.registrations[0], h.registrations[1]);
  auto b = run(h);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
}

TEST(Explanation, EveryLineCitesARule) {
  auto d = run(one_registration("2025-04-01", "2025-02-01", {theory("2025-03-15", kFirst, kAbsent), practical("2025-03-15", kFirst, kFail)}));
  ASSERT_TRUE(d);
  ASSERT_EQ(d->explanation.size(), 2u);
  for (const std::string& line : d->explanation) EXPECT_NE(line.find("（"), std::string::npos) << line;
  EXPECT_EQ(d->explanation[0], "理论知识考试 2025-03-15 缺考：可在 2026-03-14 前免费参加缺考补考一次（R12e）");
}

TEST(Explanation, CompletedMentionsCertificateValidity) {
  auto d = run(one_registration("2026-10-01", "2026-09-01", {theory("2026-09-20", kFirst, kPass), practical("2026-09-20", kFirst, kPass)}));
  ASSERT_TRUE(d);
  EXPECT_NE(d->explanation.back().find("证书有效期 4 年（暂定）"), std::string::npos) << d->explanation.back();
}

}  // namespace
}  // namespace rc::rules
