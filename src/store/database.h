#pragma once
// Database: the one way into persistent storage. It is opened from a connection string whose
// scheme picks the backend (SQLite by default, PostgreSQL when one machine is not enough), keeps
// a small pool of sessions, and hands out explicit transactions. Repositories (one per
// aggregate, store/*_repository.h) work inside a Transaction; nothing reads or writes outside one.
//
//   auto db = Database::open("sqlite:///var/lib/rescuecert/rc.db");
//   if (!db) return fail(db.error());
//   if (auto m = migrate(**db, clock); !m) ...                  // store/migrations.h
//   Result<Id> id = (*db)->transaction([&](Transaction& tx) {
//     return CandidateRepository(tx).insert(candidate);          // commits when this is ok
//   });
//
// Connection strings (see store/connection_url.h):
//   sqlite:///abs/path/rc.db   sqlite://relative.db   sqlite::memory:   (memory: pool of 1)
//   postgresql://user@host:port/dbname?options   (a libpq URI, passed through)
//   postgresql: host=... port=... dbname=...     (libpq keyword form)
// SQLite runs with WAL, synchronous=FULL (an acknowledged commit survives a power cut),
// foreign_keys=ON and a busy timeout; write transactions take the write lock up front
// (BEGIN IMMEDIATE) so that two writers queue instead of failing on lock upgrade.
//
// Errors: every failure comes back as an rc::Error (kStorageFailure, kConflict for unique and
// foreign-key violations and lost races, kNotFound, kInvalidValue for CHECK/NOT NULL
// violations) with a Chinese message that never quotes the stored values. No exception escapes
// the store.
//
// Thread safety: a Database is safe to share between threads; begin()/transaction()/read() may
// be called concurrently and each leases its own session from the pool (waiting up to
// lease_timeout when all are busy). A Transaction, and every repository built on it, belongs to
// one thread at a time and must not outlive its Database. Do not open a second transaction on a
// thread that already holds one: with a pool of 1 (sqlite::memory:) that waits for itself.

#include <chrono>
#include <concepts>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <soci/error.h>

#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "store/connection_url.h"

namespace soci {
class session;
}

namespace rc::store {

struct DatabaseOptions {
  std::size_t pool_size = 4;                        // sessions; forced to 1 for sqlite::memory:
  std::chrono::milliseconds busy_timeout{5000};     // SQLite: how long a writer waits for the lock
  std::chrono::milliseconds lease_timeout{30000};   // how long begin() waits for a free session
};

enum class TxMode {
  kReadWrite,  // SQLite: BEGIN IMMEDIATE (takes the write lock now); PostgreSQL: BEGIN
  kReadOnly,   // SQLite: BEGIN (deferred, readers never block); PostgreSQL: BEGIN READ ONLY
};

class Database;
class StatementCache;

// One open transaction on one leased session. Rolls back on destruction unless commit()
// succeeded. Movable, not copyable.
class Transaction {
 public:
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

  // REQUIRES: active(). After it, the transaction is closed either way (a failed COMMIT is
  // rolled back).
  [[nodiscard]] Result<void> commit();
  // Idempotent; a closed transaction stays closed.
  void rollback() noexcept;

  bool active() const { return session_ != nullptr; }
  Backend backend() const { return backend_; }
  // For repositories and migrations (store-internal). REQUIRES: active().
  soci::session& session();
  // The session's prepared statements (store-internal, statement_cache.h); null for PostgreSQL.
  // REQUIRES: active().
  StatementCache* statement_cache();

 private:
  friend class Database;
  Transaction(Database* db, std::size_t slot, soci::session* session, Backend backend);
  void release() noexcept;

  Database* db_;
  std::size_t slot_;
  soci::session* session_;
  Backend backend_;
};

class Database {
 public:
  [[nodiscard]] static Result<std::unique_ptr<Database>> open(std::string_view url,
                                                              DatabaseOptions options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return target_.backend; }
  std::size_t pool_size() const { return pool_size_; }

  // Leases a session and starts a transaction on it.
  [[nodiscard]] Result<Transaction> begin(TxMode mode = TxMode::kReadWrite);

  // Runs fn(Transaction&) -> Result<T> in a read-write transaction: commits when the result is
  // a value, rolls back when it is an error (or fn throws). Store errors thrown inside fn come
  // back as errors.
  template <class F>
    requires std::invocable<F&, Transaction&>
  auto transaction(F&& fn) -> std::invoke_result_t<F&, Transaction&> {
    return run(TxMode::kReadWrite, fn);
  }
  // The same in a read-only transaction: one consistent snapshot, never blocks SQLite writers.
  template <class F>
    requires std::invocable<F&, Transaction&>
  auto read(F&& fn) -> std::invoke_result_t<F&, Transaction&> {
    return run(TxMode::kReadOnly, fn);
  }

 private:
  friend class Transaction;
  struct Pool;
  Database(ConnectionTarget target, DatabaseOptions options);
  [[nodiscard]] Result<void> connect_all();
  void give_back(std::size_t slot) noexcept;
  static Error error_from(const soci::soci_error& e);

  template <class F>
  auto run(TxMode mode, F& fn) -> std::invoke_result_t<F&, Transaction&> {
    using R = std::invoke_result_t<F&, Transaction&>;
    auto tx = begin(mode);
    if (!tx) return R(tl::unexpect, tx.error());
    try {
      R r = fn(*tx);
      if (!r) return r;  // ~Transaction rolls back
      if (auto c = tx->commit(); !c) return R(tl::unexpect, c.error());
      return r;
    } catch (const soci::soci_error& e) {
      return R(tl::unexpect, error_from(e));
    }
  }

  ConnectionTarget target_;
  DatabaseOptions options_;
  std::size_t pool_size_;
  std::unique_ptr<Pool> pool_;
};

}  // namespace rc::store
