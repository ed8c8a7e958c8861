#pragma once
// A registration as a station user may see it: the registration of a batch sent to the acting
// station (kForbidden otherwise). Shared by review_detail and the review decisions. Runs inside
// the caller's transaction.

#include "app/registration/actor.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

struct StationRegistration {
  store::Registration registration;
  store::Batch batch;
  store::Candidate candidate;
};

[[nodiscard]] Result<StationRegistration> station_registration(store::Transaction& tx, const Actor& actor,
                                                               store::Id registration_id);
// The same, and the registration must be waiting for review (confirmed): kWrongState otherwise.
[[nodiscard]] Result<StationRegistration> reviewable_registration(store::Transaction& tx, const Actor& actor,
                                                                  store::Id registration_id);

}  // namespace rc::app
