#include "cert/sm2.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "cert_fixture.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

namespace rc::cert {
namespace {

using testing::test_key;
using rc::testing::run_command;
using rc::testing::shell_quote;

TEST(Sm3, MatchesTheStandardTestVector) {
  // GB/T 32905-2016 Appendix A.1: SM3("abc").
  EXPECT_EQ(sm3_hex("abc"), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
}

TEST(Sm2, SignsAndVerifiesAndRejectsOtherMessages) {
  auto sig = test_key().sign("职业资格证书");
  ASSERT_TRUE(sig.has_value());
  EXPECT_GE(sig->size(), 68u);
  EXPECT_LE(sig->size(), 72u);
  const Sm2PublicKey pub = *Sm2PublicKey::from_pem(test_key().public_pem());
  EXPECT_TRUE(pub.verify("职业资格证书", *sig));
  EXPECT_FALSE(pub.verify("职业资格证书!", *sig));
  std::string bad = *sig;
  bad[bad.size() - 3] ^= 0x01;
  EXPECT_FALSE(pub.verify("职业资格证书", bad));
  EXPECT_FALSE(pub.verify("职业资格证书", ""));
  EXPECT_FALSE(pub.verify("职业资格证书", "garbage"));
  const auto other = *Sm2PrivateKey::generate();
  EXPECT_FALSE(Sm2PublicKey::from_pem(other.public_pem())->verify("职业资格证书", *sig));
}

TEST(Sm2, PemRoundTripKeepsTheKeyAndFingerprint) {
  auto again = Sm2PrivateKey::from_pem(test_key().private_pem());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->fingerprint(), test_key().fingerprint());
  EXPECT_EQ(Sm2PublicKey::from_pem(test_key().public_pem())->fingerprint(), test_key().fingerprint());
  EXPECT_EQ(test_key().fingerprint().size(), 64u);
  EXPECT_NE(Sm2PrivateKey::generate()->fingerprint(), test_key().fingerprint());
}

TEST(Sm2, RefusesGarbageAndNonSm2Keys) {
  EXPECT_EQ(Sm2PrivateKey::from_pem("nope").error().code, ErrorCode::kKeyFailure);
  EXPECT_EQ(Sm2PublicKey::from_pem("").error().code, ErrorCode::kKeyFailure);
  rc::testing::TempDir dir;
  auto r = run_command("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out " + shell_quote(dir.str() + "/p256.pem"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Sm2PrivateKey::from_pem(testing::read_file(dir.path() / "p256.pem")).error().code, ErrorCode::kKeyFailure);
}

TEST(Sm2, OpensslCommandLineVerifiesOurSignatureAndWeVerifyItsSignature) {
  rc::testing::TempDir dir;
  const auto d = dir.path();
  testing::write_file(d / "msg", "签名的内容");
  testing::write_file(d / "sig", *test_key().sign("签名的内容"));
  testing::write_file(d / "pub.pem", test_key().public_pem());
  testing::write_file(d / "key.pem", test_key().private_pem());
  const std::string q = shell_quote(d.string());
  auto r = run_command("openssl dgst -sm3 -verify " + q + "/pub.pem -sigopt distid:1234567812345678 -signature " + q +
                       "/sig " + q + "/msg");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Verified OK"), std::string::npos);
  // The empty default ID of OpenSSL 3.0 must not verify: it shows the ID really is set.
  auto empty_id = run_command("openssl dgst -sm3 -verify " + q + "/pub.pem -signature " + q + "/sig " + q + "/msg");
  EXPECT_NE(empty_id.exit_code, 0);
  auto s = run_command("openssl dgst -sm3 -sign " + q + "/key.pem -sigopt distid:1234567812345678 -out " + q + "/sig2 " + q + "/msg");
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_TRUE(test_key().public_key().verify("签名的内容", testing::read_file(d / "sig2")));
}

TEST(Sm2, KeysFromOpensslGenpkeyLoad) {
  rc::testing::TempDir dir;
  const std::string p = dir.str() + "/sm2.pem";
  ASSERT_EQ(run_command("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2 -out " + shell_quote(p)).exit_code, 0);
  auto key = Sm2PrivateKey::from_pem(testing::read_file(p));
  ASSERT_TRUE(key.has_value()) << key.error().message;
  auto sig = key->sign("x");
  ASSERT_TRUE(sig.has_value());
  EXPECT_TRUE(Sm2PublicKey::from_pem(key->public_pem())->verify("x", *sig));
}

TEST(Sm2, OneKeySignsFromSeveralThreadsAtOnce) {
  const Sm2PublicKey pub = test_key().public_key();
  std::vector<std::thread> threads;
  std::atomic<int> good{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const std::string m = std::to_string(t) + ":" + std::to_string(i);
        auto sig = test_key().sign(m);
        if (sig && pub.verify(m, *sig)) ++good;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(good.load(), 100);
}

TEST(Sm2, SignatureEncodingsRoundTripAndRejectNonCanonicalDer) {
  auto der = *test_key().sign("m");
  auto raw = sm2_signature_raw(der);
  ASSERT_TRUE(raw.has_value());
  EXPECT_EQ(raw->size(), 64u);
  EXPECT_EQ(sm2_signature_der(*raw), der);
  EXPECT_FALSE(sm2_signature_raw(der + "x").has_value());
  std::string longer = der;
  longer[1] = static_cast<char>(longer[1] + 1);
  EXPECT_FALSE(sm2_signature_raw(longer).has_value());
  EXPECT_FALSE(sm2_signature_der("short").has_value());
}

}  // namespace
}  // namespace rc::cert
