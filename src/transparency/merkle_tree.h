#pragma once
// The Merkle Tree Hash, audit paths and consistency proofs of RFC 6962 §2.1, over leaf hashes.
//
// Proofs are computed in two steps so that the same code serves a tree in memory and one kept in
// a database: first the subtrees whose hashes make the proof (inclusion_ranges,
// consistency_ranges: pure index arithmetic), then each subtree's hash from the perfect
// (power-of-two, aligned) subtrees it splits into, read through a NodeReader. A store that keeps
// every perfect subtree's hash answers any proof with O(log n) reads.

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "domain/common/result.h"
#include "transparency/hash.h"

namespace rc::transparency {

// Leaves [begin, end): a subtree of the RFC 6962 tree (begin is aligned to its own size rounded
// up to a power of two).
struct Range {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  friend bool operator==(const Range&, const Range&) = default;
};

// A perfect subtree: 2^level leaves starting at leaf index << level. Level 0 is a leaf.
struct NodeId {
  unsigned level = 0;
  std::uint64_t index = 0;
  friend bool operator==(const NodeId&, const NodeId&) = default;
};

// The largest power of two strictly below n. REQUIRES: n >= 2.
std::uint64_t split_point(std::uint64_t n);

// The subtrees whose hashes form PATH(index, D[size]), in proof order (leaf side first).
// REQUIRES: index < size.
std::vector<Range> inclusion_ranges(std::uint64_t index, std::uint64_t size);
// The subtrees whose hashes form PROOF(first, D[second]), in proof order; empty when
// first == second. REQUIRES: 0 < first <= second.
std::vector<Range> consistency_ranges(std::uint64_t first, std::uint64_t second);
// The perfect subtrees r splits into, left to right (largest first).
std::vector<NodeId> perfect_cover(Range r);

// Reads the hash of one perfect subtree from wherever the tree is kept.
using NodeReader = std::function<Result<Hash>(NodeId)>;
// MTH of the leaves in r. REQUIRES: r.begin < r.end.
[[nodiscard]] Result<Hash> range_hash(Range r, const NodeReader& read);
[[nodiscard]] Result<std::vector<Hash>> range_hashes(const std::vector<Range>& ranges, const NodeReader& read);

// A whole tree in memory: every perfect subtree's hash, 2n hashes for n leaves. Used by the
// verifier, which rebuilds the tree from the entries it reads, and by tests.
class MemoryTree {
 public:
  void append(const Hash& leaf);
  std::uint64_t size() const { return levels_.empty() ? 0 : levels_[0].size(); }
  // MTH(D[0:size]). REQUIRES: size <= size().
  Hash root(std::uint64_t size) const;
  Hash root() const { return root(size()); }
  // REQUIRES: index < size <= size().
  std::vector<Hash> inclusion_proof(std::uint64_t index, std::uint64_t size) const;
  // REQUIRES: 0 < first <= second <= size().
  std::vector<Hash> consistency_proof(std::uint64_t first, std::uint64_t second) const;
  // REQUIRES: the node is complete in this tree.
  const Hash& node(NodeId id) const { return levels_[id.level][id.index]; }

 private:
  std::vector<Hash> hashes(const std::vector<Range>& ranges) const;
  std::vector<std::vector<Hash>> levels_;  // levels_[l][i]: perfect subtree (l, i)
};

// MTH(D[n]) straight from the definition (recursive split), for tests to compare with.
Hash reference_root(std::span<const Hash> leaves);

}  // namespace rc::transparency
