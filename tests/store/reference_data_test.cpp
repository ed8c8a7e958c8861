// Stations, organisations and batches: round trips, uniqueness, references, status moves.
#include "sample_records.h"

namespace rc::store::testing {
namespace {

class ReferenceDataTest : public StoreTest {};

TEST_P(ReferenceDataTest, StationRoundTripAndLookups) {
  auto r = in_tx([](Transaction& tx) -> Result<Station> {
    StationRepository stations(tx);
    auto id = stations.insert(sample_station(7));
    if (!id) return fail(id.error());
    if (auto other = stations.insert(sample_station(3)); !other) return fail(other.error());
    auto found = stations.find(*id);
    if (!found) return found;
    auto by_code = stations.find_by_code("NC007");
    if (!by_code || !(*by_code == *found)) return fail(ErrorCode::kInvalidValue, "by_code");
    auto all = stations.list();
    if (!all || all->size() != 2 || (*all)[0].code != "NC003") return fail(ErrorCode::kInvalidValue, "list");
    return found;
  });
  ASSERT_TRUE(r);
  Station expected = sample_station(7);
  expected.id = r->id;
  EXPECT_EQ(*r, expected);
}

TEST_P(ReferenceDataTest, StationCodeIsUniqueAndMissingOnesAreNotFound) {
  auto r = db().transaction([](Transaction& tx) -> Result<Id> {
    StationRepository stations(tx);
    if (auto a = stations.insert(sample_station(1)); !a) return a;
    return stations.insert(sample_station(1));
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  auto missing = db().read([](Transaction& tx) { return StationRepository(tx).find(424242); });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto missing_code = db().read([](Transaction& tx) { return StationRepository(tx).find_by_code("XX"); });
  ASSERT_FALSE(missing_code);
  EXPECT_EQ(missing_code.error().code, ErrorCode::kNotFound);
}

TEST_P(ReferenceDataTest, StationRegionCodeMustHaveSixCharacters) {
  auto r = db().transaction([](Transaction& tx) {
    Station s = sample_station();
    s.region_code = "5113";
    return StationRepository(tx).insert(s);
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue);
}

TEST_P(ReferenceDataTest, OrganisationRoundTripUniqueCreditCodeAndContactUpdate) {
  auto id = in_tx([](Transaction& tx) { return OrganisationRepository(tx).insert(sample_organisation(2)); });
  ASSERT_TRUE(id);
  auto dup = db().transaction([](Transaction& tx) { return OrganisationRepository(tx).insert(sample_organisation(2)); });
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);

  ASSERT_TRUE(in_tx([&](Transaction& tx) { return OrganisationRepository(tx).update_contact(*id, "李老师", "13900000000"); }));
  auto found = db().read([&](Transaction& tx) {
    return OrganisationRepository(tx).find_by_credit_code(sample_organisation(2).credit_code);
  });
  ASSERT_TRUE(found) << found.error().message;
  Organisation expected = sample_organisation(2);
  expected.id = *id;
  expected.contact_name = "李老师";
  expected.contact_phone = "13900000000";
  EXPECT_EQ(*found, expected);
  auto missing = db().transaction([](Transaction& tx) { return OrganisationRepository(tx).update_contact(999, "a", "b"); });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(ReferenceDataTest, BatchRoundTripListsAndStatusMoves) {
  auto seeded = seed_committed(db());
  auto found = db().read([&](Transaction& tx) { return BatchRepository(tx).find(seeded.batch); });
  ASSERT_TRUE(found);
  Batch expected = sample_batch(seeded.organisation, seeded.station);
  expected.id = seeded.batch;
  EXPECT_EQ(*found, expected);

  ASSERT_TRUE(in_tx([&](Transaction& tx) {
    return BatchRepository(tx).change_status(seeded.batch, BatchStatus::kDraft, BatchStatus::kSubmitted, at_ms(1000));
  }));
  // The same move again: someone else already made it.
  auto again = db().transaction([&](Transaction& tx) {
    return BatchRepository(tx).change_status(seeded.batch, BatchStatus::kDraft, BatchStatus::kSubmitted, at_ms(2000));
  });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto gone = db().transaction([](Transaction& tx) {
    return BatchRepository(tx).change_status(9999, BatchStatus::kDraft, BatchStatus::kSubmitted, std::nullopt);
  });
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);

  auto queue = db().read([&](Transaction& tx) {
    return BatchRepository(tx).list_by_station(seeded.station, BatchStatus::kSubmitted);
  });
  ASSERT_TRUE(queue);
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_EQ((*queue)[0].submitted_at, at_ms(1000));
  auto mine = db().read([&](Transaction& tx) { return BatchRepository(tx).list_by_organisation(seeded.organisation); });
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->size(), 1u);
}

TEST_P(ReferenceDataTest, SubmittedBatchNeedsASubmissionTime) {
  auto seeded = seed_committed(db());
  auto r = db().transaction([&](Transaction& tx) {
    return BatchRepository(tx).change_status(seeded.batch, BatchStatus::kDraft, BatchStatus::kSubmitted, std::nullopt);
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue);
}

TEST_P(ReferenceDataTest, BatchForAMissingOrganisationIsRefused) {
  auto r = db().transaction([](Transaction& tx) -> Result<Id> {
    auto station = StationRepository(tx).insert(sample_station());
    if (!station) return station;
    return BatchRepository(tx).insert(sample_batch(/*organisation_id=*/777, *station));
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
}

RC_INSTANTIATE_STORE_TEST(ReferenceDataTest);

}  // namespace
}  // namespace rc::store::testing
