#include "store/migrations.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "store/migrations_sql.h"
#include "store/statement.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

struct FileName {
  int version = 0;
  std::string name;
  std::optional<Backend> only_for;  // a per-backend variant
};

// "V012__audit_append_only.sqlite.sql" -> {12, "audit_append_only", sqlite}.
std::optional<FileName> parse_file_name(std::string_view file) {
  if (!file.starts_with("V") || !file.ends_with(".sql")) return std::nullopt;
  file.remove_suffix(4);
  FileName out;
  if (file.ends_with(".sqlite")) {
    out.only_for = Backend::kSqlite;
    file.remove_suffix(7);
  } else if (file.ends_with(".postgresql")) {
    out.only_for = Backend::kPostgresql;
    file.remove_suffix(11);
  }
  auto sep = file.find("__");
  if (sep == std::string_view::npos || sep < 2) return std::nullopt;
  for (std::size_t i = 1; i < sep; ++i) {
    if (file[i] < '0' || file[i] > '9') return std::nullopt;
    out.version = out.version * 10 + (file[i] - '0');
    if (out.version > 99999) return std::nullopt;
  }
  out.name = std::string(file.substr(sep + 2));
  if (out.name.empty() || out.version == 0) return std::nullopt;
  for (char c : out.name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return std::nullopt;
  return out;
}

Result<void> bad(std::string message) {
  return fail(ErrorCode::kBadConfig, "migrations", "数据库迁移文件有误：" + std::move(message));
}

// What one version contributes: a portable file or a sqlite/postgresql pair.
struct VersionFiles {
  std::string name;
  std::optional<std::string_view> portable, sqlite, postgresql;
};

Result<void> add_file(std::map<int, VersionFiles>& versions, std::string_view file, std::string_view text) {
  auto parsed = parse_file_name(file);
  if (!parsed) return bad("文件名 " + std::string(file) + " 不符合 V<编号>__<名称>[.sqlite|.postgresql].sql");
  auto& v = versions[parsed->version];
  if (!v.name.empty() && v.name != parsed->name) return bad("版本 " + std::to_string(parsed->version) + " 有两个名称");
  v.name = parsed->name;
  auto& slot = !parsed->only_for                           ? v.portable
               : *parsed->only_for == Backend::kSqlite ? v.sqlite
                                                           : v.postgresql;
  if (slot) return bad("版本 " + std::to_string(parsed->version) + " 重复");
  slot = text;
  return ok();
}

// Runs a whole script (several statements, trigger bodies, dollar quotes) through the native
// driver, which splits it correctly; SOCI runs one statement at a time.
void exec_script(Transaction& tx, const std::string& sql) {
  auto* backend = tx.session().get_backend();
  if (tx.backend() == Backend::kSqlite) {
    sqlite_api::sqlite3* conn = static_cast<soci::sqlite3_session_backend*>(backend)->conn_;
    char* message = nullptr;
    int rc = sqlite_api::sqlite3_exec(conn, sql.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string text = message ? message : "sqlite3_exec failed";
      sqlite_api::sqlite3_free(message);
      throw soci::sqlite3_soci_error(text, sqlite_api::sqlite3_extended_errcode(conn));
    }
    return;
  }
  PGconn* conn = static_cast<soci::postgresql_session_backend*>(backend)->conn_;
  PGresult* result = PQexec(conn, sql.c_str());
  auto status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    std::string text = PQresultErrorMessage(result);
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    std::string sqlstate = state ? state : "XX000";
    PQclear(result);
    throw soci::postgresql_soci_error(text, sqlstate.c_str());
  }
  PQclear(result);
}

struct Applied {
  std::string name;
  std::string checksum;
};

std::map<int, Applied> load_applied(Transaction& tx) {
  std::map<int, Applied> applied;
  int version = 0;
  Applied row;
  Statement st(tx, sql::kSelectApplied);
  st.into(version).into(row.name).into(row.checksum);
  for (bool more = st.execute(); more; more = st.fetch()) applied[version] = row;
  return applied;
}

// History must match what this binary would apply; otherwise nothing is done.
Result<void> verify_history(const std::map<int, Applied>& applied, const std::vector<Migration>& migrations) {
  for (const auto& [version, row] : applied) {
    auto it = std::find_if(migrations.begin(), migrations.end(),
                           [v = version](const Migration& m) { return m.version == v; });
    if (it == migrations.end())
      return fail(ErrorCode::kConflict, "schema_migrations",
                  "数据库已应用迁移 V" + std::to_string(version) + "，本程序不认识它：数据库比程序新，请升级程序");
    if (it->checksum != row.checksum)
      return fail(ErrorCode::kConflict, "schema_migrations",
                  "已应用的迁移 V" + std::to_string(version) + "__" + row.name +
                      " 的内容被修改过（校验和不符）。迁移只能追加，不能修改：请恢复原文件，另写新迁移");
  }
  return ok();
}

Result<void> ensure_table(Database& db) {
  return db.transaction([&](Transaction& tx) -> Result<void> {
    if (tx.backend() == Backend::kPostgresql) tx.session() << sql::kPostgresqlMigrationLock;
    tx.session() << sql::kCreateSchemaMigrations;
    return ok();
  });
}

// Applies one migration unless another process did it first. True when it ran here.
Result<bool> apply_one(Database& db, const Migration& m, const std::vector<Migration>& all, const Clock& clock) {
  return db.transaction([&](Transaction& tx) -> Result<bool> {
    if (tx.backend() == Backend::kPostgresql) tx.session() << sql::kPostgresqlMigrationLock;
    auto applied = load_applied(tx);
    if (auto v = verify_history(applied, all); !v) return fail(v.error());
    if (applied.contains(m.version)) return false;
    exec_script(tx, expand_placeholders(m.sql, tx.backend()));
    auto now = std::chrono::time_point_cast<std::chrono::milliseconds>(clock.now());
    Statement st(tx, sql::kInsertApplied);
    st.bind(m.version).bind(m.name).bind(m.checksum).bind(Timestamp(now.time_since_epoch()));
    st.execute();
    return true;
  });
}

}  // namespace

std::string migration_checksum(std::string_view sql) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a 64: detects edits; not a security measure
  for (unsigned char c : sql) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

std::string expand_placeholders(std::string_view sql, Backend backend) {
  const std::pair<std::string_view, std::string_view> table[] = {
      {"{{ID}}", backend == Backend::kSqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                             : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
      {"{{BLOB}}", backend == Backend::kSqlite ? "BLOB" : "BYTEA"},
  };
  std::string out(sql);
  for (const auto& [from, to] : table)
    for (auto at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size()))
      out.replace(at, from.size(), to);
  return out;
}

Result<std::vector<Migration>> migrations_for(
    Backend backend, const std::vector<std::pair<std::string_view, std::string_view>>& files) {
  std::map<int, VersionFiles> versions;
  for (const auto& [file, text] : files)
    if (auto r = add_file(versions, file, text); !r) return fail(r.error());
  std::vector<Migration> out;
  int expected = 1;
  for (const auto& [version, v] : versions) {
    if (version != expected) return fail(bad("缺少版本 " + std::to_string(expected) + "（编号必须连续）").error());
    ++expected;
    if (v.portable && (v.sqlite || v.postgresql))
      return fail(bad("版本 " + std::to_string(version) + " 同时有通用文件和专用文件").error());
    if (!v.portable && (!v.sqlite || !v.postgresql))
      return fail(bad("版本 " + std::to_string(version) + " 缺少 sqlite 或 postgresql 专用文件").error());
    std::string_view text = v.portable ? *v.portable : backend == Backend::kSqlite ? *v.sqlite : *v.postgresql;
    out.push_back(Migration{version, v.name, std::string(text), migration_checksum(text)});
  }
  return out;
}

Result<std::vector<Migration>> embedded_migrations(Backend backend) {
  return migrations_for(backend, embedded_migration_files());
}

Result<MigrationReport> migrate(Database& db, const Clock& clock) {
  auto list = embedded_migrations(db.backend());
  if (!list) return fail(list.error());
  return migrate(db, *list, clock);
}

Result<MigrationReport> migrate(Database& db, const std::vector<Migration>& migrations, const Clock& clock) {
  return guarded("数据库迁移", [&]() -> Result<MigrationReport> {
    if (auto t = ensure_table(db); !t) return fail(t.error());
    MigrationReport report;
    auto from = schema_version(db);
    if (!from) return fail(from.error());
    report.from_version = *from;
    for (const auto& m : migrations) {
      auto ran = apply_one(db, m, migrations, clock);
      if (!ran) return fail(ran.error());
      if (*ran) report.applied.push_back(m.version);
    }
    // Also catches a database newer than this binary when there was nothing to apply.
    auto check = db.read([&](Transaction& tx) { return verify_history(load_applied(tx), migrations); });
    if (!check) return fail(check.error());
    auto to = schema_version(db);
    if (!to) return fail(to.error());
    report.to_version = *to;
    return report;
  });
}

Result<int> schema_version(Database& db) {
  return db.read([&](Transaction& tx) {
    return guarded("读取数据库版本", [&]() -> Result<int> {
      std::int64_t tables = 0;
      Statement probe(tx, tx.backend() == Backend::kSqlite ? sql::kSqliteHasSchemaMigrations
                                                           : sql::kPostgresqlHasSchemaMigrations);
      probe.into(tables).execute();
      if (tables == 0) return 0;
      int version = 0;
      Statement st(tx, sql::kMaxVersion);
      st.into(version).execute();
      return version;
    });
  });
}

}  // namespace rc::store
