#pragma once
// TransparencyLogRepository: rows of the transparency log (migration V006). It stores what the
// app layer computes (app/transparency/ does the hashing with transparency/); here are only
// bytes and numbers, so the store keeps depending on domain alone.
//
// Appending (app::append_log_entry) runs inside the caller's write transaction:
//   lock_state() -> compute -> save_state(size + 1) -> insert_entry(size) -> insert_node(...)
// lock_state() takes the log's one-row lock, so concurrent issuers queue there and the leaf
// index is gap-free and never reused; the database refuses an entry at any other index.
//
// Thread safety: as its Transaction (one thread at a time).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::store {

struct LogStateRow {
  std::int64_t tree_size = 0;
  Bytes frontier;  // 32 bytes per perfect-subtree root, largest first
  friend bool operator==(const LogStateRow&, const LogStateRow&) = default;
};

struct LogEntryRow {
  std::int64_t leaf_index = 0;
  std::string entry;
  Bytes leaf_hash;
  Timestamp appended_at{};
  friend bool operator==(const LogEntryRow&, const LogEntryRow&) = default;
};

struct TreeHeadRow {
  std::int64_t tree_size = 0;
  Bytes root_hash;
  Timestamp signed_at{};
  Bytes signature;
  friend bool operator==(const TreeHeadRow&, const TreeHeadRow&) = default;
};

class TransparencyLogRepository {
 public:
  explicit TransparencyLogRepository(Transaction& tx) : tx_(tx) {}

  // The state, locked for this transaction (write transactions only).
  [[nodiscard]] Result<LogStateRow> lock_state();
  // The state as of this transaction's snapshot, without locking (readers).
  [[nodiscard]] Result<LogStateRow> state();
  // REQUIRES: lock_state() in this transaction. The database refuses a smaller size.
  [[nodiscard]] Result<void> save_state(const LogStateRow& state);

  // REQUIRES: save_state() has already moved the size to entry.leaf_index + 1.
  [[nodiscard]] Result<void> insert_entry(const LogEntryRow& entry);
  // Entries with from <= leaf_index < to, in order.
  [[nodiscard]] Result<std::vector<LogEntryRow>> entries(std::int64_t from, std::int64_t to);
  [[nodiscard]] Result<std::optional<Bytes>> leaf_hash(std::int64_t leaf_index);

  // Which certificate a leaf is about (V013), in the transaction that appended it. kind is
  // "issue" or "revoke".
  [[nodiscard]] Result<void> insert_certificate_leaf(std::int64_t leaf_index, std::string_view certificate_number,
                                                     std::string_view kind);
  // The entries about one certificate, in leaf order (none for an unknown number).
  [[nodiscard]] Result<std::vector<LogEntryRow>> certificate_entries(std::string_view certificate_number);

  // A completed perfect subtree, level >= 1.
  [[nodiscard]] Result<void> insert_node(int level, std::int64_t node_index, const Bytes& hash);
  [[nodiscard]] Result<std::optional<Bytes>> node(int level, std::int64_t node_index);

  // kConflict when a head of that size exists.
  [[nodiscard]] Result<void> insert_tree_head(const TreeHeadRow& head);
  [[nodiscard]] Result<std::optional<TreeHeadRow>> latest_tree_head();
  // Heads of size >= from_size, smallest first, at most limit.
  [[nodiscard]] Result<std::vector<TreeHeadRow>> tree_heads(std::int64_t from_size, int limit);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
