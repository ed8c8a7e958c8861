// Photos and face templates: stored apart, exact bytes, erased on schedule.
#include "sample_records.h"
#include "store/biometric_repository.h"

namespace rc::store::testing {
namespace {

class BiometricRepositoryTest : public StoreTest {
 protected:
  CandidatePhoto photo(Id candidate, long long created, long long delete_after) {
    return CandidatePhoto{0, candidate, "image/jpeg", Bytes{0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10}, "",
                          "sm3-digest", at_ms(created), at_ms(delete_after)};
  }
  FaceTemplate face(Id candidate, long long created, long long delete_after) {
    return FaceTemplate{0, candidate, "dlib_resnet_v1", Bytes{1, 0, 2, 0, 3}, "face-k1", at_ms(created),
                        at_ms(delete_after)};
  }
};

TEST_P(BiometricRepositoryTest, LatestPhotoAndTemplateRoundTrip) {
  auto seeded = seed_committed(db());
  auto ids = in_tx([&](Transaction& tx) -> Result<std::pair<Id, Id>> {
    BiometricRepository bio(tx);
    if (auto old = bio.add_photo(photo(seeded.candidate, 0, 100000)); !old) return fail(old.error());
    auto p = bio.add_photo(photo(seeded.candidate, 50, 100000));
    auto f = bio.add_face_template(face(seeded.candidate, 10, 100000));
    if (!p || !f) return fail(ErrorCode::kStorageFailure);
    return std::pair{*p, *f};
  });
  ASSERT_TRUE(ids);
  auto got = db().read([&](Transaction& tx) -> Result<std::pair<CandidatePhoto, FaceTemplate>> {
    BiometricRepository bio(tx);
    auto p = bio.latest_photo(seeded.candidate);
    auto f = bio.latest_face_template(seeded.candidate);
    if (!p || !f || !*p || !*f) return fail(ErrorCode::kNotFound);
    return std::pair{**p, **f};
  });
  ASSERT_TRUE(got);
  CandidatePhoto expected_photo = photo(seeded.candidate, 50, 100000);
  expected_photo.id = ids->first;
  EXPECT_EQ(got->first, expected_photo);
  FaceTemplate expected_face = face(seeded.candidate, 10, 100000);
  expected_face.id = ids->second;
  EXPECT_EQ(got->second, expected_face);
}

TEST_P(BiometricRepositoryTest, DeleteExpiredErasesOnlyWhatIsDue) {
  auto seeded = seed_committed(db());
  ASSERT_TRUE(in_tx([&](Transaction& tx) -> Result<void> {
    BiometricRepository bio(tx);
    for (auto r : {bio.add_photo(photo(seeded.candidate, 0, 1000)), bio.add_photo(photo(seeded.candidate, 1, 5000)),
                   bio.add_face_template(face(seeded.candidate, 0, 1000))})
      if (!r) return fail(r.error());
    return ok();
  }));
  auto erased = in_tx([](Transaction& tx) { return BiometricRepository(tx).delete_expired(at_ms(1000)); });
  ASSERT_TRUE(erased);
  EXPECT_EQ(erased->photos, 1);
  EXPECT_EQ(erased->face_templates, 1);
  auto left = db().read([&](Transaction& tx) -> Result<bool> {
    BiometricRepository bio(tx);
    auto p = bio.latest_photo(seeded.candidate);
    auto f = bio.latest_face_template(seeded.candidate);
    if (!p || !f) return fail(ErrorCode::kStorageFailure);
    return p->has_value() && (*p)->delete_after == at_ms(5000) && !f->has_value();
  });
  ASSERT_TRUE(left);
  EXPECT_TRUE(*left);
  // The candidate, identity data, is untouched.
  EXPECT_TRUE(db().read([&](Transaction& tx) { return CandidateRepository(tx).find(seeded.candidate); }));
}

TEST_P(BiometricRepositoryTest, PhotoOfAnUnknownCandidateIsRefused) {
  auto r = db().transaction([&](Transaction& tx) { return BiometricRepository(tx).add_photo(photo(31337, 0, 1)); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  auto empty = db().transaction([&](Transaction& tx) {
    CandidatePhoto p = photo(1, 0, 1);
    p.image.clear();
    return BiometricRepository(tx).add_photo(p);
  });
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidValue);
}

RC_INSTANTIATE_STORE_TEST(BiometricRepositoryTest);

}  // namespace
}  // namespace rc::store::testing
