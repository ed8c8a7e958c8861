// The short-lived status cache of the public status API: answers are reused within the TTL and
// the day, a revocation shows once the entry is older than the TTL or the date changes, and a
// storage failure is never cached (tri-state). Both backends.
#include "app/certificates/certificate_fixture.h"
#include "app/certificates/certificate_status_cache.h"
#include "app/certificates/revoke_certificate.h"
#include "store/certificate_repository.h"

namespace rc::app::certificate_testing {
namespace {

using namespace std::chrono_literals;

class StatusCacheTest : public CertificateTest {
 protected:
  std::pair<std::string, store::Id> issue_one() {
    seed_passed(1, station_);
    file_all(station_actor_);
    auto report = issue_all(station_actor_);
    EXPECT_EQ(report.issued, 1u);
    const std::string number = report.numbers.empty() ? "" : report.numbers[0];
    auto l = db().read([&](store::Transaction& tx) { return store::CertificateIssueRepository(tx).listing_by_number(number); });
    EXPECT_TRUE(l && *l);
    return {number, (l && *l) ? (*l)->certificate.id : 0};
  }
};

TEST_P(StatusCacheTest, ReusesAnAnswerWithinItsDayAndTtlOnly) {
  const auto [number, id] = issue_one();
  CertificateStatusCache long_lived(std::chrono::hours(1));
  CertificateStatusCache fresh(0ms);
  ASSERT_EQ(long_lived.status(db(), clock_, number)->state, CertificateState::kValid);
  ASSERT_TRUE(revoke_certificate(*services_, station_actor_, id, "考试违纪经复核确认"));
  EXPECT_EQ(long_lived.status(db(), clock_, number)->state, CertificateState::kValid) << "within the TTL";
  EXPECT_EQ(fresh.status(db(), clock_, number)->state, CertificateState::kRevoked) << "TTL 0: read every time";
  advance(std::chrono::hours(24));
  EXPECT_EQ(long_lived.status(db(), clock_, number)->state, CertificateState::kRevoked) << "a new day reads again";
}

TEST_P(StatusCacheTest, NeverKeepsAStorageFailure) {
  const auto [number, id] = issue_one();
  CertificateStatusCache cache(std::chrono::hours(1));
  ASSERT_TRUE(store::testing::exec(db(), "ALTER TABLE certificate_issues RENAME TO certificate_issues_gone"));
  auto broken = cache.status(db(), clock_, number);
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().code, ErrorCode::kStatusUnavailable);
  ASSERT_TRUE(store::testing::exec(db(), "ALTER TABLE certificate_issues_gone RENAME TO certificate_issues"));
  auto back = cache.status(db(), clock_, number);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->state, CertificateState::kValid);
}

}  // namespace

// The use cases own invalidation: with the cache attached to the services, this process's own
// issuance (a cached "not found") and revocation show at once, whatever the TTL.
TEST_P(StatusCacheTest, IssuanceAndRevocationThroughTheServicesClearTheCache) {
  CertificateStatusCache cache(std::chrono::hours(1));
  services_->status_cache = &cache;
  seed_passed(1, station_);
  file_all(station_actor_);
  auto ids = issuable_registrations(*services_, station_actor_);
  ASSERT_TRUE(ids && ids->size() == 1u);
  // The number the next issuance will take is unknown; ask for a number that is certainly not
  // issued yet, then check that the cache is empty again after the issuance committed.
  ASSERT_EQ(cache.status(db(), clock_, "YJJY-NOT-YET").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(cache.size(), 1u);
  auto report = issue_certificates(*services_, station_actor_, *ids);
  ASSERT_TRUE(report && report->issued == 1u);
  EXPECT_EQ(cache.size(), 0u) << "issuance clears the cached answers";
  const std::string number = report->numbers[0];
  ASSERT_EQ(cache.status(db(), clock_, number)->state, CertificateState::kValid);
  auto l = db().read([&](store::Transaction& tx) { return store::CertificateIssueRepository(tx).listing_by_number(number); });
  ASSERT_TRUE(l && *l);
  ASSERT_TRUE(revoke_certificate(*services_, station_actor_, (*l)->certificate.id, "考试违纪经复核确认"));
  EXPECT_EQ(cache.status(db(), clock_, number)->state, CertificateState::kRevoked) << "revocation shows at once";
  auto refused = revoke_certificate(*services_, station_actor_, (*l)->certificate.id, "再次");
  ASSERT_FALSE(refused);
  services_->status_cache = nullptr;
}

RC_INSTANTIATE_CERTIFICATE_TEST(StatusCacheTest);

}  // namespace rc::app::certificate_testing
