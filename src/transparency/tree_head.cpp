#include "transparency/tree_head.h"

namespace rc::transparency {
namespace {

void put_u64(std::string& out, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xff));
}

std::uint64_t get_u64(std::string_view in) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

}  // namespace

std::string tree_head_bytes(const TreeHead& head) {
  std::string out;
  out.reserve(kTreeHeadBytes);
  out.push_back('\x00');  // version v1
  out.push_back('\x01');  // signature_type tree_hash
  put_u64(out, static_cast<std::uint64_t>(head.timestamp.time_since_epoch().count()));
  put_u64(out, head.tree_size);
  out += hash_bytes(head.root_hash);
  return out;
}

std::optional<TreeHead> parse_tree_head_bytes(std::string_view bytes) {
  if (bytes.size() != kTreeHeadBytes || bytes[0] != '\x00' || bytes[1] != '\x01') return std::nullopt;
  TreeHead head;
  head.timestamp = Millis(std::chrono::milliseconds(static_cast<std::int64_t>(get_u64(bytes.substr(2)))));
  head.tree_size = get_u64(bytes.substr(10));
  head.root_hash = *hash_from_bytes(bytes.substr(18, 32));
  return head;
}

Result<SignedTreeHead> sign_tree_head(const TreeHead& head, const Signer& sign) {
  auto signature = sign(tree_head_bytes(head));
  if (!signature) return fail(signature.error());
  return SignedTreeHead{head, std::move(*signature)};
}

Result<void> verify_tree_head(const SignedTreeHead& sth, const SignatureCheck& check) {
  if (sth.signature.empty() || !check(tree_head_bytes(sth.head), sth.signature))
    return fail(ErrorCode::kLogProofInvalid, "signature",
                "树头签名无效（大小 " + std::to_string(sth.head.tree_size) + "）");
  return ok();
}

}  // namespace rc::transparency
