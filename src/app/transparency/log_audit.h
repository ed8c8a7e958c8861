#pragma once
// Auditing the transparency log (`rescuecert log verify`): rebuild the tree from the entries
// themselves (never trusting stored hashes), then check that
//   - every entry is canonical and its stored leaf hash is SHA-256(0x00 || entry), indices 0..n-1;
//   - every signed tree head's root is the rebuilt root at its size, and its signature verifies;
//   - each head is consistent with the previous one, by the proof the log itself serves (so the
//     stored interior nodes are checked too), verified against the two signed roots;
//   - inclusion proofs served for a sample of leaves verify against the latest head.
// The same checks run on the store directly or on a server's API (fetch: GET target -> JSON).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/common/result.h"
#include "store/database.h"
#include "transparency/hash.h"
#include "transparency/tree_head.h"

namespace rc::app {

struct LogAuditReport {
  std::string source;  // "store" or the base URL
  std::uint64_t tree_size = 0;
  std::uint64_t entries_checked = 0;
  std::uint64_t tree_heads_checked = 0;
  std::uint64_t inclusion_proofs_checked = 0;
  std::uint64_t consistency_proofs_checked = 0;
  std::optional<transparency::SignedTreeHead> latest;
  std::uint64_t problem_count = 0;
  std::vector<std::string> problems;  // Chinese; the first kMaxListedProblems
  bool consistent() const { return problem_count == 0; }
  // {"result": "consistent"|"inconsistent", "source", "tree_size", ..., "problems": [...]}
  nlohmann::json to_json() const;
};

inline constexpr std::size_t kMaxListedProblems = 50;

// Checks the log in the store, in one read-only snapshot. Errors are operational (the store
// could not be read); what is wrong with the log is in the report.
[[nodiscard]] Result<LogAuditReport> audit_stored_log(store::Database& db, const transparency::SignatureCheck& check);

// GET of a path and query below the server's base URL ("/api/v1/log/tree-head"), as JSON.
using LogFetch = std::function<Result<nlohmann::json>(const std::string& target)>;
// Checks a server's log through its API. public_key_pem: the key to trust; when empty, the
// server's /api/v1/log/public-key is used (which proves only that the server is self-consistent).
[[nodiscard]] Result<LogAuditReport> audit_remote_log(const LogFetch& fetch, const std::string& source,
                                                      const std::string& public_key_pem);

}  // namespace rc::app
