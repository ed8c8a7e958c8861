#pragma once
// Use case: an organisation creates a batch (集体申报批次, R3) for one station and one level. The
// level must be open under the policy in force today (R1); the batch starts as a draft. Audited.
// Thread-safe: each call runs its own transaction.

#include <string>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/policy/policy_catalog.h"
#include "store/database.h"

namespace rc::app {

struct NewBatch {
  store::Id station_id = 0;
  int level = 5;       // 5 = 五级/初级工
  std::string title;   // free text, at most 60 characters; empty: "<date> 集体申报"
};

// kForbidden unless the actor is an organisation user; kNotFound for an unknown station;
// kLevelClosed / kUnknownLevel (R1); kNoPolicyInForce.
[[nodiscard]] Result<store::Batch> create_batch(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                                const Actor& actor, const NewBatch& request);

}  // namespace rc::app
