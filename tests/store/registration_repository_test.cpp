// Registrations: round trip, one per candidate and batch, compare-and-set status, reviews.
#include "sample_records.h"

namespace rc::store::testing {
namespace {

class RegistrationRepositoryTest : public StoreTest {};

TEST_P(RegistrationRepositoryTest, RoundTripWithEveryOptionalSet) {
  auto seeded = seed_committed(db());
  User reviewer{0, "station1", Role::kStation, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                seeded.station, false, kT0};
  auto r = in_tx([&](Transaction& tx) -> Result<Registration> {
    auto reviewer_id = UserRepository(tx).insert(reviewer);
    if (!reviewer_id) return fail(reviewer_id.error());
    Candidate c = sample_candidate(9);
    auto cid = CandidateRepository(tx).insert(c);
    if (!cid) return fail(cid.error());
    Registration reg = sample_registration(*cid, seeded.batch);
    reg.status = RegistrationStatus::kReturned;
    reg.review_reason = "照片背景不符合要求";
    reg.reviewed_by = *reviewer_id;
    reg.reviewed_at = at_ms(77);
    reg.fee_paid_fen = 35000;
    auto id = RegistrationRepository(tx).insert(reg);
    if (!id) return fail(id.error());
    reg.id = *id;
    return reg;
  });
  ASSERT_TRUE(r);
  auto found = db().read([&](Transaction& tx) { return RegistrationRepository(tx).find(r->id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, *r);
}

TEST_P(RegistrationRepositoryTest, OneRegistrationPerCandidateAndBatch) {
  auto seeded = seed_committed(db());
  auto dup = db().transaction([&](Transaction& tx) {
    return RegistrationRepository(tx).insert(sample_registration(seeded.candidate, seeded.batch));
  });
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  auto orphan = db().transaction([&](Transaction& tx) {
    return RegistrationRepository(tx).insert(sample_registration(/*candidate_id=*/5555, seeded.batch));
  });
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code, ErrorCode::kConflict);
}

TEST_P(RegistrationRepositoryTest, StatusMovesAreCompareAndSet) {
  auto seeded = seed_committed(db());
  auto move = [&](RegistrationStatus from, RegistrationStatus to) {
    return db().transaction([&](Transaction& tx) { return RegistrationRepository(tx).change_status(seeded.registration, from, to); });
  };
  ASSERT_TRUE(move(RegistrationStatus::kDraft, RegistrationStatus::kSubmitted));
  auto stale = move(RegistrationStatus::kDraft, RegistrationStatus::kSubmitted);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(move(RegistrationStatus::kSubmitted, RegistrationStatus::kConfirmed));
  auto missing = db().transaction([](Transaction& tx) {
    return RegistrationRepository(tx).change_status(8080, RegistrationStatus::kDraft, RegistrationStatus::kSubmitted);
  });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(RegistrationRepositoryTest, ReviewRecordsReasonReviewerAndTime) {
  auto seeded = seed_committed(db());
  User reviewer{0, "station1", Role::kStation, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                seeded.station, false, kT0};
  auto reviewer_id = in_tx([&](Transaction& tx) -> Result<Id> {
    if (auto m = RegistrationRepository(tx).change_status(seeded.registration, RegistrationStatus::kDraft,
                                                          RegistrationStatus::kConfirmed);
        !m)
      return fail(m.error());
    return UserRepository(tx).insert(reviewer);
  });
  ASSERT_TRUE(reviewer_id);
  Review no_reason{RegistrationStatus::kConfirmed, RegistrationStatus::kReturned, std::nullopt, *reviewer_id, at_ms(9)};
  auto refused = db().transaction([&](Transaction& tx) { return RegistrationRepository(tx).review(seeded.registration, no_reason); });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kMissingField);

  Review returned = no_reason;
  returned.reason = "身份证照片不清晰";
  ASSERT_TRUE(in_tx([&](Transaction& tx) -> Result<void> {
    if (auto r = RegistrationRepository(tx).review(seeded.registration, returned); !r) return r;
    return RegistrationRepository(tx).record_fee_paid(seeded.registration, 35000);
  }));
  auto found = db().read([&](Transaction& tx) { return RegistrationRepository(tx).find(seeded.registration); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->status, RegistrationStatus::kReturned);
  EXPECT_EQ(found->review_reason, returned.reason);
  EXPECT_EQ(found->reviewed_by, std::optional<Id>(*reviewer_id));
  EXPECT_EQ(found->reviewed_at, std::optional<Timestamp>(at_ms(9)));
  EXPECT_EQ(found->fee_paid_fen, 35000);

  auto lists = db().read([&](Transaction& tx) -> Result<std::size_t> {
    auto by_batch = RegistrationRepository(tx).list_by_batch(seeded.batch);
    auto by_candidate = RegistrationRepository(tx).list_by_candidate(seeded.candidate);
    if (!by_batch || !by_candidate) return fail(ErrorCode::kStorageFailure);
    return by_batch->size() * 10 + by_candidate->size();
  });
  ASSERT_TRUE(lists);
  EXPECT_EQ(*lists, 11u);
}

RC_INSTANTIATE_STORE_TEST(RegistrationRepositoryTest);

}  // namespace
}  // namespace rc::store::testing
