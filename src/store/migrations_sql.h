#pragma once
// SQL of the migration runner (store/migrations.cpp).

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kCreateSchemaMigrations =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " checksum TEXT NOT NULL,"
    " applied_at BIGINT NOT NULL)";

inline constexpr std::string_view kSqliteHasSchemaMigrations =
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";

inline constexpr std::string_view kPostgresqlHasSchemaMigrations =
    "SELECT count(*) FROM information_schema.tables"
    " WHERE table_schema = current_schema() AND table_name = 'schema_migrations'";

// One key for every RescueCert migrator on a PostgreSQL server; held until the transaction ends.
inline constexpr std::string_view kPostgresqlMigrationLock = "SELECT pg_advisory_xact_lock(72010001)";

inline constexpr std::string_view kSelectApplied =
    "SELECT version, name, checksum FROM schema_migrations ORDER BY version";

inline constexpr std::string_view kInsertApplied =
    "INSERT INTO schema_migrations (version, name, checksum, applied_at)"
    " VALUES (:version, :name, :checksum, :applied_at)";

inline constexpr std::string_view kMaxVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";

}  // namespace rc::store::sql
