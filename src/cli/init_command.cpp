// rescuecert init: data folder, keys, database and schema. Safe to run again.
#include <iostream>

#include "app/initialise_platform.h"
#include "cli/commands.h"
#include "cli/load_config.h"

namespace rc::cli {

void add_init(CLI::App& app, const Globals& g, Run* run) {
  auto* init = app.add_subcommand("init", "初始化：创建数据库、执行迁移、生成密钥 (create database, migrate, generate keys)");
  init->callback([&g, run] {
    *run = [&g] {
      auto cfg = load_config(g);
      if (!cfg) return print_error(cfg.error()), kExitFailure;
      SystemClock clock;
      auto report = app::initialise_platform(*cfg, clock);
      if (!report) return print_error(report.error()), kExitFailure;
      std::cout << "初始化完成 (initialised): database " << cfg->database << ", schema version "
                << report->schema_from << " -> " << report->schema_to << "; keys in " << cfg->keys_dir << ": "
                << report->keys_created << " created, " << report->keys_kept << " kept; question bank: "
                << report->bank_items_loaded << " items loaded\n";
      return kExitOk;
    };
  });
}

}  // namespace rc::cli
