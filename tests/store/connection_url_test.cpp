#include "store/connection_url.h"
#include "store/database.h"

#include <gtest/gtest.h>

namespace rc::store {
namespace {

TEST(StoreConnectionUrl, SqliteAbsoluteRelativeAndMemory) {
  auto abs = parse_connection_url("sqlite:///var/lib/rescuecert/rc.db");
  ASSERT_TRUE(abs);
  EXPECT_EQ(abs->backend, Backend::kSqlite);
  EXPECT_EQ(abs->soci_connect, "db=\"/var/lib/rescuecert/rc.db\"");
  EXPECT_FALSE(abs->in_memory);

  auto rel = parse_connection_url("sqlite://data/rc.db");
  ASSERT_TRUE(rel);
  EXPECT_EQ(rel->soci_connect, "db=\"data/rc.db\"");

  auto mem = parse_connection_url("sqlite::memory:");
  ASSERT_TRUE(mem);
  EXPECT_TRUE(mem->in_memory);
}

TEST(StoreConnectionUrl, PostgresqlUriBecomesTheKeywordFormAndKeywordFormIsStripped) {
  auto uri = parse_connection_url("postgresql://rc@127.0.0.1:5432/rescuecert?options=-csearch_path%3Ds1");
  ASSERT_TRUE(uri) << uri.error().message;
  EXPECT_EQ(uri->backend, Backend::kPostgresql);
  EXPECT_EQ(uri->soci_connect,
            "user='rc' dbname='rescuecert' host='127.0.0.1' port='5432' options='-csearch_path=s1'");
  auto bad_uri = parse_connection_url("postgresql://h:notaport/x?nosuchoption=1");
  ASSERT_FALSE(bad_uri);
  EXPECT_EQ(bad_uri.error().code, ErrorCode::kInvalidValue);

  auto kw = parse_connection_url("postgresql: host=127.0.0.1 port=5432 dbname=rc");
  ASSERT_TRUE(kw);
  EXPECT_EQ(kw->backend, Backend::kPostgresql);
  EXPECT_EQ(kw->soci_connect, "host=127.0.0.1 port=5432 dbname=rc");
}

TEST(StoreConnectionUrl, RejectsUnknownSchemesAndEmptyParts) {
  for (const char* bad : {"", "mysql://x", "sqlite://", "postgresql:", "sqlite:///a\"b.db", "file.db"}) {
    auto r = parse_connection_url(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue);
    EXPECT_EQ(r.error().field, "database.url");
    EXPECT_FALSE(r.error().message.empty());
  }
}

TEST(StoreConnectionUrl, OpenFailureIsAnErrorNotAnException) {
  auto r = Database::open("sqlite:///nonexistent-folder-rc/x/y.db");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kStorageFailure);
  auto pg = Database::open("postgresql: host=127.0.0.1 port=1 connect_timeout=2");
  ASSERT_FALSE(pg);
  EXPECT_EQ(pg.error().code, ErrorCode::kStorageFailure);
}

}  // namespace
}  // namespace rc::store
