#include "app/platform.h"

#include "app/policy_loading.h"
#include "store/migrations.h"

namespace rc::app {

Platform::Platform(Config config, const Clock& clock, PolicyCatalog policies, KeySet keys,
                   std::unique_ptr<store::Database> database)
    : config_(std::move(config)),
      clock_(clock),
      policies_(std::move(policies)),
      keys_(std::move(keys)),
      database_(std::move(database)) {}

Platform::~Platform() = default;

Result<std::unique_ptr<Platform>> Platform::open(Config config, const Clock& clock) {
  auto policies = load_policy_catalog(config);
  if (!policies) return fail(policies.error());
  auto keys = load_keys(config.keys_dir);
  if (!keys) return fail(keys.error());
  auto db = store::Database::open(config.database);
  if (!db) return fail(db.error());
  auto version = store::schema_version(**db);
  if (!version) return fail(version.error());
  auto known = store::embedded_migrations((*db)->backend());
  if (!known) return fail(known.error());
  const int latest = known->empty() ? 0 : known->back().version;
  if (*version != latest)
    return fail(make_error(ErrorCode::kBadConfig, "database",
                           "数据库结构版本为 " + std::to_string(*version) + "，本程序需要 " + std::to_string(latest) +
                               "；请先运行 rescuecert init"));
  return std::unique_ptr<Platform>(
      new Platform(std::move(config), clock, std::move(*policies), std::move(*keys), std::move(*db)));
}

nlohmann::json Platform::health() {
  nlohmann::json db{{"backend", database_->backend() == store::Backend::kSqlite ? "sqlite" : "postgresql"}};
  auto version = store::schema_version(*database_);
  if (version) {
    db["status"] = "ok";
    db["schema_version"] = *version;
  } else {
    db["status"] = "unavailable";
    db["error"] = std::string(code_name(version.error().code));
  }
  nlohmann::json policies = nlohmann::json::array();
  for (const auto& p : policies_.policies()) policies.push_back(p.id);
  return {{"status", version ? "ok" : "degraded"}, {"database", db}, {"policies", policies},
          {"today", china_date(clock_.now()).to_string()}};
}

}  // namespace rc::app
