#pragma once
// Use case (scheduled job): delete every portrait photo and face template whose delete_after has
// passed (DOMAIN.md §4: retention kept to the minimum; periods in registration_settings.h).
// One transaction; audited as the system with the counts. Thread-safe.

#include "app/registration/actor.h"
#include "store/biometric_repository.h"
#include "store/database.h"

namespace rc::app {

[[nodiscard]] Result<store::ErasedBiometrics> purge_expired_biometrics(store::Database& db,
                                                                       std::chrono::system_clock::time_point now);

}  // namespace rc::app
