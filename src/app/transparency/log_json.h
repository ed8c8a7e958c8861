#pragma once
// The JSON of the log's API (GET /api/v1/log/..., web/endpoints/transparency_log.cpp), written
// by the server and read back by `rescuecert log verify --url`. Hashes and signatures are
// lowercase hex; times are milliseconds since the epoch (UTC); entries are the exact canonical
// text that was hashed, so a client re-hashes it byte for byte.
//
//   tree head    {"tree_size", "timestamp", "root_hash", "signature"}
//   entry        {"leaf_index", "entry", "leaf_hash", "appended_at"}
//   inclusion    {"leaf_index", "tree_size", "leaf_hash", "root_hash", "audit_path": [...]}
//   consistency  {"first", "second", "first_root", "second_root", "consistency": [...]}

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/common/result.h"
#include "transparency/hash.h"
#include "transparency/tree_head.h"

namespace rc::app {

nlohmann::json tree_head_json(const transparency::SignedTreeHead& sth);
nlohmann::json hashes_json(const std::vector<transparency::Hash>& hashes);

// kInvalidValue naming the field when the document does not have the shape above.
[[nodiscard]] Result<transparency::SignedTreeHead> tree_head_from_json(const nlohmann::json& doc);
[[nodiscard]] Result<transparency::Hash> hash_from_json(const nlohmann::json& doc, const char* field);
[[nodiscard]] Result<std::vector<transparency::Hash>> hashes_from_json(const nlohmann::json& doc, const char* field);
[[nodiscard]] Result<std::uint64_t> size_from_json(const nlohmann::json& doc, const char* field);

}  // namespace rc::app
