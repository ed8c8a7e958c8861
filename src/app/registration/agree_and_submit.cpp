#include "app/registration/agree_and_submit.h"

#include "app/registration/confirmation_records.h"
#include "app/registration/own_application.h"
#include "store/biometric_repository.h"
#include "store/registration_repository.h"

namespace rc::app {

Result<void> agree_and_submit(store::Database& db, const Clock& clock, const Actor& actor, store::Id registration_id) {
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<void> {
    auto app = confirmable_application(tx, actor, registration_id);
    if (!app) return fail(app.error());
    ConfirmationRecords records(tx);
    auto details = records.details(app->candidate.id);
    auto progress = records.progress(registration_id);
    auto photo = store::BiometricRepository(tx).latest_photo(app->candidate.id);
    if (!details || !progress || !photo) return fail(!details ? details.error() : !progress ? progress.error() : photo.error());
    auto missing = missing_items(app->candidate, *details, *progress, photo->has_value());
    if (!missing.empty()) {
      std::string list;
      for (const auto& m : missing) list += (list.empty() ? "" : "、") + m.label;
      return fail(ErrorCode::kStepsIncomplete, missing.front().field, "请先完成以下事项：" + list, "R4");
    }
    const auto from = app->registration.status;
    if (auto m = records.mark(registration_id, ConfirmationStep::kAgreed, now); !m) return m;
    auto moved = store::RegistrationRepository(tx).change_status(registration_id, from, store::RegistrationStatus::kConfirmed);
    if (!moved) return moved;
    const bool resubmission = from == store::RegistrationStatus::kReturned;
    return audit(tx, actor, now, {resubmission ? "registration.resubmit" : "registration.confirm", "registration",
                                  registration_id, {{"from", store::to_text(from)}}});
  });
}

}  // namespace rc::app
