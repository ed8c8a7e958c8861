#pragma once
// The subcommands of `rescuecert`, one file each. Each add_* registers its CLI11 subcommand and
// sets *run to the function that carries it out; main() calls the chosen one.
// Exit codes: 0 done, 1 input refused (a JSON error is printed), 2 usage, 3 operational failure.

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace rc::cli {

struct Globals {
  std::string config_path;  // --config; empty: $RESCUECERT_CONFIG, then ./rescuecert.json if present
};

using Run = std::function<int()>;

void add_init(CLI::App& app, const Globals& g, Run* run);
void add_serve(CLI::App& app, const Globals& g, Run* run);
void add_config(CLI::App& app, const Globals& g, Run* run);
void add_rules(CLI::App& app, const Globals& g, Run* run);
void add_id(CLI::App& app, const Globals& g, Run* run);
void add_demo(CLI::App& app, const Globals& g, Run* run);
void add_sms(CLI::App& app, const Globals& g, Run* run);
void add_cert(CLI::App& app, const Globals& g, Run* run);
void add_log(CLI::App& app, const Globals& g, Run* run);
void add_bench(CLI::App& app, const Globals& g, Run* run);

inline constexpr int kExitOk = 0;
inline constexpr int kExitRefused = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailure = 3;

}  // namespace rc::cli
