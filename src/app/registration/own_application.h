#pragma once
// A candidate's own application, and what the system requires before the candidate may agree
// (R4, F4). Shared by the confirmation steps and the candidate's read model.
//
// Required (each a MissingItem.field when absent):
//   photo            an accepted portrait photo on file (upload_photo.h)
//   id_confirmed     the candidate confirmed name, ID number, sex and birth date are right
//   face_check       a face match, or a manual check asked for (request_manual_review.h)
//   address          通讯地址
//   emergency_contact_name, emergency_contact_phone   紧急联系人 and 电话
//   health_declared  身体健康声明 (R2)
// Optional: 工作单位 (employer). The phone number is not asked again: it was proven at activation.
// Runs inside the caller's transaction.

#include <string>
#include <vector>

#include "app/registration/actor.h"
#include "app/registration/confirmation_records.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

struct OwnApplication {
  store::Registration registration;
  store::Candidate candidate;
};

// kForbidden unless the registration is the acting candidate's.
[[nodiscard]] Result<OwnApplication> own_application(store::Transaction& tx, const Actor& actor, store::Id registration_id);
// The same, and the application must be open to the candidate: submitted (the batch went to
// the station) or returned (to correct); kWrongState otherwise.
[[nodiscard]] Result<OwnApplication> confirmable_application(store::Transaction& tx, const Actor& actor,
                                                             store::Id registration_id);

struct MissingItem {
  std::string field;  // stable: "photo", "address", ...
  std::string label;  // Chinese, for the page
};

std::vector<MissingItem> missing_items(const store::Candidate& candidate, const CandidateDetails& details,
                                       const ConfirmationProgress& progress, bool photo_on_file);

// "报名已提交，等待本人确认" ... for a status.
std::string_view registration_status_label(store::RegistrationStatus status);

}  // namespace rc::app
