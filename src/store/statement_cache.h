#pragma once
// StatementCache: prepared SQLite statements of one pooled session, kept for reuse (store-internal).
// Preparing (parsing and planning the SQL) was ~15 % of the CPU of a certificate issuance and of
// every request that runs a few statements; a statement prepared once per session is reused by
// every later Statement with the same SQL text. PostgreSQL statements are not cached: they run
// unnamed, so no server-side prepared statement piles up per session.
//
// A cached statement is taken out while a Statement uses it (so two live Statements never share
// one) and given back reset, with its bindings released. One that threw is never given back.
//
// Thread safety: none; a session's cache belongs to the session's leaseholder, like the session.

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace soci {
class statement;
}

namespace rc::store {

class StatementCache {
 public:
  StatementCache();
  ~StatementCache();
  StatementCache(StatementCache&&) noexcept;
  StatementCache& operator=(StatementCache&&) noexcept;

  // A prepared statement for `sql`, or null when none is idle.
  std::unique_ptr<soci::statement> take(const std::string& sql);
  // Keeps a prepared statement, unused and reset, for the next take(sql). noexcept: one that
  // cannot be reset is dropped.
  void give_back(const std::string& sql, std::unique_ptr<soci::statement> statement) noexcept;
  // Drops every statement (finalised).
  void clear() noexcept;
  std::size_t size() const { return size_; }

  // Distinct statements kept per session; past it the cache starts again (generated SQL, e.g.
  // IN-lists of varying length, must not grow it without bound).
  static constexpr std::size_t kMaxStatements = 512;

 private:
  std::unordered_map<std::string, std::vector<std::unique_ptr<soci::statement>>> idle_;
  std::size_t size_ = 0;
};

}  // namespace rc::store
