#pragma once
// The transparency log over the store (issue 4, F16-F21): every certificate issuance and
// revocation is appended as a leaf of an RFC 6962 Merkle tree; the platform signs tree heads
// with its SM2 key; anyone can ask for inclusion and consistency proofs and check them with
// transparency/verify.h alone.
//
// For issuance and revocation (call it in the SAME write transaction as the certificate row, so
// that a certificate is never stored without its log entry or the other way round):
//
//   store.transaction([&](store::Transaction& tx) -> Result<...> {
//     ... insert / revoke the certificate ...
//     auto leaf = app::append_log_entry(tx, app::LogEntry{"issue", number, file_sm3_hex, "", issued_at}, now);
//     if (!leaf) return fail(leaf.error());
//     ...
//   });
//
// Appending is O(log n) and reads no leaf; it takes the log's row lock, so appenders queue for
// the rest of their transaction (keep it short). Tree heads are signed lazily (publish_tree_head,
// called by GET /api/v1/log/tree-head), never inside an issuance transaction.
//
// Thread safety: free functions over a Transaction (one thread) or the Database (any thread).

#include <cstdint>
#include <optional>
#include <vector>

#include "app/transparency/log_entry.h"
#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"
#include "transparency/merkle_tree.h"
#include "transparency/tree_head.h"

namespace rc::app {

class Platform;

// Appends `entry` (checked and canonicalised, log_entry.h) at the next leaf index inside the
// caller's write transaction; `at` stamps the row. Returns the leaf index.
[[nodiscard]] Result<std::uint64_t> append_log_entry(store::Transaction& tx, const LogEntry& entry,
                                                     store::Timestamp at);

// The number of leaves, as of this transaction.
[[nodiscard]] Result<std::uint64_t> log_size(store::Transaction& tx);
// MTH of the first `size` leaves. kInvalidValue (field "tree_size") when size > log_size().
[[nodiscard]] Result<transparency::Hash> log_root(store::Transaction& tx, std::uint64_t size);
// The leaf hash at `index`. kInvalidValue (field "leaf_index") when out of range.
[[nodiscard]] Result<transparency::Hash> log_leaf_hash(store::Transaction& tx, std::uint64_t index);
// Audit path of leaf `index` in the tree of `size` leaves. REQUIRES index < size <= log_size()
// (kInvalidValue otherwise, naming "leaf_index" or "tree_size").
[[nodiscard]] Result<std::vector<transparency::Hash>> log_inclusion_proof(store::Transaction& tx, std::uint64_t index,
                                                                        std::uint64_t size);
// Consistency proof from size `first` to `second`. REQUIRES first <= second <= log_size()
// (kInvalidValue otherwise, naming "first" or "second"); empty when first is 0 or equal.
[[nodiscard]] Result<std::vector<transparency::Hash>> log_consistency_proof(store::Transaction& tx,
                                                                          std::uint64_t first, std::uint64_t second);

// Signed tree heads. publish_tree_head returns the latest head when it covers the whole log,
// and otherwise signs and stores one for the current size (timestamp: now, never earlier than
// the previous head's).
[[nodiscard]] Result<transparency::SignedTreeHead> publish_tree_head(store::Database& db,
                                                                     const transparency::Signer& sign,
                                                                     store::Timestamp now);
// The same with the platform's SM2 signing key and clock.
[[nodiscard]] Result<transparency::SignedTreeHead> publish_tree_head(Platform& platform);
[[nodiscard]] Result<std::optional<transparency::SignedTreeHead>> latest_tree_head(store::Transaction& tx);
// Heads of size >= from_size, smallest first, at most limit.
[[nodiscard]] Result<std::vector<transparency::SignedTreeHead>> list_tree_heads(store::Transaction& tx,
                                                                              std::uint64_t from_size, int limit);

}  // namespace rc::app
