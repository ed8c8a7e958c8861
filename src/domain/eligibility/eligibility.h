#pragma once
// Who may register (RULES.md R2, D14): at least the policy's minimum age (18) — and not above its
// maximum, when it sets one — on the day the application is submitted, computed on calendar dates
// from the birth date (CivilDate::age_on); and a health declaration (身体健康). No education or
// social-insurance check (R2).

#include "domain/common/civil_date.h"
#include "domain/common/result.h"
#include "domain/policy/policy.h"

namespace rc {

struct Applicant {
  CivilDate birth_date;
  bool health_declared = false;
};

// kUnderAge / kOverAge (field "birth_date", rule R2 with D14 in the message).
[[nodiscard]] Result<void> check_age(CivilDate birth_date, CivilDate on, const Policy& policy);
// check_age on `submitted_on`, then the health declaration (kHealthNotDeclared, field "health_declared").
[[nodiscard]] Result<void> check_eligibility(const Applicant& applicant, CivilDate submitted_on, const Policy& policy);

}  // namespace rc
