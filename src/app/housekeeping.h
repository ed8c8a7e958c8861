#pragma once
// Use case (scheduled job): the platform's periodic clean-up. Ends sessions that have expired
// (identity/session_store.h) and erases photos and face templates past their retention (DOMAIN.md
// §4, purge_expired_biometrics), and records as absent the seated theory candidates the exam room
// door has closed on (D11, app/checkin/record_absences.h). `rescuecert serve` runs it at start and
// then every kHousekeepingEvery; it is idempotent, so several servers on one database may all run
// it.
//
// Thread-safe (each part runs its own transaction).

#include <chrono>

#include "app/platform.h"
#include "domain/common/result.h"

namespace rc::app {

inline constexpr std::chrono::minutes kHousekeepingEvery{10};

struct HousekeepingReport {
  int sessions_ended = 0;
  int photos_erased = 0;
  int face_templates_erased = 0;
  int absences_recorded = 0;  // D11
};

// Every part runs even when another fails; the first error is returned.
[[nodiscard]] Result<HousekeepingReport> run_housekeeping(Platform& platform);

}  // namespace rc::app
