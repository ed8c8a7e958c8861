// StatementCache (SQLite): prepared statements reused across Statements and transactions with
// fresh bindings, never shared by two live Statements, reset when given back, dropped after a
// failure. On PostgreSQL there is no cache and the same operations must behave the same.
#include <soci/soci.h>

#include "store/statement.h"
#include "store/statement_cache.h"
#include "store_fixture.h"

namespace rc::store::testing {
namespace {

class StatementCacheTest : public StoreTest {};

constexpr std::string_view kInsert =
    "INSERT INTO stations (code, name, region_code, created_at) VALUES (:code, :name, '110101', 0)";
constexpr std::string_view kNameOf = "SELECT name FROM stations WHERE code = :code";
constexpr std::string_view kAllCodes = "SELECT code FROM stations ORDER BY code";

void insert(Transaction& tx, const std::string& code, const std::string& name) {
  Statement(tx, kInsert).bind(code).bind(name).execute();
}

std::optional<std::string> name_of(Transaction& tx, const std::string& code) {
  std::string name;
  Statement st(tx, kNameOf);
  st.bind(code).into(name);
  if (!st.execute()) return std::nullopt;
  return name;
}

TEST_P(StatementCacheTest, ReusedStatementsTakeFreshBindingsAcrossTransactions) {
  for (int round = 0; round < 3; ++round) {
    auto r = db().transaction([&](Transaction& tx) -> Result<void> {
      const std::string code = "C" + std::to_string(round);
      insert(tx, code, "站" + std::to_string(round));
      for (int earlier = 0; earlier <= round; ++earlier)
        EXPECT_EQ(name_of(tx, "C" + std::to_string(earlier)), "站" + std::to_string(earlier));
      EXPECT_EQ(name_of(tx, "nobody"), std::nullopt);
      // The session's cache holds the SELECT once, idle, however often it runs.
      if (auto* cache = tx.statement_cache()) {
        const auto idle = cache->size();
        for (int i = 0; i < 5; ++i) EXPECT_EQ(name_of(tx, code), "站" + std::to_string(round));
        EXPECT_EQ(cache->size(), idle);
      } else {
        EXPECT_NE(backend(), Backend::kSqlite);
      }
      return ok();
    });
    ASSERT_TRUE(r) << r.error().message;
  }
}

TEST_P(StatementCacheTest, TwoLiveStatementsWithTheSameSqlDoNotShareOne) {
  auto r = db().transaction([&](Transaction& tx) -> Result<void> {
    for (const char* code : {"A1", "B2", "C3"}) insert(tx, code, std::string("名") + code);
    // Walk all codes while the same SELECT runs inside the loop: the outer one keeps its rows.
    std::string code;
    Statement outer(tx, kAllCodes);
    outer.into(code);
    std::vector<std::string> seen;
    for (bool row = outer.execute(); row; row = outer.fetch()) {
      seen.push_back(code);
      std::string again;
      Statement inner(tx, kAllCodes);
      inner.into(again);
      EXPECT_TRUE(inner.execute());
      EXPECT_EQ(again, "A1");
      EXPECT_EQ(name_of(tx, code), "名" + code);
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"A1", "B2", "C3"}));
    return ok();
  });
  ASSERT_TRUE(r) << r.error().message;
}

TEST_P(StatementCacheTest, AFailedStatementIsNotReused) {
  // (PostgreSQL has no cache, and a failed statement aborts its whole transaction.)
  if (backend() != Backend::kSqlite) GTEST_SKIP() << "SQLite cache only";
  auto r = db().transaction([&](Transaction& tx) -> Result<void> {
    insert(tx, "DUP", "一");
    EXPECT_THROW(insert(tx, "DUP", "二"), soci::soci_error);  // UNIQUE(code)
    insert(tx, "NEW", "三");                                  // the same SQL still works
    EXPECT_EQ(name_of(tx, "NEW"), "三");
    return ok();
  });
  ASSERT_TRUE(r) << r.error().message;
}

// A SELECT left half-read goes back reset: its session holds no read snapshot after the commit,
// so another connection's checkpoint can copy everything back and truncate the WAL.
TEST_P(StatementCacheTest, AHalfReadSelectDoesNotKeepItsSnapshot) {
  if (backend() != Backend::kSqlite) GTEST_SKIP() << "SQLite WAL only";
  ASSERT_TRUE(db().transaction([&](Transaction& tx) -> Result<void> {
    for (const char* code : {"A1", "B2", "C3"}) insert(tx, code, "站");
    return ok();
  }));
  ASSERT_TRUE(db().read([&](Transaction& tx) -> Result<void> {
    std::string code;
    Statement st(tx, kAllCodes);
    st.into(code);
    EXPECT_TRUE(st.execute());  // one row of three read; the statement goes back here
    return ok();
  }));
  auto other = Database::open(url_);
  ASSERT_TRUE(other) << other.error().message;
  ASSERT_TRUE((*other)->transaction([&](Transaction& tx) -> Result<void> {
    insert(tx, "D4", "站");
    return ok();
  }));
  auto busy = (*other)->read([&](Transaction& tx) -> Result<int> {
    tx.session() << "COMMIT";  // a checkpoint cannot run inside a transaction
    int b = -1, log = -1, done = -1;
    tx.session() << "PRAGMA wal_checkpoint(TRUNCATE)", soci::into(b), soci::into(log), soci::into(done);
    tx.session() << "BEGIN";
    return b;
  });
  ASSERT_TRUE(busy) << busy.error().message;
  EXPECT_EQ(*busy, 0);
}

}  // namespace

RC_INSTANTIATE_STORE_TEST(StatementCacheTest);

}  // namespace rc::store::testing
