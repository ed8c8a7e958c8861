#include "app/registration/station_registration.h"

#include "store/batch_repository.h"
#include "store/candidate_repository.h"
#include "store/registration_repository.h"

namespace rc::app {

Result<StationRegistration> station_registration(store::Transaction& tx, const Actor& actor, store::Id registration_id) {
  auto reg = store::RegistrationRepository(tx).find(registration_id);
  if (!reg) return fail(reg.error());
  auto batch = store::BatchRepository(tx).find(reg->batch_id);
  if (!batch) return fail(batch.error());
  if (auto allowed = require_station(actor, batch->station_id); !allowed) return fail(allowed.error());
  auto candidate = store::CandidateRepository(tx).find(reg->candidate_id);
  if (!candidate) return fail(candidate.error());
  return StationRegistration{std::move(*reg), std::move(*batch), std::move(*candidate)};
}

Result<StationRegistration> reviewable_registration(store::Transaction& tx, const Actor& actor, store::Id registration_id) {
  auto r = station_registration(tx, actor, registration_id);
  if (!r) return r;
  if (r->registration.status != store::RegistrationStatus::kConfirmed)
    return fail(ErrorCode::kWrongState, "status", "该报名不在待审核状态");
  return r;
}

}  // namespace rc::app
