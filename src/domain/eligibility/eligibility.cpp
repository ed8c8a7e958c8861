#include "domain/eligibility/eligibility.h"

#include <algorithm>
#include <string>

namespace rc {

Result<void> check_age(CivilDate birth_date, CivilDate on, const Policy& policy) {
  const int age = birth_date.age_on(on);
  if (age < policy.age.min_age)
    return fail(ErrorCode::kUnderAge, "birth_date",
                "报名日期 " + on.to_string() + " 时年龄为 " + std::to_string(std::max(age, 0)) + " 周岁，未满 " +
                    std::to_string(policy.age.min_age) + " 周岁，不符合报考条件（R2，D14）",
                "R2");
  if (policy.age.max_age && age > *policy.age.max_age)
    return fail(ErrorCode::kOverAge, "birth_date",
                "报名日期 " + on.to_string() + " 时年龄为 " + std::to_string(age) + " 周岁，超过报考年龄上限 " +
                    std::to_string(*policy.age.max_age) + " 周岁（R2，D14）",
                "R2");
  return ok();
}

Result<void> check_eligibility(const Applicant& applicant, CivilDate submitted_on, const Policy& policy) {
  if (auto r = check_age(applicant.birth_date, submitted_on, policy); !r) return r;
  if (policy.health_declaration_required && !applicant.health_declared)
    return fail(ErrorCode::kHealthNotDeclared, "health_declared", "未作身体健康声明，不符合报考条件（R2）", "R2");
  return ok();
}

}  // namespace rc
