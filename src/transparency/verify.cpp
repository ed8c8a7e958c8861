#include "transparency/verify.h"

#include <bit>
#include <string>
#include <vector>

namespace rc::transparency {
namespace {

tl::unexpected<Error> bad_inclusion(std::string why) {
  return fail(ErrorCode::kLogProofInvalid, "proof", "包含证明无效：" + std::move(why));
}

tl::unexpected<Error> inconsistent(std::string why) {
  return fail(ErrorCode::kLogInconsistent, "proof", "一致性证明无效：" + std::move(why));
}

bool lsb(std::uint64_t x) { return (x & 1) != 0; }

}  // namespace

Result<Hash> root_from_inclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf,
                                 std::span<const Hash> proof) {
  if (index >= size) return bad_inclusion("叶子序号不在树内");
  std::uint64_t fn = index, sn = size - 1;
  Hash r = leaf;
  for (const Hash& p : proof) {
    if (sn == 0) return bad_inclusion("证明过长");
    if (lsb(fn) || fn == sn) {
      r = node_hash(p, r);
      // Skip the levels where this node has no right sibling (the right edge of the tree).
      while (!lsb(fn) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = node_hash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return bad_inclusion("证明过短");
  return r;
}

Result<void> verify_inclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf,
                              std::span<const Hash> proof, const Hash& root) {
  auto computed = root_from_inclusion(index, size, leaf, proof);
  if (!computed) return fail(computed.error());
  if (*computed != root) return bad_inclusion("根哈希不符");
  return ok();
}

Result<void> verify_consistency(std::uint64_t first, std::uint64_t second, const Hash& first_root,
                                const Hash& second_root, std::span<const Hash> proof) {
  if (first > second) return inconsistent("旧树大于新树");
  if (first == second) {
    if (!proof.empty()) return inconsistent("相同大小的树不应有证明");
    if (first_root != second_root) return inconsistent("相同大小的树根哈希不同");
    return ok();
  }
  if (first == 0) {
    if (!proof.empty()) return inconsistent("空树不应有证明");
    if (first_root != empty_root()) return inconsistent("空树的根哈希不符");
    return ok();
  }
  if (proof.empty()) return inconsistent("证明为空");
  // When the old tree is a perfect subtree its root is the proof's implicit first element.
  std::vector<Hash> path;
  path.reserve(proof.size() + 1);
  if (std::has_single_bit(first)) path.push_back(first_root);
  path.insert(path.end(), proof.begin(), proof.end());

  std::uint64_t fn = first - 1, sn = second - 1;
  while (lsb(fn)) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = path[0], sr = path[0];
  for (std::size_t i = 1; i < path.size(); ++i) {
    const Hash& c = path[i];
    if (sn == 0) return inconsistent("证明过长");
    if (lsb(fn) || fn == sn) {
      fr = node_hash(c, fr);
      sr = node_hash(c, sr);
      while (!lsb(fn) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = node_hash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return inconsistent("证明过短");
  if (fr != first_root) return inconsistent("旧树根哈希不符");
  if (sr != second_root) return inconsistent("新树根哈希不符");
  return ok();
}

}  // namespace rc::transparency
