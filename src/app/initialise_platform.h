#pragma once
// The `rescuecert init` use case: creates the data and key folders, generates any missing key
// (never replacing one), creates the database and brings its schema up to date. Safe to run again.

#include <string>
#include <vector>

#include "app/config.h"
#include "domain/common/clock.h"
#include "domain/common/result.h"

namespace rc::app {

struct InitReport {
  int keys_created = 0;
  int keys_kept = 0;
  int schema_from = 0;
  int schema_to = 0;
  std::vector<int> migrations_applied;
};

[[nodiscard]] Result<InitReport> initialise_platform(const Config& config, const Clock& clock);

}  // namespace rc::app
