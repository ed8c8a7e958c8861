#pragma once
// A GoogleTest fixture that runs each store test against both backends:
//   sqlite      a fresh WAL database file in the test temp folder, removed afterwards
//   postgresql  a fresh schema (CREATE SCHEMA + search_path) on the server named by the
//               environment variable RC_TEST_PG (a libpq connection string or URI), dropped
//               afterwards. Without RC_TEST_PG the PostgreSQL instances are skipped, unless
//               RC_REQUIRE_PG=1 (CI), where they fail.
// Start a throw-away server with:  export RC_TEST_PG="$(scripts/test-postgres start DIR PORT)"
//
// Use: class FooTest : public StoreTest {};  TEST_P(FooTest, ...)  RC_INSTANTIATE_STORE_TEST(FooTest);

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "domain/common/clock.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/records.h"

namespace rc::store::testing {

inline std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// A name unique in this process and among processes running at the same time.
inline std::string unique_name(const char* prefix) {
  static std::atomic<int> counter{0};
  auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  return std::string(prefix) + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(now % 1000000);
}

// The store URL of RC_TEST_PG with search_path pinned to `schema`.
inline std::string pg_url_with_schema(const std::string& base, const std::string& schema) {
  if (base.starts_with("postgresql://") || base.starts_with("postgres://")) {
    char sep = base.find('?') == std::string::npos ? '?' : '&';
    return base + sep + "options=-csearch_path%3D" + schema;
  }
  return "postgresql: " + base + " options='-csearch_path=" + schema + "'";
}

inline std::string pg_admin_url(const std::string& base) {
  if (base.starts_with("postgresql://") || base.starts_with("postgres://")) return base;
  return "postgresql: " + base;
}

inline Result<void> exec(Database& db, const std::string& sql) {
  return db.transaction([&](Transaction& tx) -> Result<void> {
    tx.session() << sql;
    return ok();
  });
}

// 2025-03-15T02:00:00Z, an exam-day morning in China.
inline constexpr Timestamp kT0{std::chrono::milliseconds(1742004000000)};

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  // Override to false to get an empty database (migration tests).
  virtual bool migrate_in_setup() const { return true; }

  void SetUp() override {
    if (GetParam() == Backend::kSqlite) {
      path_ = std::filesystem::path(::testing::TempDir()) / (unique_name("rc_store") + ".db");
      url_ = "sqlite://" + path_.string();
    } else {
      std::string base = env("RC_TEST_PG");
      if (base.empty()) {
        if (env("RC_REQUIRE_PG") == "1")
          FAIL() << "RC_REQUIRE_PG=1 but RC_TEST_PG is not set: start a server with "
                    "scripts/test-postgres start DIR PORT and export RC_TEST_PG";
        GTEST_SKIP() << "PostgreSQL not configured: set RC_TEST_PG to a libpq connection string "
                        "(scripts/test-postgres start DIR PORT prints one) to run this instance";
      }
      auto admin = Database::open(pg_admin_url(base), DatabaseOptions{.pool_size = 1});
      ASSERT_TRUE(admin) << admin.error().message;
      admin_ = std::move(*admin);
      schema_ = unique_name("rc_test");
      ASSERT_TRUE(exec(*admin_, "CREATE SCHEMA " + schema_));
      url_ = pg_url_with_schema(base, schema_);
    }
    auto db = Database::open(url_);
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::move(*db);
    if (migrate_in_setup()) {
      auto m = migrate(*db_, clock_);
      ASSERT_TRUE(m) << m.error().message;
    }
  }

  void TearDown() override {
    db_.reset();
    if (admin_ && !schema_.empty()) {
      auto dropped = exec(*admin_, "DROP SCHEMA " + schema_ + " CASCADE");
      EXPECT_TRUE(dropped) << dropped.error().message;
    }
    if (!path_.empty()) {
      std::error_code ignored;
      for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path_.string() + suffix, ignored);
    }
  }

  Database& db() { return *db_; }
  Backend backend() const { return GetParam(); }

  // Runs fn in a committed transaction and asserts it succeeded.
  template <class F>
  auto in_tx(F&& fn) {
    auto r = db_->transaction(std::forward<F>(fn));
    EXPECT_TRUE(r) << r.error().message;
    return r;
  }

  FixedClock clock_{std::chrono::system_clock::time_point(kT0.time_since_epoch())};
  std::string url_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Database> admin_;
  std::string schema_;
  std::filesystem::path path_;
};

inline std::string backend_param_name(const ::testing::TestParamInfo<Backend>& info) {
  return std::string(backend_name(info.param));
}

}  // namespace rc::store::testing

// Every store suite is named Store/<Fixture>.<Test>/<backend>, so `ctest -R Store` selects them.
#define RC_INSTANTIATE_STORE_TEST(fixture)                                                    \
  INSTANTIATE_TEST_SUITE_P(Store, fixture,                                                    \
                           ::testing::Values(::rc::store::Backend::kSqlite, ::rc::store::Backend::kPostgresql), \
                           ::rc::store::testing::backend_param_name)
