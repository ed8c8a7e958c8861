// Sittings and result publication dates.
#include "sample_records.h"

namespace rc::store::testing {
namespace {

class SittingRepositoryTest : public StoreTest {};

TEST_P(SittingRepositoryTest, RoundTripAndListingByDateRange) {
  auto seeded = seed_committed(db());
  Sitting practical_only = sample_sitting(seeded.station, "2025-04-20");
  practical_only.theory_starts_at.reset();
  practical_only.theory_minutes.reset();
  auto id = in_tx([&](Transaction& tx) -> Result<Id> {
    if (auto later = SittingRepository(tx).insert(sample_sitting(seeded.station, "2025-09-01")); !later) return later;
    return SittingRepository(tx).insert(practical_only);
  });
  ASSERT_TRUE(id);
  practical_only.id = *id;
  auto found = db().read([&](Transaction& tx) { return SittingRepository(tx).find(*id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, practical_only);

  auto spring = db().read([&](Transaction& tx) {
    return SittingRepository(tx).list_by_station(seeded.station, date("2025-03-01"), date("2025-04-20"));
  });
  ASSERT_TRUE(spring);
  ASSERT_EQ(spring->size(), 2u);
  EXPECT_EQ((*spring)[0].held_on, date("2025-03-15"));
  EXPECT_EQ((*spring)[1].held_on, date("2025-04-20"));
}

TEST_P(SittingRepositoryTest, ASittingNeedsAtLeastOneSession) {
  auto seeded = seed_committed(db());
  Sitting none = sample_sitting(seeded.station);
  none.theory_starts_at.reset();
  none.practical_starts_at.reset();
  auto r = db().transaction([&](Transaction& tx) { return SittingRepository(tx).insert(none); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue);
}

TEST_P(SittingRepositoryTest, StatusMovesAreCompareAndSet) {
  auto seeded = seed_committed(db());
  ASSERT_TRUE(in_tx([&](Transaction& tx) {
    return SittingRepository(tx).change_status(seeded.sitting, SittingStatus::kOpen, SittingStatus::kClosed);
  }));
  auto stale = db().transaction([&](Transaction& tx) {
    return SittingRepository(tx).change_status(seeded.sitting, SittingStatus::kOpen, SittingStatus::kCancelled);
  });
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
}

TEST_P(SittingRepositoryTest, PublicationIsSetMovedAndFoundWhenDue) {
  auto seeded = seed_committed(db());
  ResultPublication p{seeded.sitting, date("2025-03-30"), std::nullopt, at_ms(1)};
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return SittingRepository(tx).set_publication(p); }));
  p.publish_on = date("2025-04-01");
  p.decided_at = at_ms(2);
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return SittingRepository(tx).set_publication(p); }));
  auto found = db().read([&](Transaction& tx) { return SittingRepository(tx).publication_of(seeded.sitting); });
  ASSERT_TRUE(found);
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ(**found, p);
  auto before = db().read([](Transaction& tx) { return SittingRepository(tx).publications_due(date("2025-03-31")); });
  auto on_day = db().read([](Transaction& tx) { return SittingRepository(tx).publications_due(date("2025-04-01")); });
  ASSERT_TRUE(before && on_day);
  EXPECT_TRUE(before->empty());
  ASSERT_EQ(on_day->size(), 1u);
  auto none = db().read([](Transaction& tx) { return SittingRepository(tx).publication_of(12345); });
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());
}

RC_INSTANTIATE_STORE_TEST(SittingRepositoryTest);

}  // namespace
}  // namespace rc::store::testing
