#pragma once
// Read model of a station's review queue (F5): the applications candidates have agreed to
// (status confirmed) in batches sent to this station, oldest first, with masked ID numbers and
// whether the face check passed or a manual check was asked for. Audited as a view of personal
// data. Thread-safe.

#include <string>
#include <vector>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "store/database.h"

namespace rc::app {

struct ReviewQueueItem {
  store::Id registration_id = 0;
  std::string name;
  std::string id_number_masked;
  int level = 5;
  store::Id batch_id = 0;
  std::string batch_title;
  std::string organisation_name;
  bool face_verified = false;
  bool manual_review_requested = false;
  store::Timestamp confirmed_at{};
};

// kForbidden unless the actor is a user of this station.
[[nodiscard]] Result<std::vector<ReviewQueueItem>> review_queue(store::Database& db, const Clock& clock,
                                                                const Actor& actor, store::Id station_id);

}  // namespace rc::app
