#pragma once
// Use case (scheduled job, and lazily when a proctor opens a room): D11 — a seated theory candidate
// not admitted by the time the door closes (the session's start + the policy's late minutes) is
// recorded absent: an exam_checkins row (outcome absent, recorded_by none for the system) and the
// theory outcome 'absent' in the rules history (attempts: the pending row of that sitting, else a
// new one of the seat's kind), so the rules engine (F14) sees the absence. Audited per candidate.
// Idempotent; several servers may run it at once (a candidate another writer recorded first is
// skipped). `rescuecert serve` runs it with the housekeeping. Thread-safe (one transaction per
// candidate).

#include <chrono>
#include <optional>
#include <vector>

#include "app/registration/actor.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "store/checkin_records.h"
#include "store/database.h"

namespace rc::app {

// Absences recorded now. sitting_id: only that sitting's candidates (the proctor's room list).
[[nodiscard]] Result<int> record_absences(store::Database& db, const PolicyCatalog& policies,
                                          std::chrono::system_clock::time_point now,
                                          std::optional<store::Id> sitting_id = std::nullopt);

// The same sweep over seats the caller has read (CheckinRepository::unchecked_seats at `at`): the
// room list reads them in the transaction of its access check.
[[nodiscard]] Result<int> record_absences_of(store::Database& db, const PolicyCatalog& policies, store::Timestamp at,
                                             const std::vector<store::UncheckedSeat>& unchecked);

// Records one candidate absent inside the caller's transaction (the sweep, and a late arrival
// refused at the door, D11): the check-in row, the rules history and the audit event by `actor`
// (the system: recorded_by stays empty). kConflict when the candidate already has a theory check-in
// at this sitting.
[[nodiscard]] Result<void> record_absent_in(store::Transaction& tx, const Actor& actor, store::Id sitting_id,
                                            store::Id registration_id, store::AttemptKind kind, store::Timestamp at);

}  // namespace rc::app
