#pragma once
// The candidate's rights (F14, page 我的补考/重考权利): the rules engine's decision on the
// candidate's latest approved registration, from the full history stored in the database
// (candidate_history.h: every earlier registration of the level and every marked attempt, with
// corrections from appeals already applied, D13), evaluated on today's China date (D17). Each
// subject says its status, the right's kind and deadline, whether it is free (D15) and the rule
// (R12a, D6, ...); the Chinese explanation lines come from the engine itself.
//
// Thread-safe: each call runs its own transaction.

#include <optional>
#include <string_view>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "domain/rules/decision.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

struct RightsStanding {
  store::Registration registration;  // the latest approved one (the one the rules evaluate)
  rules::Decision decision;
  // candidate_rights only: an attempt of this registration has a result not published yet (R8),
  // so the decision (which would reveal it) is withheld and left empty until publication day.
  bool held = false;
};

// The latest approved registration of the candidate (by registration date, then id), or none.
[[nodiscard]] Result<std::optional<store::Registration>> latest_approved_registration(store::Transaction& tx,
                                                                                      store::Id candidate_id);

// The decision on that registration on `today`; nullopt when the candidate has no approved one.
[[nodiscard]] Result<std::optional<RightsStanding>> rights_of_candidate(store::Transaction& tx,
                                                                        const PolicyCatalog& policies,
                                                                        store::Id candidate_id, CivilDate today);

// Whether an attempt of the registration has a marked result not yet published on `today` (R8):
// then candidates and organisations must not be shown what the rules derive from it.
[[nodiscard]] Result<bool> has_unpublished_result(store::Transaction& tx, store::Id candidate_id,
                                                  store::Id registration_id, CivilDate today);

// The signed-in candidate's own rights (held while a result is unpublished). kForbidden unless a candidate.
[[nodiscard]] Result<std::optional<RightsStanding>> candidate_rights(store::Database& db, const PolicyCatalog& policies,
                                                                     const Clock& clock, const Actor& actor);

std::string_view subject_status_label(rules::SubjectStatus s);         // 已通过, 可补考, ...
std::string_view rights_status_label(rules::RegistrationStatus s);  // 进行中, 已完成, ...

}  // namespace rc::app
