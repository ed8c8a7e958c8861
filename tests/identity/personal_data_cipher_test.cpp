#include "identity/personal_data_cipher.h"

#include <gtest/gtest.h>

#include <set>

#include "identity/secure_random.h"

namespace rc::identity {
namespace {

Key256 key(std::uint8_t fill) {
  Key256 k;
  k.fill(fill);
  return k;
}

class CipherTest : public ::testing::Test {
 protected:
  SeededRandom random_{7};
  PersonalDataCipher cipher_{key(1), key(2), key(3), random_};
};

constexpr std::string_view kId = "51130219900101123X";

TEST_F(CipherTest, RoundTripsIdNumbersAndBiometrics) {
  std::string blob = cipher_.encrypt_id_number(kId);
  EXPECT_EQ(blob.size(), 1 + 12 + kId.size() + 16);
  EXPECT_EQ(static_cast<std::uint8_t>(blob[0]), 1);
  EXPECT_EQ(blob.find(kId), std::string::npos);
  auto back = cipher_.decrypt_id_number(blob);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, kId);

  std::string face(512, '\0');
  for (std::size_t i = 0; i < face.size(); ++i) face[i] = static_cast<char>(i * 7);
  auto face_back = cipher_.decrypt_biometric(cipher_.encrypt_biometric(face));
  ASSERT_TRUE(face_back);
  EXPECT_EQ(*face_back, face);
  auto empty = cipher_.decrypt_biometric(cipher_.encrypt_biometric(""));
  ASSERT_TRUE(empty);
  EXPECT_EQ(*empty, "");
}

TEST_F(CipherTest, FreshNonceEveryTime) {
  std::set<std::string> blobs;
  for (int i = 0; i < 50; ++i) blobs.insert(cipher_.encrypt_id_number(kId));
  EXPECT_EQ(blobs.size(), 50u);
}

TEST_F(CipherTest, EveryChangedByteIsDetected) {
  const std::string blob = cipher_.encrypt_id_number(kId);
  for (std::size_t i = 0; i < blob.size(); ++i) {
    std::string bad = blob;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    auto r = cipher_.decrypt_id_number(bad);
    ASSERT_FALSE(r) << "byte " << i;
    EXPECT_EQ(r.error().code, ErrorCode::kKeyFailure);
  }
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{28}, blob.size() - 1})
    EXPECT_FALSE(cipher_.decrypt_id_number(blob.substr(0, n))) << n;
  EXPECT_FALSE(cipher_.decrypt_id_number(blob + "x"));
}

TEST_F(CipherTest, PurposesDoNotMixEvenUnderOneKey) {
  SeededRandom r(1);
  PersonalDataCipher same_keys(key(9), key(2), key(9), r);
  auto id_blob = same_keys.encrypt_id_number(kId);
  auto bio_blob = same_keys.encrypt_biometric(kId);
  EXPECT_FALSE(same_keys.decrypt_biometric(id_blob));
  EXPECT_FALSE(same_keys.decrypt_id_number(bio_blob));
  EXPECT_TRUE(same_keys.decrypt_id_number(id_blob));
  EXPECT_TRUE(same_keys.decrypt_biometric(bio_blob));
}

TEST_F(CipherTest, AnotherKeyCannotDecrypt) {
  PersonalDataCipher other(key(4), key(2), key(3), random_);
  EXPECT_FALSE(other.decrypt_id_number(cipher_.encrypt_id_number(kId)));
}

TEST_F(CipherTest, LookupHashIsKeyedStableAndPerDocumentType) {
  auto h = cipher_.lookup_hash("resident_id", kId);
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(h, cipher_.lookup_hash("resident_id", kId));
  EXPECT_NE(h, cipher_.lookup_hash("passport", kId));
  EXPECT_NE(h, cipher_.lookup_hash("resident_id", "51130219900101124X"));
  // The separator keeps (type, number) pairs apart: "ab"+"c" differs from "a"+"bc".
  EXPECT_NE(cipher_.lookup_hash("ab", "c"), cipher_.lookup_hash("a", "bc"));
  PersonalDataCipher other(key(1), key(5), key(3), random_);
  EXPECT_NE(h, other.lookup_hash("resident_id", kId));
}

TEST(CipherKnownAnswer, LookupHashIsHmacSha256OfTypeNulNumber) {
  // Value from Python: hmac.new(b"\x02" * 32, b"resident_id\x00511302199001011234", sha256).
  SecureRandom random;
  PersonalDataCipher c(key(0x11), key(0x02), key(0x33), random);
  EXPECT_EQ(c.lookup_hash("resident_id", "511302199001011234"),
            "feb94025394e84a177f790a2d9031ff45ec49ae332cbf952f9151c404fee4505");
  auto blob = c.encrypt_id_number("X");  // and a real CSPRNG drives the nonces
  EXPECT_EQ(*c.decrypt_id_number(blob), "X");
}

}  // namespace
}  // namespace rc::identity
