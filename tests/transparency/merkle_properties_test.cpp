// Properties over random trees: every audit path of every leaf verifies and nothing tampered
// does; consistency between any two sizes verifies and fails once a leaf changes; the frontier,
// the stored-node path and the recursive definition agree on every root.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <string>
#include <vector>

#include "transparency/frontier.h"
#include "transparency/merkle_tree.h"
#include "transparency/verify.h"

namespace rc::transparency {
namespace {

// Uniform in [min, max] whatever the test's size.
std::uint64_t uniform(std::uint64_t min, std::uint64_t max) {
  return *::rc::gen::resize(100, ::rc::gen::inRange<std::uint64_t>(min, max + 1));
}

std::vector<Hash> random_leaves(std::uint64_t n) {
  std::vector<Hash> out;
  for (std::uint64_t i = 0; i < n; ++i) out.push_back(leaf_hash("entry " + std::to_string(i) + " " + std::to_string(uniform(0, 1u << 30))));
  return out;
}

MemoryTree tree_of(const std::vector<Hash>& leaves) {
  MemoryTree t;
  for (const Hash& l : leaves) t.append(l);
  return t;
}

RC_GTEST_PROP(MerkleProperties, EveryAuditPathOfEveryLeafVerifies, ()) {
  const auto leaves = random_leaves(uniform(1, 70));
  const MemoryTree tree = tree_of(leaves);
  const std::uint64_t size = uniform(1, leaves.size());
  const Hash root = tree.root(size);
  for (std::uint64_t i = 0; i < size; ++i) {
    const auto proof = tree.inclusion_proof(i, size);
    RC_ASSERT(verify_inclusion(i, size, leaves[i], proof, root).has_value());
    // Any other leaf hash at this index fails, and so does another index.
    RC_ASSERT(!verify_inclusion(i, size, leaf_hash("forged"), proof, root).has_value());
    if (i + 1 < size) {
      RC_ASSERT(!verify_inclusion(i + 1, size, leaves[i], proof, root).has_value());
    }
  }
}

RC_GTEST_PROP(MerkleProperties, ATamperedProofOrRootFails, ()) {
  const auto leaves = random_leaves(uniform(2, 70));
  const MemoryTree tree = tree_of(leaves);
  const std::uint64_t i = uniform(0, leaves.size() - 1);
  auto proof = tree.inclusion_proof(i, leaves.size());
  Hash root = tree.root();
  const std::size_t k = uniform(0, proof.size() - 1);
  const unsigned bit = static_cast<unsigned>(uniform(0, 255));
  auto flip = [bit](Hash& x) { x[bit / 8] = static_cast<std::uint8_t>(x[bit / 8] ^ (1u << (bit % 8))); };
  auto tampered = proof;
  flip(tampered[k]);
  RC_ASSERT(!verify_inclusion(i, leaves.size(), leaves[i], tampered, root).has_value());
  flip(root);
  RC_ASSERT(!verify_inclusion(i, leaves.size(), leaves[i], proof, root).has_value());
}

RC_GTEST_PROP(MerkleProperties, ConsistencyBetweenAnyTwoSizesVerifies, ()) {
  const auto leaves = random_leaves(uniform(1, 70));
  const MemoryTree tree = tree_of(leaves);
  const std::uint64_t n = uniform(1, leaves.size());
  const std::uint64_t m = uniform(1, n);
  const auto proof = tree.consistency_proof(m, n);
  RC_ASSERT(verify_consistency(m, n, tree.root(m), tree.root(n), proof).has_value());
  RC_ASSERT(verify_consistency(0, n, empty_root(), tree.root(n), {}).has_value());
}

RC_GTEST_PROP(MerkleProperties, ConsistencyFailsWhenAnOldLeafChanges, ()) {
  const auto leaves = random_leaves(uniform(2, 70));
  const std::uint64_t n = uniform(2, leaves.size());
  const std::uint64_t m = uniform(1, n - 1);
  const MemoryTree honest = tree_of(leaves);
  // The log rewrote one leaf of the old tree and built the new tree on the rewritten history.
  auto rewritten = leaves;
  rewritten[uniform(0, m - 1)] = leaf_hash("rewritten");
  const MemoryTree forged = tree_of(rewritten);
  RC_ASSERT(!verify_consistency(m, n, honest.root(m), forged.root(n), forged.consistency_proof(m, n)).has_value());
  RC_ASSERT(!verify_consistency(m, n, honest.root(m), forged.root(n), honest.consistency_proof(m, n)).has_value());
}

RC_GTEST_PROP(MerkleProperties, FrontierAndStoredNodesAgreeWithTheDefinition, ()) {
  const auto leaves = random_leaves(uniform(0, 130));
  MemoryTree tree;
  Frontier frontier;
  std::vector<std::vector<Hash>> kept(1);  // what a store keeps: leaves and completed nodes
  for (const Hash& l : leaves) {
    tree.append(l);
    kept[0].push_back(l);
    for (const auto& [id, hash] : frontier.append(l)) {
      if (kept.size() <= id.level) kept.resize(id.level + 1);
      RC_ASSERT(kept[id.level].size() == id.index);  // completed in order, none twice
      kept[id.level].push_back(hash);
    }
    RC_ASSERT(frontier.root() == tree.root());
    RC_ASSERT(frontier.root() == reference_root(std::span(leaves).first(frontier.size())));
    auto restored = Frontier::restore(frontier.size(), frontier.bytes());
    RC_ASSERT(restored.has_value());
    RC_ASSERT(restored->root() == frontier.root());
  }
  for (unsigned l = 0; l < kept.size(); ++l)
    for (std::uint64_t i = 0; i < kept[l].size(); ++i) RC_ASSERT(kept[l][i] == tree.node({l, i}));
}

TEST(Frontier, RestoreRefusesBytesThatDoNotFitTheSize) {
  Frontier f;
  for (int i = 0; i < 5; ++i) f.append(leaf_hash(std::to_string(i)));  // 5 = 101b: two roots
  EXPECT_EQ(f.bytes().size(), 64u);
  EXPECT_TRUE(Frontier::restore(5, f.bytes()));
  EXPECT_FALSE(Frontier::restore(4, f.bytes()));
  EXPECT_FALSE(Frontier::restore(5, f.bytes().substr(1)));
  EXPECT_EQ(Frontier::restore(0, "")->root(), empty_root());
}

TEST(ProofRanges, PerfectCoverSplitsLargestFirst) {
  EXPECT_EQ(perfect_cover({0, 7}), (std::vector<NodeId>{{2, 0}, {1, 2}, {0, 6}}));
  EXPECT_EQ(perfect_cover({8, 12}), (std::vector<NodeId>{{2, 2}}));
  EXPECT_EQ(split_point(2), 1u);
  EXPECT_EQ(split_point(8), 4u);
  EXPECT_EQ(split_point(9), 8u);
}

}  // namespace
}  // namespace rc::transparency
