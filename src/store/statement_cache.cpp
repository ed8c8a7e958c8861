#include "store/statement_cache.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace rc::store {

StatementCache::StatementCache() = default;
StatementCache::~StatementCache() = default;
StatementCache::StatementCache(StatementCache&&) noexcept = default;
StatementCache& StatementCache::operator=(StatementCache&&) noexcept = default;

std::unique_ptr<soci::statement> StatementCache::take(const std::string& sql) {
  auto it = idle_.find(sql);
  if (it == idle_.end() || it->second.empty()) return nullptr;
  auto st = std::move(it->second.back());
  it->second.pop_back();
  --size_;
  return st;
}

void StatementCache::give_back(const std::string& sql, std::unique_ptr<soci::statement> st) noexcept {
  try {
    // Reset: a SELECT not read to its end would otherwise keep its read open in the session.
    auto* backend = static_cast<soci::sqlite3_statement_backend*>(st->get_backend());
    if (!backend || !backend->stmt_) return;
    sqlite_api::sqlite3_reset(backend->stmt_);
    st->bind_clean_up();  // the bound values belong to the Statement that is going away
    if (size_ >= kMaxStatements) clear();
    idle_[sql].push_back(std::move(st));
    ++size_;
  } catch (...) {
    // Dropped (finalised by its destructor).
  }
}

void StatementCache::clear() noexcept {
  idle_.clear();
  size_ = 0;
}

}  // namespace rc::store
