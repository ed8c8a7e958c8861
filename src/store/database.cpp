#include "store/database.h"

#include "store/statement_cache.h"

#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "store/storage_error.h"

namespace rc::store {

namespace {

// A first-come, first-served lock with a timeout: the writers of one SQLite file take turns in
// arrival order, so that under load the slowest writer waits for the queue ahead of it and no
// longer (an unfair lock let some requests wait ~1 s at p99 while others overtook them).
class WriterQueue {
 public:
  bool acquire(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    const std::uint64_t me = next_++;
    waiting_.push_back(me);
    const bool mine = turn_.wait_for(lock, timeout, [&] { return !busy_ && waiting_.front() == me; });
    waiting_.erase(std::find(waiting_.begin(), waiting_.end(), me));
    if (mine) busy_ = true;
    else turn_.notify_all();  // the one behind may be first now
    return mine;
  }
  void release() {
    {
      std::lock_guard lock(mutex_);
      busy_ = false;
    }
    turn_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable turn_;
  std::deque<std::uint64_t> waiting_;
  std::uint64_t next_ = 0;
  bool busy_ = false;
};

}  // namespace

struct Database::Pool {
  explicit Pool(std::size_t n) : sessions(n), holds_writer(n, 0), statements(n) {}
  soci::connection_pool sessions;
  // SQLite allows one writer at a time. This process's writers queue here, and the next one
  // starts the moment the last commits; left to SQLite's busy handler they would poll with
  // sleeps of up to 100 ms (seen as ~1 s p99 page latencies under load). Other processes (the
  // CLI beside a server) still meet the busy timeout.
  WriterQueue writer;
  std::vector<char> holds_writer;  // per slot; read and written only by the slot's leaseholder
  // Per slot, SQLite only, like holds_writer. Declared after the sessions: destroyed before them.
  std::vector<StatementCache> statements;
};

namespace {

// Pragmas that are per connection, so each pooled session gets them.
void configure_sqlite(soci::session& s, const DatabaseOptions& options, bool in_memory) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(s.get_backend());
  sqlite_api::sqlite3* conn = backend->conn_;
  // Extended codes tell a UNIQUE violation from a CHECK or FOREIGN KEY one (storage_error.cpp).
  sqlite_api::sqlite3_extended_result_codes(conn, 1);
  sqlite_api::sqlite3_busy_timeout(conn, static_cast<int>(options.busy_timeout.count()));
  // synchronous=FULL: with WAL, NORMAL may lose the last commits on power loss; an acknowledged
  // exam answer must not be lost (PRODUCT.md).
  s << "PRAGMA foreign_keys = ON";
  s << "PRAGMA synchronous = FULL";
  if (in_memory) return;
  // Reads through a memory map instead of read() copies, and a 16 MB page cache per connection
  // instead of 2 MB: ~5 % less CPU per issued certificate together (bench/README.md). Only reads
  // use the map; writes still go through the WAL and its fsync.
  s << "PRAGMA mmap_size = 268435456";
  s << "PRAGMA cache_size = -16384";
  std::string mode;
  s << "PRAGMA journal_mode = WAL", soci::into(mode);
  if (mode != "wal") throw soci::soci_error("journal_mode=WAL was refused (got " + mode + ")");
}

void configure_postgresql(soci::session& s) {
  // NOTICEs (e.g. "table does not exist, skipping") would go to stderr through libpq.
  s << "SET client_min_messages = warning";
}

std::string_view begin_sql(Backend backend, TxMode mode) {
  if (backend == Backend::kSqlite) return mode == TxMode::kReadWrite ? "BEGIN IMMEDIATE" : "BEGIN";
  return mode == TxMode::kReadWrite ? "BEGIN" : "BEGIN READ ONLY";
}

}  // namespace

Database::Database(ConnectionTarget target, DatabaseOptions options)
    : target_(std::move(target)),
      options_(options),
      pool_size_(target_.in_memory ? 1 : std::max<std::size_t>(1, options.pool_size)),
      pool_(std::make_unique<Pool>(pool_size_)) {}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::open(std::string_view url, DatabaseOptions options) {
  auto target = parse_connection_url(url);
  if (!target) return fail(target.error());
  std::unique_ptr<Database> db(new Database(std::move(*target), options));
  if (auto c = db->connect_all(); !c) return fail(c.error());
  return db;
}

// Sessions are opened one after the other: concurrent first opens of a new SQLite file would
// race on switching it to WAL.
Result<void> Database::connect_all() {
  return guarded("连接数据库", [&]() -> Result<void> {
    for (std::size_t i = 0; i < pool_size_; ++i) {
      soci::session& s = pool_->sessions.at(i);
      if (target_.backend == Backend::kSqlite) {
        s.open(*soci::factory_sqlite3(), target_.soci_connect);
        configure_sqlite(s, options_, target_.in_memory);
      } else {
        s.open(*soci::factory_postgresql(), target_.soci_connect);
        configure_postgresql(s);
      }
    }
    return ok();
  });
}

Result<Transaction> Database::begin(TxMode mode) {
  const bool sqlite_writer = target_.backend == Backend::kSqlite && mode == TxMode::kReadWrite;
  if (sqlite_writer && !pool_->writer.acquire(options_.busy_timeout))
    return fail(ErrorCode::kStorageFailure, {}, "数据库写入繁忙，等待超时，请稍后重试");
  std::size_t slot = 0;
  if (!pool_->sessions.try_lease(slot, static_cast<int>(options_.lease_timeout.count()))) {
    if (sqlite_writer) pool_->writer.release();
    return fail(ErrorCode::kStorageFailure, {}, "数据库连接全部占用，等待超时，请稍后重试");
  }
  pool_->holds_writer.at(slot) = sqlite_writer ? 1 : 0;
  soci::session& s = pool_->sessions.at(slot);
  std::string sql(begin_sql(target_.backend, mode));
  try {
    s << sql;
  } catch (const soci::soci_error& first) {
    // A PostgreSQL session whose server restarted is dead; one reconnect brings it back.
    if (target_.backend != Backend::kPostgresql) {
      give_back(slot);
      return fail(storage_error(first, "开始事务"));
    }
    try {
      s.reconnect();
      configure_postgresql(s);
      s << sql;
    } catch (const soci::soci_error& again) {
      give_back(slot);
      return fail(storage_error(again, "开始事务"));
    }
  }
  return Transaction(this, slot, &s, target_.backend);
}

void Database::give_back(std::size_t slot) noexcept {
  if (pool_->holds_writer[slot]) {
    pool_->holds_writer[slot] = 0;
    pool_->writer.release();
  }
  pool_->sessions.give_back(slot);
}

Error Database::error_from(const soci::soci_error& e) { return storage_error(e, {}); }

// --- Transaction -------------------------------------------------------------------------------

Transaction::Transaction(Database* db, std::size_t slot, soci::session* session, Backend backend)
    : db_(db), slot_(slot), session_(session), backend_(backend) {}

Transaction::Transaction(Transaction&& other) noexcept
    : db_(other.db_), slot_(other.slot_), session_(other.session_), backend_(other.backend_) {
  other.session_ = nullptr;
}

Transaction::~Transaction() { rollback(); }

soci::session& Transaction::session() { return *session_; }

StatementCache* Transaction::statement_cache() {
  if (backend_ != Backend::kSqlite) return nullptr;
  return &db_->pool_->statements.at(slot_);
}

Result<void> Transaction::commit() {
  if (!session_) return fail(ErrorCode::kStorageFailure, {}, "事务已结束，不能再提交");
  try {
    *session_ << "COMMIT";
  } catch (const std::exception& e) {
    auto error = storage_error(e, "提交事务");
    rollback();
    return fail(std::move(error));
  }
  release();
  return ok();
}

void Transaction::rollback() noexcept {
  if (!session_) return;
  try {
    *session_ << "ROLLBACK";
  } catch (...) {
    // Nothing to do: a failed ROLLBACK means the server already ended the transaction (or the
    // connection is gone, which begin() repairs on the next lease).
  }
  release();
}

void Transaction::release() noexcept {
  if (!session_) return;
  session_ = nullptr;
  db_->give_back(slot_);
}

}  // namespace rc::store
