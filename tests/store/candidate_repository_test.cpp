// Candidates: encrypted ID numbers as exact bytes, HMAC look-ups, uniqueness, inert metacharacters.
#include "sample_records.h"

namespace rc::store::testing {
namespace {

class CandidateRepositoryTest : public StoreTest {};

TEST_P(CandidateRepositoryTest, RoundTripKeepsEveryByteOfTheCiphertext) {
  Candidate c = sample_candidate(5);
  c.id_number_cipher.clear();
  for (int b = 0; b < 256; ++b) c.id_number_cipher.push_back(static_cast<std::uint8_t>(b));
  auto id = in_tx([&](Transaction& tx) { return CandidateRepository(tx).insert(c); });
  ASSERT_TRUE(id);
  auto found = db().read([&](Transaction& tx) { return CandidateRepository(tx).find(*id); });
  ASSERT_TRUE(found) << found.error().message;
  c.id = *id;
  EXPECT_EQ(*found, c);
}

TEST_P(CandidateRepositoryTest, FindsByHmacWithinTheDocumentType) {
  auto id = in_tx([](Transaction& tx) { return CandidateRepository(tx).insert(sample_candidate(1)); });
  ASSERT_TRUE(id);
  auto hit = db().read([](Transaction& tx) {
    return CandidateRepository(tx).find_by_id_number_hmac(DocumentType::kResidentId, sample_candidate(1).id_number_hmac);
  });
  ASSERT_TRUE(hit);
  ASSERT_TRUE(hit->has_value());
  EXPECT_EQ((*hit)->id, *id);
  auto other_type = db().read([](Transaction& tx) {
    return CandidateRepository(tx).find_by_id_number_hmac(DocumentType::kPassport, sample_candidate(1).id_number_hmac);
  });
  ASSERT_TRUE(other_type);
  EXPECT_FALSE(other_type->has_value());
}

TEST_P(CandidateRepositoryTest, HmacIsUniquePerDocumentType) {
  ASSERT_TRUE(in_tx([](Transaction& tx) { return CandidateRepository(tx).insert(sample_candidate(1)); }));
  Candidate same = sample_candidate(2);
  same.id_number_hmac = sample_candidate(1).id_number_hmac;
  auto dup = db().transaction([&](Transaction& tx) { return CandidateRepository(tx).insert(same); });
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  same.document_type = DocumentType::kPassport;  // another document may collide: not the same person
  EXPECT_TRUE(in_tx([&](Transaction& tx) { return CandidateRepository(tx).insert(same); }));
}

TEST_P(CandidateRepositoryTest, EmptyCiphertextIsRefusedBeforeTheDatabase) {
  Candidate c = sample_candidate();
  c.id_number_cipher.clear();
  auto r = db().transaction([&](Transaction& tx) { return CandidateRepository(tx).insert(c); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue);
}

TEST_P(CandidateRepositoryTest, SqlMetacharactersAreStoredAsPlainText) {
  const std::vector<std::string> hostile{
      "'; DROP TABLE candidates; --", "Robert'); DELETE FROM stations;--", "a\\b\\\\c", "100% _x_",
      ":name :id $1 ? @p", "\"quoted\" `back`", "张'三\"", "line\nbreak\ttab", "/* c */ -- d"};
  std::vector<Id> ids;
  auto r = in_tx([&](Transaction& tx) -> Result<void> {
    for (std::size_t i = 0; i < hostile.size(); ++i) {
      Candidate c = sample_candidate(static_cast<int>(i) + 1);
      c.name = hostile[i];
      c.phone = hostile[i];
      c.id_number_hmac = hostile[i];
      auto id = CandidateRepository(tx).insert(c);
      if (!id) return fail(id.error());
      ids.push_back(*id);
    }
    return ok();
  });
  ASSERT_TRUE(r);
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    auto found = db().read([&](Transaction& tx) {
      return CandidateRepository(tx).find_by_id_number_hmac(DocumentType::kResidentId, hostile[i]);
    });
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_TRUE(found->has_value()) << hostile[i];
    EXPECT_EQ((*found)->name, hostile[i]);
    EXPECT_EQ((*found)->phone, hostile[i]);
    EXPECT_EQ((*found)->id, ids[i]);
  }
  // The tables are all still there.
  EXPECT_TRUE(db().read([](Transaction& tx) { return StationRepository(tx).list(); }));
}

TEST_P(CandidateRepositoryTest, ListsTheCandidatesOfABatchInOrder) {
  auto seeded = seed_committed(db());
  auto r = in_tx([&](Transaction& tx) -> Result<std::vector<Candidate>> {
    for (int n = 2; n <= 4; ++n) {
      auto c = CandidateRepository(tx).insert(sample_candidate(n));
      if (!c) return fail(c.error());
      if (auto reg = RegistrationRepository(tx).insert(sample_registration(*c, seeded.batch)); !reg)
        return fail(reg.error());
    }
    return CandidateRepository(tx).list_by_batch(seeded.batch);
  });
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ((*r)[0].id, seeded.candidate);
  EXPECT_EQ((*r)[3].name, sample_candidate(4).name);
}

TEST_P(CandidateRepositoryTest, ContactUpdateAndKeyRotation) {
  auto id = in_tx([](Transaction& tx) { return CandidateRepository(tx).insert(sample_candidate(1)); });
  ASSERT_TRUE(id);
  Bytes rotated{9, 8, 7, 0, 0, 1};
  ASSERT_TRUE(in_tx([&](Transaction& tx) -> Result<void> {
    if (auto u = CandidateRepository(tx).update_contact(*id, "13711112222", false); !u) return u;
    return CandidateRepository(tx).update_id_number_cipher(*id, rotated, "k2026");
  }));
  auto found = db().read([&](Transaction& tx) { return CandidateRepository(tx).find(*id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->phone, "13711112222");
  EXPECT_FALSE(found->health_declared);
  EXPECT_EQ(found->id_number_cipher, rotated);
  EXPECT_EQ(found->id_number_key_id, "k2026");
  EXPECT_EQ(found->id_number_hmac, sample_candidate(1).id_number_hmac);
}

RC_INSTANTIATE_STORE_TEST(CandidateRepositoryTest);

}  // namespace
}  // namespace rc::store::testing
