#pragma once
// The output of the retake rules engine (RULES.md "The rules interface"): what the latest
// registration's status is and what each subject may still do, each item citing its rule, with
// one Chinese explanation line per decision.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/civil_date.h"
#include "domain/rules/history.h"

namespace rc::rules {

enum class RegistrationStatus {
  kActive,
  kCompleted,   // both subjects passed, both passes valid when the second passed: certificate (D6)
  kVoid,        // absent from both subjects at the first sitting (R12f)
  kEnded,       // a subject exhausted, forfeited or expired: re-register (R12d, D1, D6)
  kIneligible,  // under (or over) age on the registration day (R2, D14)
};

enum class SubjectStatus {
  kPending,                // first attempt not yet taken
  kPassed,
  kOnsiteRetakeAvailable,  // R12b, on the day of the failed attempt only
  kRetakeAvailable,        // a retake (R12a/R12c) or a make-up (R12e): see kind
  kExhausted,              // no attempt left in this registration
  kForfeited,              // a right not used in time, or lost when the registration ended
  kExpired,                // a pass that lapsed before the other subject passed (D6)
};

struct SubjectDecision {
  SubjectStatus status = SubjectStatus::kPending;
  std::optional<SittingKind> kind;       // the right's kind (available or forfeited)
  std::optional<CivilDate> deadline;     // inclusive last day of the right
  std::optional<bool> free;              // whether the right costs nothing (D15)
  std::optional<CivilDate> passed_on;    // passed / expired
  std::optional<CivilDate> valid_until;  // inclusive last day of the pass (D6)
  std::optional<CivilDate> cause;        // the attempt that created the right (D2); not rendered
  std::string rule;                      // the deciding rule, e.g. "R12a"

  friend bool operator==(const SubjectDecision&, const SubjectDecision&) = default;
};

struct Decision {
  std::string policy_id;
  RegistrationStatus registration_status = RegistrationStatus::kActive;
  bool certificate_eligible = false;
  bool reregistration_required = false;
  SubjectDecision theory;
  SubjectDecision practical;
  std::vector<std::string> explanation;  // Chinese, one line per decision

  const SubjectDecision& subject(Subject s) const { return s == Subject::kTheory ? theory : practical; }
  friend bool operator==(const Decision&, const Decision&) = default;
};

std::string_view code(RegistrationStatus s);  // "active", "completed"...
std::string_view code(SubjectStatus s);       // "pending", "retake_available"...

}  // namespace rc::rules
