#pragma once
// A candidate's history as the retake rules engine reads it (domain/rules/history.h), built from
// the store: registrations of the same level up to and including the one asked about (approved
// ones only: a draft or returned application never sat an exam), each with its attempts and
// their sittings' dates. Attempt kinds and outcomes map 1:1 to the rules' codes; a 'pending'
// attempt (seated, not yet marked) is not history yet and is left out.
//
// certificate_standing() evaluates that history on `today` (the platform clock's Asia/Shanghai
// date, D17) and says whether the registration is completed (both subjects passed, both passes
// valid when the second passed, D6): the only registrations that get a certificate (F16).
//
// Runs inside the caller's transaction; thread-safe as it.

#include <optional>

#include "domain/common/civil_date.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "domain/rules/decision.h"
#include "domain/rules/history.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

struct CertificateStanding {
  store::Registration registration;
  store::Candidate candidate;
  rules::Decision decision;
  std::optional<CivilDate> exam_on;  // the day the second subject passed (completed only)
  bool results_published = false;    // R8: completed, and every sitting of it published by today
  // Ready to be filed and certified: completed (D6) with the results out (R8).
  bool certifiable() const { return exam_on.has_value() && results_published; }
  std::optional<std::int32_t> theory_score_milli;     // of the passing attempt
  std::optional<std::int32_t> practical_score_milli;  // of the passing attempt
};

// REQUIRES: target is a stored registration.
[[nodiscard]] Result<rules::History> candidate_history(store::Transaction& tx, const store::Registration& target,
                                                       CivilDate birth_date, CivilDate today);

// The rules' decision on the registration as of `today`.
[[nodiscard]] Result<CertificateStanding> certificate_standing(store::Transaction& tx, const PolicyCatalog& policies,
                                                               store::Id registration_id, CivilDate today);

// The same, refused with kCertificateNotCompleted (citing D6) unless the decision is completed
// and certificate_eligible, and (citing R8) until the results are published.
[[nodiscard]] Result<CertificateStanding> require_certificate_completed(store::Transaction& tx,
                                                                        const PolicyCatalog& policies,
                                                                        store::Id registration_id, CivilDate today);

}  // namespace rc::app
