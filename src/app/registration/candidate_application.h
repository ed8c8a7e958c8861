#pragma once
// Read model of the candidate's 确认报名 page (R4, F4, F5): who (masked ID), what (level, batch,
// organisation, station), where the confirmation stands, what is still missing
// (own_application.h lists the required fields), and the station's reason when it was returned.
// Reading it is a view of personal data: audited (personal_data_view). Thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "app/registration/actor.h"
#include "app/registration/confirmation_records.h"
#include "app/registration/own_application.h"
#include "domain/common/clock.h"
#include "store/database.h"

namespace rc::app {

struct CandidateApplicationView {
  store::Id registration_id = 0;
  store::RegistrationStatus status = store::RegistrationStatus::kDraft;
  std::string status_label;
  std::string name;
  std::string document_type;      // store text, e.g. "resident_id"
  std::string id_number_masked;   // 5113**********1236
  CivilDate birth_date;
  store::Sex sex = store::Sex::kMale;
  std::string phone_masked;
  bool health_declared = false;
  std::string level_name;         // 五级/初级工
  std::string batch_title;
  std::string organisation_name;
  std::string station_name;
  CandidateDetails details;
  ConfirmationProgress progress;
  bool photo_on_file = false;
  std::vector<MissingItem> missing;
  bool can_edit = false;                  // submitted or returned
  bool can_request_manual_review = false;
  std::optional<std::string> return_reason;  // when returned
};

// The candidate's application `registration_id`, or the latest one when not given.
// kForbidden for another candidate's; kNotFound when the candidate has none.
[[nodiscard]] Result<CandidateApplicationView> candidate_application(
    store::Database& db, const Clock& clock, const Actor& actor, int face_failures_before_manual_review,
    std::optional<store::Id> registration_id = std::nullopt);

}  // namespace rc::app
