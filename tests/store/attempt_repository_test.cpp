// Attempts: the history the rules engine replays, in date order, with exact scores.
#include "sample_records.h"
#include "store/attempt_repository.h"

namespace rc::store::testing {
namespace {

class AttemptRepositoryTest : public StoreTest {
 protected:
  Attempt attempt(const Seeded& s, Id sitting, Subject subject, AttemptKind kind, Outcome outcome,
                  std::optional<int> score) {
    Attempt a;
    a.registration_id = s.registration;
    a.sitting_id = sitting;
    a.subject = subject;
    a.kind = kind;
    a.outcome = outcome;
    a.score_milli = score;
    a.recorded_at = at_ms(10);
    return a;
  }
};

TEST_P(AttemptRepositoryTest, ListsARegistrationsHistoryInTheOrderItHappened) {
  auto s = seed_committed(db());  // its sitting is 2025-03-15
  auto history = in_tx([&](Transaction& tx) -> Result<std::vector<Attempt>> {
    auto retake_day = SittingRepository(tx).insert(sample_sitting(s.station, "2025-06-10"));
    if (!retake_day) return fail(retake_day.error());
    AttemptRepository attempts(tx);
    // Recorded out of order on purpose: the later retake first, the on-site retake before the
    // practical it retakes, the practical before the theory of the same morning.
    for (const Attempt& a :
         {attempt(s, *retake_day, Subject::kPractical, AttemptKind::kRetake, Outcome::kPass, 72000),
          attempt(s, s.sitting, Subject::kPractical, AttemptKind::kOnsiteRetake, Outcome::kFail, 55500),
          attempt(s, s.sitting, Subject::kPractical, AttemptKind::kFirst, Outcome::kFail, 58250),
          attempt(s, s.sitting, Subject::kTheory, AttemptKind::kFirst, Outcome::kPass, 61125)})
      if (auto id = attempts.record(a); !id) return fail(id.error());
    return attempts.list_by_registration(s.registration);
  });
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 4u);
  EXPECT_EQ((*history)[0].subject, Subject::kTheory);
  EXPECT_EQ((*history)[0].score_milli, std::optional<std::int32_t>(61125));  // 61.125 exactly
  EXPECT_EQ((*history)[0].held_on, date("2025-03-15"));
  EXPECT_EQ((*history)[1].kind, AttemptKind::kFirst);
  EXPECT_EQ((*history)[1].subject, Subject::kPractical);
  EXPECT_EQ((*history)[2].kind, AttemptKind::kOnsiteRetake);
  EXPECT_EQ((*history)[3].kind, AttemptKind::kRetake);
  EXPECT_EQ((*history)[3].held_on, date("2025-06-10"));
}

TEST_P(AttemptRepositoryTest, RoundTripAndOutcomeUpdate) {
  auto s = seed_committed(db());
  Attempt a = attempt(s, s.sitting, Subject::kTheory, AttemptKind::kFirst, Outcome::kPending, std::nullopt);
  auto id = in_tx([&](Transaction& tx) { return AttemptRepository(tx).record(a); });
  ASSERT_TRUE(id);
  a.id = *id;
  a.held_on = date("2025-03-15");
  auto found = db().read([&](Transaction& tx) { return AttemptRepository(tx).find(*id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, a);

  OutcomeUpdate marked{Outcome::kFail, 59999, at_ms(20), std::nullopt};
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return AttemptRepository(tx).update_outcome(*id, marked); }));
  auto by_sitting = db().read([&](Transaction& tx) { return AttemptRepository(tx).list_by_sitting(s.sitting); });
  ASSERT_TRUE(by_sitting);
  ASSERT_EQ(by_sitting->size(), 1u);
  EXPECT_EQ((*by_sitting)[0].outcome, Outcome::kFail);
  EXPECT_EQ((*by_sitting)[0].score_milli, std::optional<std::int32_t>(59999));
  EXPECT_EQ((*by_sitting)[0].recorded_at, at_ms(20));
}

TEST_P(AttemptRepositoryTest, ConstraintsGuardTheHistory) {
  auto s = seed_committed(db());
  auto first = attempt(s, s.sitting, Subject::kTheory, AttemptKind::kFirst, Outcome::kPass, 80000);
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return AttemptRepository(tx).record(first); }));
  auto expect_refused = [&](const Attempt& a, ErrorCode code) {
    auto r = db().transaction([&](Transaction& tx) { return AttemptRepository(tx).record(a); });
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, code) << r.error().message;
  };
  expect_refused(first, ErrorCode::kConflict);  // the same subject and kind twice at one sitting
  expect_refused(attempt(s, s.sitting, Subject::kPractical, AttemptKind::kFirst, Outcome::kPass, 100001),
                 ErrorCode::kInvalidValue);  // above 100 points
  expect_refused(attempt(s, s.sitting, Subject::kPractical, AttemptKind::kFirst, Outcome::kDeclined, std::nullopt),
                 ErrorCode::kInvalidValue);  // only an on-site retake can be declined (D4)
  expect_refused(attempt(s, s.sitting, Subject::kTheory, AttemptKind::kOnsiteRetake, Outcome::kFail, 0),
                 ErrorCode::kInvalidValue);  // the on-site retake is practical only (R12b)
  expect_refused(attempt(s, /*sitting=*/9999, Subject::kPractical, AttemptKind::kFirst, Outcome::kPass, 1),
                 ErrorCode::kConflict);  // unknown sitting
}

RC_INSTANTIATE_STORE_TEST(AttemptRepositoryTest);

}  // namespace
}  // namespace rc::store::testing
