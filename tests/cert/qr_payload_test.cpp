#include "cert/qr_payload.h"

#include <gtest/gtest.h>

#include "cert/qr_vector.h"
#include "cert_fixture.h"

namespace rc::cert {
namespace {

using namespace testing;

TEST(QrPayload, RoundTripsTheSignedFields) {
  const std::string text = qr_text(sample_content(), test_key());
  EXPECT_EQ(text.rfind(sample_content().verification_url + "&q=1.", 0), 0u) << text;
  EXPECT_LE(text.size(), 220u);
  auto p = verify_qr_text(text, test_key().public_key());
  ASSERT_TRUE(p.has_value()) << p.error().message;
  EXPECT_EQ(p->number, sample_content().number);
  EXPECT_EQ(p->level, "5");
  EXPECT_EQ(p->issued_on, test_date());
  EXPECT_EQ(p->url, sample_content().verification_url);
  EXPECT_EQ(p->holder_digest, holder_digest(sample_content().number, sample_content().holder_name, sample_content().document_number));
}

TEST(QrPayload, HolderDigestNeedsTheRightPersonAndIgnoresCaseAndSpaces) {
  const std::string d = holder_digest("N1", "张三", "11010519491231002X");
  EXPECT_EQ(d.size(), 16u);
  EXPECT_EQ(holder_digest("N1", "张三", "110105 19491231002x"), d);
  EXPECT_NE(holder_digest("N1", "张四", "11010519491231002X"), d);
  EXPECT_NE(holder_digest("N2", "张三", "11010519491231002X"), d);
  EXPECT_NE(holder_digest("N1", "张三", "110105194912310021"), d);
}

TEST(QrPayload, EverySignedCharacterIsProtected) {
  const std::string text = qr_text(sample_content(), test_key());
  const std::size_t start = text.find("q=") + 2;
  int refused = 0;
  for (std::size_t i = start; i < text.size(); ++i) {
    if (text[i] == '.') continue;
    std::string t = text;
    t[i] = t[i] == 'A' ? 'B' : 'A';
    auto r = verify_qr_text(t, test_key().public_key());
    ASSERT_FALSE(r.has_value()) << "position " << i << ": " << t;
    EXPECT_TRUE(r.error().code == ErrorCode::kQrSignatureInvalid || r.error().code == ErrorCode::kQrPayloadMalformed);
    refused += r.error().code == ErrorCode::kQrSignatureInvalid;
  }
  EXPECT_GT(refused, 100);
}

TEST(QrPayload, ChangedFieldsFailTheSignature) {
  const std::string text = qr_text(sample_content(), test_key());
  std::string other_level = text;
  other_level.replace(other_level.find(".5.2026"), 7, ".4.2026");
  EXPECT_EQ(verify_qr_text(other_level, test_key().public_key()).error().code, ErrorCode::kQrSignatureInvalid);
  const auto other = *Sm2PrivateKey::generate();
  EXPECT_EQ(verify_qr_text(text, other.public_key()).error().code, ErrorCode::kQrSignatureInvalid);
}

TEST(QrPayload, MalformedTextsAreRefusedAsMalformed) {
  for (std::string bad : std::vector<std::string>{"", "https://x/verify", "https://x/verify?q=", "https://x/verify?q=1.a.5.20261128.sig.N",
                          "https://x/verify?q=2.AAAAAAAAAAAAAAAA.5.20261128.AAAA.N", std::string(5000, 'q')}) {
    auto r = verify_qr_text(bad, test_key().public_key());
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kQrPayloadMalformed) << bad;
  }
}

TEST(QrPayload, NumbersWithUnusualCharactersArePercentEncoded) {
  CertificateContent c = sample_content();
  c.number = "A.1/2&3 四";
  c.verification_url = "https://x/verify";
  const std::string text = qr_text(c, test_key());
  EXPECT_NE(text.find("?q=1."), std::string::npos);
  EXPECT_EQ(text.find('&'), std::string::npos);
  auto p = verify_qr_text(text, test_key().public_key());
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->number, c.number);
}

TEST(QrPayload, LevelCodes) {
  EXPECT_EQ(level_code("五级/初级工"), "5");
  EXPECT_EQ(level_code("一级/高级技师"), "1");
  EXPECT_EQ(level_code("3"), "3");
  EXPECT_EQ(level_code("特级技师"), "0");
}

TEST(QrVector, RowRunsAreMergedIntoOneRectangleEach) {
  auto qr = qr_vector("https://example/verify?no=1", 30);
  ASSERT_TRUE(qr.has_value());
  EXPECT_LE(qr->size_mm, 30);
  EXPECT_GT(qr->size_mm, 25);
  EXPECT_GE(qr->modules, 21);
  std::size_t rects = 0;
  for (std::size_t at = 0; (at = qr->abbreviated_data.find(" C", at)) != std::string::npos; ++at) ++rects;
  EXPECT_GT(rects, 20u);
  EXPECT_LT(rects, static_cast<std::size_t>(qr->modules * qr->modules / 2));
  EXPECT_EQ(qr->abbreviated_data.rfind("M ", 0), 0u);
}

}  // namespace
}  // namespace rc::cert
