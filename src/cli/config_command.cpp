// rescuecert config show: the effective configuration and where each value came from.
#include <iostream>

#include "cli/commands.h"
#include "cli/load_config.h"

namespace rc::cli {

void add_config(CLI::App& app, const Globals& g, Run* run) {
  auto* config = app.add_subcommand("config", "配置 (configuration)");
  config->require_subcommand(1);
  auto* show = config->add_subcommand("show", "print the effective configuration and the source of each value");
  show->callback([&g, run] {
    *run = [&g] {
      auto cfg = load_config(g);
      if (!cfg) {
        print_error(cfg.error());
        return kExitFailure;
      }
      std::cout << cfg->effective().dump(2) << "\n";
      return kExitOk;
    };
  });
}

}  // namespace rc::cli
