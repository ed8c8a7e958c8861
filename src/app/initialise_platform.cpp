#include "app/initialise_platform.h"

#include <filesystem>

#include "app/exam/exam_bank.h"
#include "app/key_store.h"
#include "store/database.h"
#include "store/migrations.h"

namespace rc::app {

Result<InitReport> initialise_platform(const Config& config, const Clock& clock) {
  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  if (ec) return fail(make_error(ErrorCode::kBadConfig, "data_dir", "无法创建数据目录 " + config.data_dir));
  InitReport report;
  auto keys = ensure_keys(config.keys_dir);
  if (!keys) return fail(keys.error());
  report.keys_created = keys->created;
  report.keys_kept = keys->existing;

  // A SQLite file's folder must exist before the file can be created.
  // ("sqlite:///abs/x.db" and "sqlite://rel/x.db" name a file; see store/connection_url.h.)
  constexpr std::string_view kSqliteScheme = "sqlite://";
  if (config.database.rfind(kSqliteScheme, 0) == 0) {
    const auto parent = std::filesystem::path(config.database.substr(kSqliteScheme.size())).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  auto db = store::Database::open(config.database);
  if (!db) return fail(db.error());
  auto migrated = store::migrate(**db, clock);
  if (!migrated) return fail(migrated.error());
  report.schema_from = migrated->from_version;
  report.schema_to = migrated->to_version;
  report.migrations_applied = migrated->applied;
  auto bank = load_shipped_bank(**db, clock);
  if (!bank) return fail(bank.error());
  report.bank_items_loaded = *bank;
  return report;
}

}  // namespace rc::app
