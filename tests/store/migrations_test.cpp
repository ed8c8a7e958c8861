// Migrations: applied once each, idempotent, refused when history was edited.
#include "store/migrations.h"

#include <soci/soci.h>

#include "store/transparency_log_repository.h"
#include "store_fixture.h"

namespace rc::store::testing {
namespace {

class MigrationsTest : public StoreTest {
 protected:
  bool migrate_in_setup() const override { return false; }

  std::vector<Migration> embedded() {
    auto list = embedded_migrations(backend());
    EXPECT_TRUE(list) << list.error().message;
    return list.value_or(std::vector<Migration>{});
  }

  long long count(const std::string& table) {
    auto n = db().read([&](Transaction& tx) -> Result<long long> {
      long long n = 0;
      tx.session() << ("SELECT count(*) FROM " + table), soci::into(n);
      return n;
    });
    return n.value_or(-1);
  }
};

TEST_P(MigrationsTest, EmptyDatabaseHasVersionZero) {
  auto v = schema_version(db());
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(*v, 0);
}

TEST_P(MigrationsTest, AppliesAllThenNothingOnTheSecondRun) {
  auto all = embedded();
  ASSERT_GE(all.size(), 2u);
  auto first = migrate(db(), clock_);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->from_version, 0);
  EXPECT_EQ(first->to_version, all.back().version);
  EXPECT_EQ(first->applied.size(), all.size());

  auto second = migrate(db(), clock_);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_TRUE(second->applied.empty());
  EXPECT_EQ(second->from_version, second->to_version);
  EXPECT_EQ(count("schema_migrations"), static_cast<long long>(all.size()));
  EXPECT_EQ(count("candidates"), 0);
}

TEST_P(MigrationsTest, RecordsChecksumsAndApplicationTime) {
  ASSERT_TRUE(migrate(db(), clock_));
  auto rows = db().read([](Transaction& tx) -> Result<std::string> {
    std::string checksum;
    long long at = 0;
    tx.session() << "SELECT checksum, applied_at FROM schema_migrations WHERE version = 1", soci::into(checksum),
        soci::into(at);
    return checksum + "@" + std::to_string(at);
  });
  ASSERT_TRUE(rows);
  EXPECT_EQ(*rows, embedded().front().checksum + "@" + std::to_string(kT0.time_since_epoch().count()));
}

TEST_P(MigrationsTest, RefusesWhenAnAppliedMigrationWasEdited) {
  ASSERT_TRUE(migrate(db(), clock_));
  auto edited = embedded();
  edited.front().sql += "\n-- a harmless-looking edit\n";
  edited.front().checksum = migration_checksum(edited.front().sql);
  edited.push_back(Migration{static_cast<int>(edited.size()) + 1, "later", "CREATE TABLE later_table (x INTEGER)",
                             migration_checksum("CREATE TABLE later_table (x INTEGER)")});
  auto r = migrate(db(), edited, clock_);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_NE(r.error().message.find("V1"), std::string::npos) << r.error().message;
  // Nothing after the refusal ran.
  auto v = schema_version(db());
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, embedded().back().version);
}

TEST_P(MigrationsTest, RefusesADatabaseNewerThanTheBinary) {
  ASSERT_TRUE(migrate(db(), clock_));
  auto older = embedded();
  older.pop_back();
  auto r = migrate(db(), older, clock_);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
}

TEST_P(MigrationsTest, AFailingMigrationLeavesTheEarlierOnesApplied) {
  auto list = embedded();
  int next = list.back().version + 1;
  std::string good = "CREATE TABLE good_table (x INTEGER)";
  std::string bad = "CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1)";
  list.push_back(Migration{next, "good", good, migration_checksum(good)});
  list.push_back(Migration{next + 1, "bad", bad, migration_checksum(bad)});
  auto r = migrate(db(), list, clock_);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kStorageFailure);
  auto v = schema_version(db());
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, next);
  EXPECT_EQ(count("good_table"), 0);
  EXPECT_EQ(count("half_done"), -1);  // rolled back with its migration: the table does not exist
}

// V013 indexes the log entries written before it by certificate number, on both backends.
TEST_P(MigrationsTest, CertificateLogLeavesAreFilledFromEarlierEntries) {
  auto all = embedded();
  std::vector<Migration> before;
  for (const auto& m : all)
    if (m.version < 13) before.push_back(m);
  ASSERT_LT(before.size(), all.size());
  ASSERT_TRUE(migrate(db(), before, clock_));
  const std::string issue =
      R"({"at":1764300000000,"certificate_number":"YJJY-A","file_digest":")" + std::string(64, 'a') + R"(","kind":"issue","v":1})";
  const std::string other =
      R"({"at":1764300000001,"certificate_number":"YJJY-B","file_digest":")" + std::string(64, 'b') + R"(","kind":"issue","v":1})";
  const std::string revoke = R"({"at":1764300000002,"certificate_number":"YJJY-A","file_digest":")" +
                             std::string(64, 'a') + R"(","kind":"revoke","reason":"有误","v":1})";
  auto wrote = db().transaction([&](Transaction& tx) -> Result<void> {
    TransparencyLogRepository log(tx);
    std::int64_t i = 0;
    for (const auto& text : {issue, other, revoke}) {
      if (auto st = log.lock_state(); !st) return fail(st.error());
      if (auto r = log.save_state({i + 1, Bytes(32, 7)}); !r) return r;
      if (auto r = log.insert_entry({i, text, Bytes(32, static_cast<unsigned char>(i)), Timestamp{}}); !r) return r;
      ++i;
    }
    return ok();
  });
  ASSERT_TRUE(wrote) << wrote.error().message;
  ASSERT_TRUE(migrate(db(), all, clock_));
  auto found = db().read([](Transaction& tx) { return TransparencyLogRepository(tx).certificate_entries("YJJY-A"); });
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->size(), 2u);
  EXPECT_EQ((*found)[0].leaf_index, 0);
  EXPECT_EQ((*found)[0].entry, issue);
  EXPECT_EQ((*found)[1].leaf_index, 2);
  EXPECT_EQ((*found)[1].entry, revoke);
  EXPECT_EQ(count("certificate_log_leaves"), 3);
}

TEST_P(MigrationsTest, PlaceholdersAreExpandedForTheBackend) {
  std::string sql = expand_placeholders("CREATE TABLE t (id {{ID}}, b {{BLOB}})", backend());
  EXPECT_EQ(sql.find("{{"), std::string::npos);
  EXPECT_NE(sql.find(backend() == Backend::kSqlite ? "BLOB" : "BYTEA"), std::string::npos);
}

RC_INSTANTIATE_STORE_TEST(MigrationsTest);

using Files = std::vector<std::pair<std::string_view, std::string_view>>;

TEST(StoreMigrationFiles, PicksThePortableFileOrTheBackendVariant) {
  Files files{{"V001__a.sql", "A"}, {"V002__b.sqlite.sql", "BS"}, {"V002__b.postgresql.sql", "BP"}};
  auto lite = migrations_for(Backend::kSqlite, files);
  ASSERT_TRUE(lite) << lite.error().message;
  ASSERT_EQ(lite->size(), 2u);
  EXPECT_EQ((*lite)[1].sql, "BS");
  EXPECT_EQ((*lite)[1].name, "b");
  auto pg = migrations_for(Backend::kPostgresql, files);
  ASSERT_TRUE(pg);
  EXPECT_EQ((*pg)[1].sql, "BP");
  EXPECT_EQ((*pg)[0].checksum, (*lite)[0].checksum);
}

TEST(StoreMigrationFiles, RejectsGapsDuplicatesBadNamesAndLoneVariants) {
  for (const Files& bad : {Files{{"V001__a.sql", ""}, {"V003__c.sql", ""}},
                           Files{{"V001__a.sql", ""}, {"V001__a.sql", ""}},
                           Files{{"V001__a.sql", ""}, {"V001__b.sql", ""}},
                           Files{{"001__a.sql", ""}},
                           Files{{"V001_a.sql", ""}},
                           Files{{"V001__A.sql", ""}},
                           Files{{"V001__a.sqlite.sql", ""}},
                           Files{{"V001__a.sql", ""}, {"V001__a.postgresql.sql", ""}}}) {
    auto r = migrations_for(Backend::kSqlite, bad);
    ASSERT_FALSE(r) << bad.front().first;
    EXPECT_EQ(r.error().code, ErrorCode::kBadConfig);
  }
}

TEST(StoreMigrationFiles, EmbeddedFilesAreValidForBothBackends) {
  EXPECT_TRUE(embedded_migrations(Backend::kSqlite));
  EXPECT_TRUE(embedded_migrations(Backend::kPostgresql));
  EXPECT_NE(migration_checksum("a"), migration_checksum("b"));
}

}  // namespace
}  // namespace rc::store::testing
