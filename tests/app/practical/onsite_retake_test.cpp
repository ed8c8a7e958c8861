// The on-site practical retake (R12b) recorded the same day, and a declined one (D4), on both
// backends; the rules engine reads the stored history.
#include "app/practical/onsite_retake.h"

#include "app/results/candidate_history.h"
#include "practical_fixture.h"

namespace rc::app::testing {
namespace {

class OnsiteRetakeTest : public PracticalTest {
 protected:
  store::Id failed_draw(int i) {
    const store::Id id = open(i);
    auto r = score(id, {sheet(id, 40), sheet(id, 40), sheet(id, 40)});
    EXPECT_TRUE(r && r->result && !r->result->passed);
    return id;
  }
  rules::SubjectStatus practical_status(int i) {
    auto s = db().read([&](store::Transaction& tx) {
      return certificate_standing(tx, *policies_, registrations_[static_cast<std::size_t>(i)], china_date(clock_.now()));
    });
    EXPECT_TRUE(s) << s.error().message;
    return s->decision.practical.status;
  }
};

TEST_P(OnsiteRetakeTest, AFailedPracticalIsRetakenTheSameDayAndRecordedAsOnsiteRetake) {
  const store::Id failed = failed_draw(0);
  EXPECT_EQ(practical_status(0), rules::SubjectStatus::kOnsiteRetakeAvailable);
  SeededRandom random(77);
  auto retake = start_onsite_retake(db(), clock_, random, *policies_, examiner(0), failed);
  ASSERT_TRUE(retake) << retake.error().message;
  auto l = loaded(*retake);
  EXPECT_EQ(l.row.attempt_kind, store::AttemptKind::kOnsiteRetake);
  EXPECT_TRUE(practical::redraw_matches(*l.scheme, l.draw));
  auto r = score(*retake, {sheet(*retake, 75), sheet(*retake, 75), sheet(*retake, 75)});
  ASSERT_TRUE(r && r->result);
  EXPECT_TRUE(r->result->passed);
  auto h = history(0);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[1].kind, store::AttemptKind::kOnsiteRetake);
  EXPECT_EQ(h[1].outcome, store::Outcome::kPass);
  EXPECT_EQ(practical_status(0), rules::SubjectStatus::kPassed);
  // Only one on-site retake (R12b).
  auto twice = start_onsite_retake(db(), clock_, random, *policies_, examiner(0), failed);
  ASSERT_FALSE(twice);
}

TEST_P(OnsiteRetakeTest, ADeclinedOnsiteRetakeIsRecordedAndOpensTheOneYearRetake) {
  const store::Id failed = failed_draw(1);
  auto declined = decline_onsite_retake(db(), clock_, *policies_, examiner(1), failed);
  ASSERT_TRUE(declined) << declined.error().message;
  auto h = history(1);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[1].kind, store::AttemptKind::kOnsiteRetake);
  EXPECT_EQ(h[1].outcome, store::Outcome::kDeclined);
  EXPECT_EQ(practical_status(1), rules::SubjectStatus::kRetakeAvailable);  // D4, then R12c
  auto again = decline_onsite_retake(db(), clock_, *policies_, examiner(1), failed);
  ASSERT_FALSE(again);
  SeededRandom random(1);
  EXPECT_FALSE(start_onsite_retake(db(), clock_, random, *policies_, examiner(1), failed));
}

TEST_P(OnsiteRetakeTest, NoOnsiteRetakeAfterAPassOrOnAnotherDay) {
  const store::Id id = open(2);
  ASSERT_TRUE(score(id, {sheet(id, 90), sheet(id, 90), sheet(id, 90)}));
  SeededRandom random(1);
  auto passed = start_onsite_retake(db(), clock_, random, *policies_, examiner(0), id);
  ASSERT_FALSE(passed);
  EXPECT_EQ(passed.error().code, ErrorCode::kNoRightForSitting);
  const store::Id failed = failed_draw(0);
  clock_.set(clock_.now() + std::chrono::hours(24));
  auto late = decline_onsite_retake(db(), clock_, *policies_, examiner(0), failed);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kNoRightForSitting);
}

RC_INSTANTIATE_STORE_TEST(OnsiteRetakeTest);

}  // namespace
}  // namespace rc::app::testing
