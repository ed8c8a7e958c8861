#include "identity/secret_digest.h"

#include <gtest/gtest.h>

#include <vector>

#include "identity/secure_random.h"

namespace rc::identity {
namespace {

TEST(SecretDigest, Sha256KnownAnswer) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(SecretDigest, Base64UrlRfc4648Vectors) {
  auto enc = [](std::string_view s) {
    return base64url(std::span(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()));
  };
  EXPECT_EQ(enc(""), "");
  EXPECT_EQ(enc("f"), "Zg");
  EXPECT_EQ(enc("fo"), "Zm8");
  EXPECT_EQ(enc("foo"), "Zm9v");
  EXPECT_EQ(enc("foob"), "Zm9vYg");
  EXPECT_EQ(enc("fooba"), "Zm9vYmE");
  EXPECT_EQ(enc("foobar"), "Zm9vYmFy");
  std::vector<std::uint8_t> high{0xfb, 0xff};
  EXPECT_EQ(base64url(high), "-_8");
}

TEST(SecretDigest, SaltedDigestsMatchOnlyTheirSecret) {
  SeededRandom random(1);
  auto a = salted_digest(random, "123456");
  auto b = salted_digest(random, "123456");
  EXPECT_NE(a, b);  // salted
  EXPECT_TRUE(salted_digest_matches(a, "123456"));
  EXPECT_TRUE(salted_digest_matches(b, "123456"));
  EXPECT_FALSE(salted_digest_matches(a, "123457"));
  EXPECT_FALSE(salted_digest_matches("garbage", "123456"));
  EXPECT_FALSE(salted_digest_matches("", ""));
}

TEST(SecureRandom, FillsAndTokensDiffer) {
  SecureRandom random;
  EXPECT_NE(random_token(random), random_token(random));
  EXPECT_EQ(random_token(random).size(), 43u);
  std::vector<std::uint8_t> buf(64, 0);
  random.fill(buf);
  int zeros = 0;
  for (auto b : buf) zeros += b == 0;
  EXPECT_LT(zeros, 16);
  random.fill({});  // empty is fine
}

}  // namespace
}  // namespace rc::identity
