#pragma once
// The `rescuecert init` use case: creates the data and key folders, generates any missing key
// (never replacing one), creates the database and brings its schema up to date, and loads the
// shipped demo question bank into a store that has none (F8). Safe to run again.

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
  int bank_items_loaded = 0;  // the shipped demo bank, into a store without a bank (F8)
};

[[nodiscard]] Result<InitReport> initialise_platform(const Config& config, const Clock& clock);

}  // namespace rc::app
