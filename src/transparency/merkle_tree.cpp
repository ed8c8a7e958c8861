#include "transparency/merkle_tree.h"

#include <bit>
#include <cassert>

namespace rc::transparency {
namespace {

void path(std::uint64_t m, std::uint64_t begin, std::uint64_t end, std::vector<Range>& out) {
  const std::uint64_t n = end - begin;
  if (n == 1) return;
  const std::uint64_t k = split_point(n);
  if (m < k) {
    path(m, begin, begin + k, out);
    out.push_back({begin + k, end});
  } else {
    path(m - k, begin + k, end, out);
    out.push_back({begin, begin + k});
  }
}

// SUBPROOF(m, D[begin:end], b) of RFC 6962 §2.1.2: `whole` is b, true while the old tree's root
// is still the left edge of this subtree (so the verifier already knows that hash).
void subproof(std::uint64_t m, std::uint64_t begin, std::uint64_t end, bool whole, std::vector<Range>& out) {
  const std::uint64_t n = end - begin;
  if (m == n) {
    if (!whole) out.push_back({begin, end});
    return;
  }
  const std::uint64_t k = split_point(n);
  if (m <= k) {
    subproof(m, begin, begin + k, whole, out);
    out.push_back({begin + k, end});
  } else {
    subproof(m - k, begin + k, end, false, out);
    out.push_back({begin, begin + k});
  }
}

}  // namespace

std::uint64_t split_point(std::uint64_t n) {
  assert(n >= 2);
  return std::bit_floor(n - 1);
}

std::vector<Range> inclusion_ranges(std::uint64_t index, std::uint64_t size) {
  assert(index < size);
  std::vector<Range> out;
  path(index, 0, size, out);
  return out;
}

std::vector<Range> consistency_ranges(std::uint64_t first, std::uint64_t second) {
  assert(0 < first && first <= second);
  std::vector<Range> out;
  subproof(first, 0, second, true, out);
  return out;
}

std::vector<NodeId> perfect_cover(Range r) {
  std::vector<NodeId> out;
  std::uint64_t b = r.begin;
  while (b < r.end) {
    std::uint64_t size = std::bit_floor(r.end - b);
    while (b % size != 0) size >>= 1;  // keeps every piece aligned even for a range that is not
    const auto level = static_cast<unsigned>(std::countr_zero(size));
    out.push_back({level, b >> level});
    b += size;
  }
  return out;
}

Result<Hash> range_hash(Range r, const NodeReader& read) {
  assert(r.begin < r.end);
  const auto cover = perfect_cover(r);
  // MTH splits off the largest power of two on the left, so the pieces fold from the right.
  auto h = read(cover.back());
  if (!h) return h;
  for (auto it = cover.rbegin() + 1; it != cover.rend(); ++it) {
    auto left = read(*it);
    if (!left) return left;
    *h = node_hash(*left, *h);
  }
  return h;
}

Result<std::vector<Hash>> range_hashes(const std::vector<Range>& ranges, const NodeReader& read) {
  std::vector<Hash> out;
  out.reserve(ranges.size());
  for (const Range& r : ranges) {
    auto h = range_hash(r, read);
    if (!h) return fail(h.error());
    out.push_back(*h);
  }
  return out;
}

void MemoryTree::append(const Hash& leaf) {
  if (levels_.empty()) levels_.emplace_back();
  levels_[0].push_back(leaf);
  // Each append completes one perfect subtree per trailing one bit of the new size.
  for (unsigned l = 0; levels_[l].size() % 2 == 0; ++l) {
    if (levels_.size() == l + 1) levels_.emplace_back();
    const auto& below = levels_[l];
    Hash parent = node_hash(below[below.size() - 2], below.back());
    levels_[l + 1].push_back(parent);
  }
}

Hash MemoryTree::root(std::uint64_t size) const {
  assert(size <= this->size());
  if (size == 0) return empty_root();
  auto h = range_hash({0, size}, [this](NodeId id) -> Result<Hash> { return node(id); });
  return *h;  // the in-memory reader cannot fail
}

std::vector<Hash> MemoryTree::hashes(const std::vector<Range>& ranges) const {
  auto h = range_hashes(ranges, [this](NodeId id) -> Result<Hash> { return node(id); });
  return std::move(*h);
}

std::vector<Hash> MemoryTree::inclusion_proof(std::uint64_t index, std::uint64_t size) const {
  assert(size <= this->size());
  return hashes(inclusion_ranges(index, size));
}

std::vector<Hash> MemoryTree::consistency_proof(std::uint64_t first, std::uint64_t second) const {
  assert(second <= size());
  return hashes(consistency_ranges(first, second));
}

Hash reference_root(std::span<const Hash> leaves) {
  if (leaves.empty()) return empty_root();
  if (leaves.size() == 1) return leaves[0];
  const std::uint64_t k = split_point(leaves.size());
  return node_hash(reference_root(leaves.first(k)), reference_root(leaves.subspan(k)));
}

}  // namespace rc::transparency
