#pragma once
// The retake rules engine (RULES.md R12a–f, D1–D9, D12–D15, D17, D18): from a candidate's full
// history to the decision on the latest registration. A pure function of its input (D13: an
// appeal that changes an outcome is a changed history, evaluated afresh): no clock, no I/O.
//
// Evaluation:
//  1. registrations are ordered by registered_on; each follows the policy in force on that date
//     (D18) unless History::policy names one;
//  2. each registration is replayed (RegistrationRun) up to the next registration's date, or up to
//     `today` for the latest; an earlier registration must have finished (completed, ended, void or
//     ineligible) before the next one starts;
//  3. the latest registration's state becomes the Decision (decide.h).
// Any inconsistent history — a sitting with no right to it, dated before its registration or after
// `today`, after its registration ended, an unknown policy — is refused with an Error naming the
// field path ("registrations[0].sittings[2].kind") and citing the rule; never a guess.
//
// Thread-safe: evaluate() has no state; the catalog is read-only.

#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "domain/rules/decision.h"
#include "domain/rules/history.h"

namespace rc::rules {

[[nodiscard]] Result<Decision> evaluate(const History& history, const PolicyCatalog& policies);

}  // namespace rc::rules
