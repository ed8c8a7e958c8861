#pragma once
// Tree heads: the log's size and root at an instant, signed by the platform so that a holder of
// an old head can demand a consistency proof and catch a log that rewrote its history.
//
// The signed bytes are RFC 6962 §3.5's TreeHeadSignature, big-endian:
//   version (1 byte, 0 = v1) | signature_type (1 byte, 1 = tree_hash) | timestamp (8 bytes,
//   milliseconds since the epoch) | tree_size (8 bytes) | sha256_root_hash (32 bytes)
// Fixed width and no text, so there is exactly one encoding of a head.
//
// Signing goes through callables so that this module knows no key format: the app layer binds
// them to the platform's SM2 key (cert/sm2.h).

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "domain/common/result.h"
#include "transparency/hash.h"

namespace rc::transparency {

using Millis = std::chrono::sys_time<std::chrono::milliseconds>;

struct TreeHead {
  std::uint64_t tree_size = 0;
  Hash root_hash{};
  Millis timestamp{};
  friend bool operator==(const TreeHead&, const TreeHead&) = default;
};

struct SignedTreeHead {
  TreeHead head;
  std::string signature;  // as the signer returned it (SM2: DER)
  friend bool operator==(const SignedTreeHead&, const SignedTreeHead&) = default;
};

inline constexpr std::size_t kTreeHeadBytes = 50;

// The 50 bytes that are signed.
std::string tree_head_bytes(const TreeHead& head);
// The head those bytes encode; nullopt when malformed.
std::optional<TreeHead> parse_tree_head_bytes(std::string_view bytes);

// Signs message bytes; the signature as bytes.
using Signer = std::function<Result<std::string>(std::string_view message)>;
// Whether signature is a valid signature of message.
using SignatureCheck = std::function<bool(std::string_view message, std::string_view signature)>;

[[nodiscard]] Result<SignedTreeHead> sign_tree_head(const TreeHead& head, const Signer& sign);
// kLogProofInvalid (field "signature") when the signature does not verify.
[[nodiscard]] Result<void> verify_tree_head(const SignedTreeHead& sth, const SignatureCheck& check);

}  // namespace rc::transparency
