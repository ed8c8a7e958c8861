#include "app/registration/confirm_id_information.h"

#include "app/registration/confirmation_records.h"
#include "app/registration/own_application.h"

namespace rc::app {

Result<void> confirm_id_information(store::Database& db, const Clock& clock, const Actor& actor,
                                    store::Id registration_id) {
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<void> {
    auto app = confirmable_application(tx, actor, registration_id);
    if (!app) return fail(app.error());
    if (auto m = ConfirmationRecords(tx).mark(registration_id, ConfirmationStep::kIdConfirmed, now); !m) return m;
    return audit(tx, actor, now, {"registration.confirm_id", "registration", registration_id,
                                  {{"id_number", app->candidate.id_number_masked}}});
  });
}

}  // namespace rc::app
