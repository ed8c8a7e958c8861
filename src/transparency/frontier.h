#pragma once
// Frontier: the compact state of an append-only tree, the roots of its perfect subtrees, one per
// set bit of the size (at most 64 hashes, 17 at 100,000 leaves). Appending is O(log n) hashes
// (amortised O(1)) and the current root is at most 63 more, so the log can be appended to inside
// an issuance transaction without reading any leaf. The store keeps it serialised next to the
// size and keeps each perfect subtree that an append completes, from which proofs are built.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "transparency/hash.h"
#include "transparency/merkle_tree.h"

namespace rc::transparency {

class Frontier {
 public:
  Frontier() = default;
  // From size() and bytes(); nullopt when they do not fit together (a corrupt or edited state).
  static std::optional<Frontier> restore(std::uint64_t size, std::string_view bytes);

  std::uint64_t size() const { return size_; }
  // Appends one leaf hash (leaf index size()). Returns the perfect subtrees of level >= 1 this
  // append completed, lowest first, for a store that keeps interior nodes.
  std::vector<std::pair<NodeId, Hash>> append(const Hash& leaf);
  // MTH of the whole tree; the empty-tree hash when size() == 0.
  Hash root() const;
  // The subtree roots, largest (leftmost) first, concatenated: 32 bytes each.
  std::string bytes() const;

 private:
  std::uint64_t size_ = 0;
  std::vector<Hash> roots_;  // largest (leftmost) first
};

}  // namespace rc::transparency
