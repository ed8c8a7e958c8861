#pragma once
// Read models of the organisation's pages (F2): its batches with how many applications are in
// each status, and the applicants of one batch (masked ID number, status, the station's reason
// when returned). Only the acting organisation's own batches. The applicant list is a view of
// personal data: audited. Thread-safe.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "store/database.h"

namespace rc::app {

struct BatchSummary {
  store::Batch batch;
  std::map<store::RegistrationStatus, int> counts;  // statuses with at least one application
  int total = 0;
};

struct BatchApplicant {
  store::Id registration_id = 0;
  std::string name;
  std::string id_number_masked;
  store::RegistrationStatus status = store::RegistrationStatus::kDraft;
  std::optional<std::string> return_reason;
};

// Oldest first. kForbidden unless the actor is an organisation user.
[[nodiscard]] Result<std::vector<BatchSummary>> organisation_batches(store::Database& db, const Actor& actor);

// kForbidden for another organisation's batch; kNotFound.
[[nodiscard]] Result<std::vector<BatchApplicant>> batch_applicants(store::Database& db, const Clock& clock,
                                                                   const Actor& actor, store::Id batch_id);

}  // namespace rc::app
