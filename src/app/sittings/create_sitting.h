#pragma once
// Use case: a station creates a sitting (场次, F6): its date, the theory session's start (its
// length comes from the policy in force on that date, R6: 100 minutes), the practical session's
// start, and the rooms it uses; its capacity is the sum of their seats. It starts as planned.
// Audited ("sitting.create"). Thread-safe (its own transaction).

#include <optional>
#include <vector>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/policy/policy_catalog.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

struct NewSitting {
  CivilDate held_on;
  int level = 5;
  std::optional<int> theory_start_minute;     // minutes after 00:00 China time on held_on
  std::optional<int> practical_start_minute;  // idem
  std::vector<store::Id> room_ids;            // rooms of the station, at least one
};

// The new sitting's id. kForbidden for anyone but a station user; kInvalidDate for a date before
// today; kMissingField when neither session has a start; kInvalidValue for a start outside the
// day, a practical start before the theory ends, no room, or a room of another station;
// kLevelClosed when the level is not open for appraisal (R1).
[[nodiscard]] Result<store::Id> create_sitting(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                               const Actor& actor, const NewSitting& sitting);

}  // namespace rc::app
