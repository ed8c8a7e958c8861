// Certificates: unique numbers, one valid per registration, revocation kept with its reason.
#include "sample_records.h"
#include "store/certificate_repository.h"

namespace rc::store::testing {
namespace {

class CertificateRepositoryTest : public StoreTest {
 protected:
  Certificate certificate(Id registration, const std::string& number) {
    Certificate c;
    c.number = number;
    c.scheme = "yjjy-demo";
    c.registration_id = registration;
    c.issued_on = date("2025-04-20");
    c.filed_on = date("2025-04-10");
    c.file_digest = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
    c.snapshot_json = R"({"name":"张*明","level":5})";
    c.created_at = at_ms(3);
    return c;
  }
};

TEST_P(CertificateRepositoryTest, RoundTripAndLookupByNumber) {
  auto s = seed_committed(db());
  Certificate c = certificate(s.registration, "YJJY202551130500001");
  c.valid_until = date("2029-04-19");
  auto id = in_tx([&](Transaction& tx) { return CertificateRepository(tx).insert(c); });
  ASSERT_TRUE(id);
  c.id = *id;
  auto found = db().read([&](Transaction& tx) { return CertificateRepository(tx).find_by_number(c.number); });
  ASSERT_TRUE(found);
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ(**found, c);
  auto unknown = db().read([](Transaction& tx) { return CertificateRepository(tx).find_by_number("NOPE"); });
  ASSERT_TRUE(unknown);
  EXPECT_FALSE(unknown->has_value());
}

TEST_P(CertificateRepositoryTest, NumbersAreUniqueAndARegistrationHasOneValidCertificate) {
  auto s = seed_committed(db());
  auto other = seed_committed(db(), 2);
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return CertificateRepository(tx).insert(certificate(s.registration, "N1")); }));
  auto same_number = db().transaction([&](Transaction& tx) {
    return CertificateRepository(tx).insert(certificate(other.registration, "N1"));
  });
  ASSERT_FALSE(same_number);
  EXPECT_EQ(same_number.error().code, ErrorCode::kConflict);
  auto twice = db().transaction([&](Transaction& tx) {
    return CertificateRepository(tx).insert(certificate(s.registration, "N2"));
  });
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
}

TEST_P(CertificateRepositoryTest, RevocationKeepsTheRowAndAllowsAReplacement) {
  auto s = seed_committed(db());
  auto id = in_tx([&](Transaction& tx) { return CertificateRepository(tx).insert(certificate(s.registration, "N1")); });
  ASSERT_TRUE(id);
  auto no_reason = db().transaction([&](Transaction& tx) { return CertificateRepository(tx).revoke(*id, Revocation{}); });
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, ErrorCode::kMissingField);
  Revocation r{"信息填写错误，重新颁发", at_ms(100), std::nullopt};
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return CertificateRepository(tx).revoke(*id, r); }));
  auto again = db().transaction([&](Transaction& tx) { return CertificateRepository(tx).revoke(*id, r); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);

  Certificate replacement = certificate(s.registration, "N2");
  replacement.reissue_of = *id;
  auto new_id = in_tx([&](Transaction& tx) { return CertificateRepository(tx).insert(replacement); });
  ASSERT_TRUE(new_id);
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return CertificateRepository(tx).set_file_digest(*new_id, "abc"); }));
  auto all = db().read([&](Transaction& tx) { return CertificateRepository(tx).list_by_registration(s.registration); });
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].status, CertificateStatus::kRevoked);
  EXPECT_EQ((*all)[0].revoked_reason, std::optional<std::string>(r.reason));
  EXPECT_EQ((*all)[0].revoked_at, std::optional<Timestamp>(at_ms(100)));
  EXPECT_EQ((*all)[1].status, CertificateStatus::kValid);
  EXPECT_EQ((*all)[1].reissue_of, std::optional<Id>(*id));
  EXPECT_EQ((*all)[1].file_digest, "abc");
}

RC_INSTANTIATE_STORE_TEST(CertificateRepositoryTest);

}  // namespace
}  // namespace rc::store::testing
