// Tree heads: the RFC 6962 §3.5 byte layout, and signing through the callables.
#include <gtest/gtest.h>

#include "transparency/tree_head.h"

namespace rc::transparency {
namespace {

TreeHead sample() {
  return TreeHead{0x0102030405060708ull, leaf_hash("x"), Millis(std::chrono::milliseconds(0x1122334455667788ll))};
}

TEST(TreeHead, BytesAreVersionTypeTimestampSizeRootBigEndian) {
  const std::string b = tree_head_bytes(sample());
  ASSERT_EQ(b.size(), kTreeHeadBytes);
  EXPECT_EQ(to_hex(b.substr(0, 18)), "0001112233445566778801020304050607" "08");
  EXPECT_EQ(b.substr(18), hash_bytes(leaf_hash("x")));
  EXPECT_EQ(parse_tree_head_bytes(b), sample());
  EXPECT_FALSE(parse_tree_head_bytes(b.substr(1)));
  std::string v2 = b;
  v2[0] = 1;
  EXPECT_FALSE(parse_tree_head_bytes(v2));
}

TEST(TreeHead, SignsTheBytesAndChecksTheSignature) {
  // A stand-in signature scheme: the signature is the message reversed.
  Signer sign = [](std::string_view m) -> Result<std::string> { return std::string(m.rbegin(), m.rend()); };
  SignatureCheck check = [](std::string_view m, std::string_view s) { return std::string(m.rbegin(), m.rend()) == s; };
  auto sth = sign_tree_head(sample(), sign);
  ASSERT_TRUE(sth);
  EXPECT_TRUE(verify_tree_head(*sth, check));
  auto moved = *sth;
  moved.head.tree_size += 1;
  auto e = verify_tree_head(moved, check);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, ErrorCode::kLogProofInvalid);
  moved = *sth;
  moved.signature.clear();
  EXPECT_FALSE(verify_tree_head(moved, check));
}

TEST(TreeHead, SignerFailurePassesThrough) {
  Signer broken = [](std::string_view) -> Result<std::string> { return fail(ErrorCode::kKeyFailure); };
  auto sth = sign_tree_head(sample(), broken);
  ASSERT_FALSE(sth);
  EXPECT_EQ(sth.error().code, ErrorCode::kKeyFailure);
}

}  // namespace
}  // namespace rc::transparency
