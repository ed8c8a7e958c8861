#include "app/registration/return_application.h"

#include "app/applicant_fields.h"
#include "app/registration/confirmation_records.h"
#include "app/registration/station_registration.h"
#include "store/registration_repository.h"

namespace rc::app {

Result<void> return_application(store::Database& db, const Clock& clock, const Actor& actor, store::Id registration_id,
                                std::string_view reason) {
  auto text = parse_free_text(reason, 200);
  if (!text) return fail(text.error().code, "reason", "退回原因：" + text.error().message);
  if (text->empty()) return fail(ErrorCode::kReasonRequired, "reason");
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<void> {
    auto sr = reviewable_registration(tx, actor, registration_id);
    if (!sr) return fail(sr.error());
    store::Review review{store::RegistrationStatus::kConfirmed, store::RegistrationStatus::kReturned, *text,
                         actor.user_id, now};
    if (auto r = store::RegistrationRepository(tx).review(registration_id, review); !r) return r;
    if (auto c = ConfirmationRecords(tx).clear_agreement(registration_id, now); !c) return c;
    return audit(tx, actor, now, {"registration.return", "registration", registration_id, {{"reason", *text}}});
  });
}

}  // namespace rc::app
