#include "app/registration/approve_application.h"

#include <fmt/format.h>

#include <algorithm>

#include "app/registration/review_detail.h"
#include "app/registration/station_registration.h"
#include "domain/eligibility/eligibility.h"
#include "store/registration_repository.h"

namespace rc::app {

Result<void> approve_application(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                 const Actor& actor, const Approval& approval) {
  if (approval.fee_paid_fen && *approval.fee_paid_fen < 0)
    return fail(ErrorCode::kInvalidValue, "fee_paid_fen", "缴费金额不能为负数");
  const auto now = to_timestamp(clock.now());
  const CivilDate today = china_date(now);
  return db.transaction([&](store::Transaction& tx) -> Result<void> {
    auto sr = reviewable_registration(tx, actor, approval.registration_id);
    if (!sr) return fail(sr.error());
    const store::Registration& reg = sr->registration;
    auto policy = policies.by_id(reg.policy_id);
    if (!policy) return fail(policy.error());
    if (auto age = check_age(sr->candidate.birth_date, today, **policy); !age)
      return fail(age.error().code, "birth_date", "审核日 " + today.to_string() + " 复核年龄未通过：" + age.error().message, "D14");
    store::RegistrationRepository regs(tx);
    std::int64_t paid = reg.fee_paid_fen;
    if (approval.fee_paid_fen) {
      if (auto f = regs.record_fee_paid(reg.id, *approval.fee_paid_fen); !f) return f;
      paid = *approval.fee_paid_fen;
    }
    auto again = is_re_registration(tx, reg);
    if (!again) return fail(again.error());
    const std::int64_t due = std::max(reg.fee_due_fen, (*policy)->fees.exam_fee_fen);
    if (*again && paid < due)
      return fail(ErrorCode::kFeeNotPaid, "fee_paid_fen",
                  fmt::format("重新报名须缴纳全额考务费 {}.{:02d} 元，登记已缴后方可审核通过（D15）", due / 100, due % 100),
                  "D15");
    store::Review review{store::RegistrationStatus::kConfirmed, store::RegistrationStatus::kApproved, std::nullopt,
                         actor.user_id, now};
    if (auto r = regs.review(reg.id, review); !r) return r;
    nlohmann::json detail{{"re_registration", *again}, {"fee_paid_fen", paid}, {"reviewed_on", today.to_string()}};
    return audit(tx, actor, now, {"registration.approve", "registration", reg.id, detail});
  });
}

}  // namespace rc::app
