// Issuance with the real OFD writer and SM2 key on two signing threads: every certificate is
// issued once, numbered 1..N, each file a signed OFD zip. (How fast: bench/issuance_bench.cpp
// in a release build, figures in bench/README.md; never timed here.)

#include "app/certificates/certificate_fixture.h"
#include "cert/sm2.h"

namespace rc::app::certificate_testing {
namespace {

class IssuanceRealWriterTest : public CertificateTest {};

TEST_P(IssuanceRealWriterTest, RealOfdWriterIssuesABatchInParallelChunks) {
  auto key = cert::Sm2PrivateKey::generate();
  ASSERT_TRUE(key);
  KeySet keys;
  keys.signing_private_pem = key->private_pem();
  auto writer = ofd_certificate_writer(keys);
  ASSERT_TRUE(writer) << writer.error().message;
  CertificateServices s{db(), clock_, *policies_, cipher_, **writer, {}};
  s.settings.threads = 2;
  s.settings.chunk = 100;
  constexpr int kCount = 300;
  seed_passed(kCount, station_);
  file_all(station_actor_);
  auto ids = issuable_registrations(s, station_actor_);
  ASSERT_TRUE(ids);
  auto report = issue_certificates(s, station_actor_, *ids);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->issued, static_cast<std::size_t>(kCount));
  std::vector<int> expected(kCount);
  for (int i = 0; i < kCount; ++i) expected[static_cast<std::size_t>(i)] = i + 1;
  EXPECT_EQ(serials(station_, 2025), expected);
  auto file = db().read([&](store::Transaction& tx) { return store::CertificateIssueRepository(tx).find_file(1); });
  ASSERT_TRUE(file && *file);
  const std::string bytes((*file)->content.begin(), (*file)->content.end());
  EXPECT_TRUE(bytes.starts_with("PK"));
  EXPECT_NE(bytes.find("OFD.xml"), std::string::npos);
}

}  // namespace

RC_INSTANTIATE_CERTIFICATE_TEST(IssuanceRealWriterTest);

}  // namespace rc::app::certificate_testing
