// Database and Transaction: pragmas, commit, rollback (RAII and callback), errors as values.
#include <thread>
#include <soci/soci.h>

#include "sample_records.h"
#include "store/audit_log.h"
#include "store/statement.h"
#include "store_fixture.h"

namespace rc::store::testing {
namespace {

class DatabaseTest : public StoreTest {};

long long count_stations(Database& db) {
  auto n = db.read([](Transaction& tx) -> Result<long long> {
    long long n = 0;
    tx.session() << "SELECT count(*) FROM stations", soci::into(n);
    return n;
  });
  EXPECT_TRUE(n);
  return n.value_or(-1);
}

TEST_P(DatabaseTest, SqliteRunsWithWalFullSyncAndForeignKeys) {
  if (backend() != Backend::kSqlite) GTEST_SKIP() << "SQLite pragmas only";
  auto r = db().read([](Transaction& tx) -> Result<std::string> {
    std::string mode;
    int sync = -1, fk = -1;
    tx.session() << "PRAGMA journal_mode", soci::into(mode);
    tx.session() << "PRAGMA synchronous", soci::into(sync);
    tx.session() << "PRAGMA foreign_keys", soci::into(fk);
    return mode + "/" + std::to_string(sync) + "/" + std::to_string(fk);
  });
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, "wal/2/1");  // synchronous 2 = FULL
}

TEST_P(DatabaseTest, CommittedTransactionIsVisibleToOtherSessions) {
  auto id = in_tx([](Transaction& tx) { return StationRepository(tx).insert(sample_station()); });
  ASSERT_TRUE(id);
  // A second Database on the same store sees it: it reached the file or the server.
  auto other = Database::open(url_);
  ASSERT_TRUE(other) << other.error().message;
  auto found = (*other)->read([&](Transaction& tx) { return StationRepository(tx).find(*id); });
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->code, "NC001");
}

TEST_P(DatabaseTest, TransactionDestroyedWithoutCommitLeavesNothing) {
  {
    auto tx = db().begin();
    ASSERT_TRUE(tx) << tx.error().message;
    ASSERT_TRUE(StationRepository(*tx).insert(sample_station(1)));
    ASSERT_TRUE(StationRepository(*tx).insert(sample_station(2)));
  }
  EXPECT_EQ(count_stations(db()), 0);
}

TEST_P(DatabaseTest, ErrorFromCallbackRollsBackEverything) {
  auto r = db().transaction([](Transaction& tx) -> Result<void> {
    if (auto a = StationRepository(tx).insert(sample_station(1)); !a) return fail(a.error());
    auto dup = StationRepository(tx).insert(sample_station(1));  // same code
    if (!dup) return fail(dup.error());
    return ok();
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(count_stations(db()), 0);
}

TEST_P(DatabaseTest, SociExceptionInsideCallbackBecomesAnError) {
  auto r = db().transaction([](Transaction& tx) -> Result<void> {
    tx.session() << "SELECT no_such_column FROM stations";
    return ok();
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kStorageFailure);
  // The pool is not poisoned: the next transaction works.
  EXPECT_TRUE(in_tx([](Transaction& tx) { return StationRepository(tx).insert(sample_station()); }));
}

TEST_P(DatabaseTest, ExplicitRollbackAndCommitEndTheTransaction) {
  auto tx = db().begin();
  ASSERT_TRUE(tx);
  ASSERT_TRUE(StationRepository(*tx).insert(sample_station(1)));
  tx->rollback();
  EXPECT_FALSE(tx->active());
  auto commit_after_rollback = tx->commit();
  ASSERT_FALSE(commit_after_rollback);
  EXPECT_EQ(commit_after_rollback.error().code, ErrorCode::kStorageFailure);

  auto tx2 = db().begin();
  ASSERT_TRUE(tx2);
  ASSERT_TRUE(StationRepository(*tx2).insert(sample_station(2)));
  ASSERT_TRUE(tx2->commit());
  EXPECT_EQ(count_stations(db()), 1);
}

TEST_P(DatabaseTest, ReadOnlyTransactionRefusesWritesOnPostgresql) {
  auto r = db().read([](Transaction& tx) { return StationRepository(tx).insert(sample_station()); });
  if (backend() == Backend::kPostgresql) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kStorageFailure);
  }
  // SQLite has no read-only transactions; either way, nothing is left behind by a failure.
  if (!r) {
    EXPECT_EQ(count_stations(db()), 0);
  }
}

TEST_P(DatabaseTest, ErrorMessagesDoNotQuoteStoredValues) {
  auto seeded = seed_committed(db());
  auto dup = db().transaction([](Transaction& tx) { return CandidateRepository(tx).insert(sample_candidate(1)); });
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  EXPECT_EQ(dup.error().message.find(sample_candidate(1).id_number_hmac), std::string::npos) << dup.error().message;
  EXPECT_EQ(dup.error().message.find("张三"), std::string::npos) << dup.error().message;
  EXPECT_GT(seeded.candidate, 0);
}

TEST_P(DatabaseTest, PoolLeaseTimesOutInsteadOfHanging) {
  DatabaseOptions options;
  options.pool_size = 1;
  options.lease_timeout = std::chrono::milliseconds(50);
  auto small = Database::open(url_, options);
  ASSERT_TRUE(small) << small.error().message;
  auto held = (*small)->begin(TxMode::kReadOnly);
  ASSERT_TRUE(held);
  auto second = (*small)->begin(TxMode::kReadOnly);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kStorageFailure);
}

// SQLite: a second writer of this process waits its turn in the writer queue (not in SQLite's
// polling busy handler), gives up after busy_timeout with a storage error and a Chinese message,
// and gets the lock as soon as the first commits; readers are never held up by a writer.
TEST_P(DatabaseTest, SqliteWritersTakeTurnsAndTimeOutCleanly) {
  if (backend() != Backend::kSqlite) GTEST_SKIP() << "SQLite has one writer at a time";
  DatabaseOptions options;
  options.pool_size = 3;
  options.busy_timeout = std::chrono::milliseconds(100);
  auto db = Database::open(url_, options);
  ASSERT_TRUE(db) << db.error().message;
  auto first = (*db)->begin(TxMode::kReadWrite);
  ASSERT_TRUE(first) << first.error().message;
  auto reader = (*db)->begin(TxMode::kReadOnly);
  EXPECT_TRUE(reader) << "a reader does not wait for the writer";
  if (reader) reader->rollback();
  auto second = (*db)->begin(TxMode::kReadWrite);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kStorageFailure);
  EXPECT_NE(second.error().message.find("繁忙"), std::string::npos) << second.error().message;
  std::thread committer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    ASSERT_TRUE(first->commit());
  });
  auto third = (*db)->begin(TxMode::kReadWrite);  // waits ~30 ms, well within 100 ms
  committer.join();
  ASSERT_TRUE(third) << third.error().message;
  ASSERT_TRUE(third->commit());
}

RC_INSTANTIATE_STORE_TEST(DatabaseTest);

TEST(StoreDatabaseMemory, MemoryDatabaseHasOneSessionAndMigrates) {
  auto db = Database::open("sqlite::memory:", DatabaseOptions{.pool_size = 8});
  ASSERT_TRUE(db) << db.error().message;
  EXPECT_EQ((*db)->pool_size(), 1u);
  FixedClock clock{std::chrono::system_clock::time_point(kT0.time_since_epoch())};
  auto m = migrate(**db, clock);
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_GE(m->to_version, 2);
}

}  // namespace
}  // namespace rc::store::testing
