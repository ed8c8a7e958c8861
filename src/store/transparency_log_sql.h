#pragma once
// SQL of TransparencyLogRepository (store/transparency_log_repository.cpp). Deliberately no
// UPDATE or DELETE of entries, nodes or heads: the log is append-only, and V006 makes the
// database refuse them too. The state row's size only grows (V006 checks that as well).

#include <string_view>

namespace rc::store::sql {

// A no-op update that takes the state row's write lock (PostgreSQL: row lock until commit;
// SQLite: the write transaction already holds the database lock) and reads it, so that two
// appenders queue here and never take the same leaf index. Portable, unlike SELECT FOR UPDATE.
inline constexpr std::string_view kLockLogState =
    "UPDATE transparency_log_state SET tree_size = tree_size WHERE id = 1 RETURNING tree_size, frontier";
inline constexpr std::string_view kSelectLogState =
    "SELECT tree_size, frontier FROM transparency_log_state WHERE id = 1";
inline constexpr std::string_view kUpdateLogState =
    "UPDATE transparency_log_state SET tree_size = :tree_size, frontier = :frontier WHERE id = 1";

inline constexpr std::string_view kInsertLogEntry =
    "INSERT INTO transparency_log_entries (leaf_index, entry, leaf_hash, appended_at)"
    " VALUES (:leaf_index, :entry, :leaf_hash, :appended_at)";
inline constexpr std::string_view kSelectLogEntries =
    "SELECT leaf_index, entry, leaf_hash, appended_at FROM transparency_log_entries"
    " WHERE leaf_index >= :from AND leaf_index < :to ORDER BY leaf_index";
inline constexpr std::string_view kSelectLeafHash =
    "SELECT leaf_hash FROM transparency_log_entries WHERE leaf_index = :leaf_index";

inline constexpr std::string_view kInsertCertificateLeaf =
    "INSERT INTO certificate_log_leaves (leaf_index, certificate_number, kind) VALUES (:leaf_index, :number, :kind)";
inline constexpr std::string_view kSelectCertificateEntries =
    "SELECT e.leaf_index, e.entry, e.leaf_hash, e.appended_at FROM certificate_log_leaves c"
    " JOIN transparency_log_entries e ON e.leaf_index = c.leaf_index"
    " WHERE c.certificate_number = :number ORDER BY e.leaf_index";

inline constexpr std::string_view kInsertLogNode =
    "INSERT INTO transparency_log_nodes (level, node_index, hash) VALUES (:level, :node_index, :hash)";
inline constexpr std::string_view kSelectLogNode =
    "SELECT hash FROM transparency_log_nodes WHERE level = :level AND node_index = :node_index";

inline constexpr std::string_view kInsertTreeHead =
    "INSERT INTO transparency_tree_heads (tree_size, root_hash, signed_at, signature)"
    " VALUES (:tree_size, :root_hash, :signed_at, :signature)";
#define RC_TREE_HEAD_COLUMNS "tree_size, root_hash, signed_at, signature"
inline constexpr std::string_view kSelectLatestTreeHead =
    "SELECT " RC_TREE_HEAD_COLUMNS " FROM transparency_tree_heads ORDER BY tree_size DESC LIMIT 1";
inline constexpr std::string_view kSelectTreeHeads =
    "SELECT " RC_TREE_HEAD_COLUMNS " FROM transparency_tree_heads WHERE tree_size >= :from_size"
    " ORDER BY tree_size LIMIT :limit";
#undef RC_TREE_HEAD_COLUMNS

}  // namespace rc::store::sql
