#pragma once
// Platform: everything a running RescueCert needs, opened once at start-up from the
// configuration: the clock, the policy catalogue, the database (schema checked current) and the
// keys. The HTTP server and the CLI commands receive it; use cases take what they need from it.
//
// Thread safety: after open() returns, every accessor may be used from any thread; the database
// hands out its own transactions (store/database.h); the rest is read-only.

#include <memory>

#include <nlohmann/json.hpp>

#include "app/config.h"
#include "app/key_store.h"
#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "store/database.h"

namespace rc::app {

class Platform {
 public:
  // REQUIRES: `rescuecert init` has run for this configuration (keys and schema present);
  // otherwise an error says so. `clock` must outlive the Platform.
  [[nodiscard]] static Result<std::unique_ptr<Platform>> open(Config config, const Clock& clock);
  ~Platform();

  const Config& config() const { return config_; }
  const Clock& clock() const { return clock_; }
  const PolicyCatalog& policies() const { return policies_; }
  const KeySet& keys() const { return keys_; }
  store::Database& database() { return *database_; }

  // {"status": "ok"|"degraded", "database": {"backend", "status", "schema_version"}, "policies": [...]}
  nlohmann::json health();

 private:
  Platform(Config config, const Clock& clock, PolicyCatalog policies, KeySet keys,
           std::unique_ptr<store::Database> database);
  Config config_;
  const Clock& clock_;
  PolicyCatalog policies_;
  KeySet keys_;
  std::unique_ptr<store::Database> database_;
};

}  // namespace rc::app
