#pragma once
// What a registration may sit at a sitting (R12, F6): per subject, 新考 ('first') while its first
// attempt is still to come, a retake or make-up ('retake'/'makeup') only while the rules engine
// grants that right with a deadline on or after the sitting's date, and nothing otherwise (passed,
// exhausted, forfeited, the same-day on-site retake, or a subject already booked at another
// sitting still to come). A sitting offers only the subjects it has a session for.
// Runs inside the caller's transaction; thread-safe as it.

#include <optional>
#include <string>

#include "domain/common/civil_date.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

struct SeatSubjects {
  std::optional<store::AttemptKind> theory;     // first, retake or makeup
  std::optional<store::AttemptKind> practical;  // first, retake or makeup
  std::string reason;  // Chinese, why nothing may be sat (when both are empty)
  std::string rule;    // the rule behind `reason`
  bool any() const { return theory || practical; }
};

// REQUIRES: registration, its candidate and sitting are stored; today is the China date of the
// decision. The candidate is the caller's (both callers have read it already).
[[nodiscard]] Result<SeatSubjects> seat_subjects(store::Transaction& tx, const PolicyCatalog& policies,
                                                 const store::Registration& registration,
                                                 const store::Candidate& candidate, const store::Sitting& sitting,
                                                 CivilDate today);

}  // namespace rc::app
