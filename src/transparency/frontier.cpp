#include "transparency/frontier.h"

#include <bit>

namespace rc::transparency {

std::optional<Frontier> Frontier::restore(std::uint64_t size, std::string_view bytes) {
  const auto count = static_cast<std::size_t>(std::popcount(size));
  if (bytes.size() != count * 32) return std::nullopt;
  Frontier f;
  f.size_ = size;
  for (std::size_t i = 0; i < count; ++i) f.roots_.push_back(*hash_from_bytes(bytes.substr(i * 32, 32)));
  return f;
}

std::vector<std::pair<NodeId, Hash>> Frontier::append(const Hash& leaf) {
  std::vector<std::pair<NodeId, Hash>> completed;
  Hash h = leaf;
  // Adding one to the size carries through its trailing one bits: each carry merges the
  // rightmost subtree root with the new, equally large subtree.
  for (unsigned level = 0; ((size_ >> level) & 1) != 0; ) {
    h = node_hash(roots_.back(), h);
    roots_.pop_back();
    ++level;
    completed.push_back({NodeId{level, size_ >> level}, h});
  }
  roots_.push_back(h);
  ++size_;
  return completed;
}

Hash Frontier::root() const {
  if (roots_.empty()) return empty_root();
  Hash h = roots_.back();
  for (auto it = roots_.rbegin() + 1; it != roots_.rend(); ++it) h = node_hash(*it, h);
  return h;
}

std::string Frontier::bytes() const {
  std::string out;
  out.reserve(roots_.size() * 32);
  for (const Hash& h : roots_) out += hash_bytes(h);
  return out;
}

}  // namespace rc::transparency
