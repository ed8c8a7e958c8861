#pragma once
// Use case: the station approves an application (F5). The age is checked again on the review
// day (D14) under the registration's policy (D18). A re-registration (the candidate registered
// before) needs the full exam fee recorded as paid first (D15): the reviewer may record the
// amount received with the approval. confirmed -> approved, with reviewer and time. Audited.
// Thread-safe.

#include <cstdint>
#include <optional>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/policy/policy_catalog.h"
#include "store/database.h"

namespace rc::app {

struct Approval {
  store::Id registration_id = 0;
  std::optional<std::int64_t> fee_paid_fen;  // total paid so far, in fen, when the station records it now
};

// kForbidden; kWrongState (not waiting for review); kUnderAge / kOverAge (D14); kFeeNotPaid (D15);
// kInvalidValue for a negative fee.
[[nodiscard]] Result<void> approve_application(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                               const Actor& actor, const Approval& approval);

}  // namespace rc::app
