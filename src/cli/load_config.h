#pragma once
// Finds and parses the configuration for a command (see app/config.h for the keys).

#include <memory>

#include "app/config.h"
#include "app/platform.h"
#include "cli/commands.h"
#include "domain/common/result.h"

namespace rc::cli {

[[nodiscard]] Result<app::Config> load_config(const Globals& g);

// The configuration, then the Platform opened on it with the system clock (serve, demo, sms).
[[nodiscard]] Result<std::unique_ptr<app::Platform>> open_platform(const Globals& g);
// The same on a given clock (serve's testing clock). REQUIRES: clock outlives the Platform.
[[nodiscard]] Result<std::unique_ptr<app::Platform>> open_platform(const Globals& g, const Clock& clock);

// Prints an error as JSON on stdout and a line in Chinese on stderr.
void print_error(const Error& e);

}  // namespace rc::cli
