// The published RFC 6962 reference vectors: the eight test leaves, the roots of their prefixes,
// audit paths and consistency proofs. Data as published with the Certificate Transparency
// reference implementations (google/trillian merkle/log_verifier_test.go, the same values as the
// certificate-transparency C++ merkle_tree_test); only the data is taken.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "transparency/merkle_tree.h"
#include "transparency/verify.h"

namespace rc::transparency {
namespace {

const char* const kLeaves[] = {"",         "00",       "10",       "2021",
                               "3031",     "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"};

// kRoots[n]: MTH of the first n leaves.
const char* const kRoots[] = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
};

struct InclusionVector {
  std::uint64_t index, size;
  std::vector<std::string> path;
};
const InclusionVector kInclusion[] = {
    {0, 1, {}},
    {0, 2, {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"}},
    {1, 2, {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"}},
    {2, 3, {"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"}},
    {1, 5,
     {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
    {0, 8,
     {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
    {5, 8,
     {"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
};

struct ConsistencyVector {
  std::uint64_t first, second;
  std::vector<std::string> proof;
};
const ConsistencyVector kConsistency[] = {
    {1, 1, {}},
    {1, 8,
     {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
    {6, 8,
     {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
    {2, 5,
     {"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
};

Hash h(const std::string& hex) { return *hash_from_hex(hex); }

std::vector<Hash> hashes(const std::vector<std::string>& hex) {
  std::vector<Hash> out;
  for (const auto& x : hex) out.push_back(h(x));
  return out;
}

std::vector<std::string> hexes(const std::vector<Hash>& hs) {
  std::vector<std::string> out;
  for (const auto& x : hs) out.push_back(to_hex(x));
  return out;
}

std::vector<Hash> leaf_hashes() {
  std::vector<Hash> out;
  for (const char* hex : kLeaves) out.push_back(leaf_hash(*bytes_from_hex(hex)));
  return out;
}

MemoryTree vector_tree() {
  MemoryTree t;
  for (const Hash& l : leaf_hashes()) t.append(l);
  return t;
}

TEST(Rfc6962Vectors, HashingSeparatesLeavesFromNodes) {
  EXPECT_EQ(to_hex(empty_root()), kRoots[0]);
  EXPECT_EQ(to_hex(leaf_hash("")), kRoots[1]);  // the one-leaf tree's root is its leaf hash
  EXPECT_EQ(to_hex(node_hash(leaf_hash(""), leaf_hash(*bytes_from_hex("00")))), kRoots[2]);
  EXPECT_NE(leaf_hash(""), empty_root());
}

TEST(Rfc6962Vectors, RootsOfEveryPrefix) {
  const auto leaves = leaf_hashes();
  const MemoryTree tree = vector_tree();
  for (std::size_t n = 0; n <= 8; ++n) {
    EXPECT_EQ(to_hex(tree.root(n)), kRoots[n]) << n;
    EXPECT_EQ(to_hex(reference_root(std::span(leaves).first(n))), kRoots[n]) << n;
  }
}

TEST(Rfc6962Vectors, AuditPathsAreGeneratedAndVerify) {
  const auto leaves = leaf_hashes();
  const MemoryTree tree = vector_tree();
  for (const auto& v : kInclusion) {
    SCOPED_TRACE(std::to_string(v.index) + "/" + std::to_string(v.size));
    EXPECT_EQ(hexes(tree.inclusion_proof(v.index, v.size)), v.path);
    const auto path = hashes(v.path);
    const Hash root = h(kRoots[v.size]);
    EXPECT_TRUE(verify_inclusion(v.index, v.size, leaves[v.index], path, root));
    // The same proof must not verify for a neighbour, another size, another leaf or root.
    EXPECT_FALSE(verify_inclusion(v.index + 1, v.size, leaves[v.index], path, root));
    if (v.index > 0) {
      EXPECT_FALSE(verify_inclusion(v.index - 1, v.size, leaves[v.index], path, root));
    }
    EXPECT_FALSE(verify_inclusion(v.index, v.size * 2, leaves[v.index], path, root));
    EXPECT_FALSE(verify_inclusion(v.index, v.size, leaf_hash("WrongLeaf"), path, root));
    EXPECT_FALSE(verify_inclusion(v.index, v.size, leaves[v.index], path, empty_root()));
    auto longer = path;
    longer.push_back(root);
    EXPECT_FALSE(verify_inclusion(v.index, v.size, leaves[v.index], longer, root));
    if (!path.empty()) {
      auto shorter = path;
      shorter.pop_back();
      EXPECT_FALSE(verify_inclusion(v.index, v.size, leaves[v.index], shorter, root));
    }
  }
}

TEST(Rfc6962Vectors, ConsistencyProofsAreGeneratedAndVerify) {
  const MemoryTree tree = vector_tree();
  for (const auto& v : kConsistency) {
    SCOPED_TRACE(std::to_string(v.first) + "->" + std::to_string(v.second));
    EXPECT_EQ(hexes(tree.consistency_proof(v.first, v.second)), v.proof);
    const auto proof = hashes(v.proof);
    const Hash r1 = h(kRoots[v.first]), r2 = h(kRoots[v.second]);
    EXPECT_TRUE(verify_consistency(v.first, v.second, r1, r2, proof));
    if (proof.empty()) continue;
    EXPECT_FALSE(verify_consistency(v.first, v.second, r2, r1, proof));
    EXPECT_FALSE(verify_consistency(v.first - 1, v.second, r1, r2, proof));
    EXPECT_FALSE(verify_consistency(v.first + 1, v.second, r1, r2, proof));
    EXPECT_FALSE(verify_consistency(v.first, v.second * 2, r1, r2, proof));
    EXPECT_FALSE(verify_consistency(v.first, v.second, r1, r2, {}));
    for (std::size_t i = 0; i < proof.size(); ++i) {
      auto bad = proof;
      bad[i] = empty_root();
      EXPECT_FALSE(verify_consistency(v.first, v.second, r1, r2, bad)) << i;
    }
    auto longer = proof;
    longer.push_back(r1);
    EXPECT_FALSE(verify_consistency(v.first, v.second, r1, r2, longer));
  }
}

TEST(Rfc6962Vectors, DegenerateConsistencyCases) {
  const Hash any = leaf_hash("x");
  EXPECT_TRUE(verify_consistency(0, 0, empty_root(), empty_root(), {}));
  EXPECT_TRUE(verify_consistency(0, 5, empty_root(), any, {}));
  EXPECT_FALSE(verify_consistency(0, 5, any, any, {}));  // the empty tree has one root
  EXPECT_FALSE(verify_consistency(1, 0, any, any, {}));  // time travel
  EXPECT_FALSE(verify_consistency(2, 1, any, any, {}));
  EXPECT_FALSE(verify_consistency(1, 2, any, any, {}));  // needs a proof
  EXPECT_FALSE(verify_consistency(1, 1, any, empty_root(), {}));
  EXPECT_FALSE(verify_consistency(1, 1, any, any, std::vector<Hash>{any}));
  auto e = verify_consistency(1, 2, any, any, {});
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, ErrorCode::kLogInconsistent);
}

TEST(Rfc6962Vectors, InclusionRefusesIndicesOutsideTheTree) {
  const Hash any = leaf_hash("x");
  for (auto [index, size] : {std::pair<std::uint64_t, std::uint64_t>{0, 0}, {1, 0}, {2, 1}, {1, 1}}) {
    auto r = verify_inclusion(index, size, any, {}, any);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kLogProofInvalid);
  }
  EXPECT_TRUE(verify_inclusion(0, 1, any, {}, any));
}

}  // namespace
}  // namespace rc::transparency
