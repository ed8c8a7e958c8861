#pragma once
// Read model of one application for the station's reviewer (F5): identity data in full (the ID
// number decrypted, so the reviewer can compare it with the photo and, for a manual check, with
// the document), the photo, the contact fields, the confirmation steps and the face-check
// outcome. A view of personal data: audited (personal_data_view) with the reviewer's account.
// Thread-safe.

#include <optional>
#include <string>

#include "app/registration/actor.h"
#include "app/registration/confirmation_records.h"
#include "domain/common/clock.h"
#include "identity/personal_data_cipher.h"
#include "store/database.h"

namespace rc::app {

struct ReviewDetail {
  store::Registration registration;
  store::Batch batch;
  store::Candidate candidate;  // id_number_cipher cleared; see id_number
  std::string id_number;       // decrypted, for the reviewer only; never log it
  CandidateDetails details;
  ConfirmationProgress progress;
  std::optional<std::string> photo;  // decrypted image bytes, when on file
  std::string photo_media_type;
  bool re_registration = false;      // D15: the candidate registered before
  std::int64_t fee_due_fen = 0;      // what approval requires as paid when re_registration
};

// kForbidden unless the registration is in a batch sent to the actor's station.
[[nodiscard]] Result<ReviewDetail> review_detail(store::Database& db, const Clock& clock,
                                                 const identity::PersonalDataCipher& cipher, const Actor& actor,
                                                 store::Id registration_id);

// Whether the candidate has a registration before this one (D15).
[[nodiscard]] Result<bool> is_re_registration(store::Transaction& tx, const store::Registration& registration);

}  // namespace rc::app
