#pragma once
// Retake scheduling (F15; R12, D2, D5, D15): the rules engine decides who may sit what.
//
// schedule_retake: a station (for registrations sent to it) or an organisation (for its own
// candidates) puts a candidate with a right — a retake (R12a, R12c) or a make-up (R12e, D7) of a
// subject, from the rules decision on their latest registration and full history — on a later
// sitting of the registration's station, held on or before the right's deadline. Free: the
// placement's fee is 0 (D15). A right is used once (one placement per subject and kind; D5: an
// absence at it uses it up). Without a right (passed, exhausted, forfeited, on-site retake only,
// void, ended, or a sitting after the deadline) it is refused with kNoRightForSitting citing the
// deciding rule. The decision is recorded in retake_placements (V011) and audited; the seat itself
// is the seat plan's (app/sittings/assign_candidates.h), which the station's page calls next.
//
// re_register: when the rules say the registration has ended or is void (R12d, R12f, D1, D6:
// reregistration_required), the organisation re-registers the candidate: a new registration in a
// new batch to the same station, confirmed and waiting for review, policy by today's date (D18),
// with the full exam fee due (D15). The station's approval (approve_application) refuses it with
// kFeeNotPaid until the fee is recorded as paid.
//
// Thread-safe: each call runs its own transaction.

#include <optional>
#include <string>
#include <vector>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "domain/rules/decision.h"
#include "store/database.h"
#include "store/result_records.h"

namespace rc::app {

struct RetakeRequest {
  store::Id registration_id = 0;
  store::Id sitting_id = 0;
  store::Subject subject = store::Subject::kTheory;
};

[[nodiscard]] Result<store::RetakePlacement> schedule_retake(store::Database& db, const PolicyCatalog& policies,
                                                             const Clock& clock, const Actor& actor,
                                                             const RetakeRequest& request);

struct ReRegistration {
  store::Id batch_id = 0;
  store::Id registration_id = 0;
  std::int64_t fee_due_fen = 0;
};

[[nodiscard]] Result<ReRegistration> re_register(store::Database& db, const PolicyCatalog& policies,
                                                 const Clock& clock, const Actor& actor,
                                                 store::Id registration_id);

// For the scheduling page: candidates of the actor's station (or organisation) whose latest
// registration has a right to schedule or must re-register, with the decision and the placements
// already made.
struct CandidateWithRights {
  store::Registration registration;
  std::string name;
  std::string id_number_masked;
  rules::Decision decision;
  std::vector<store::RetakePlacement> placements;
};
struct RetakeBoard {
  std::vector<CandidateWithRights> candidates;
  std::vector<store::Sitting> later_sittings;  // of those candidates' stations, next 400 days, not cancelled
};
[[nodiscard]] Result<RetakeBoard> candidates_with_rights(store::Database& db, const PolicyCatalog& policies,
                                                         const Clock& clock, const Actor& actor);

}  // namespace rc::app
