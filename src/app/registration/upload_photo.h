#pragma once
// Use case: the candidate uploads a portrait photo (R4, F4). The photo is checked
// (face::check_photo: one frontal face, size, exposure, sharpness, plain background); a refusal
// returns every reason, in Chinese, and stores nothing. An accepted photo is stored encrypted
// (biometric key) in candidate_photos, apart from identity data, with delete_after = now +
// settings.photo_retention; a face template is enrolled from it and stored encrypted in
// face_templates (delete_after = now + settings.face_template_retention). A new photo needs a
// new face check. Audited.
// Thread-safe if the FaceVerifier is (DlibFaceVerifier is). The slow work (check, enrolment)
// runs outside any transaction.

#include <string>
#include <string_view>
#include <vector>

#include "app/registration/actor.h"
#include "app/registration/registration_settings.h"
#include "domain/common/clock.h"
#include "face/face_verifier.h"
#include "face/photo_check.h"
#include "identity/personal_data_cipher.h"
#include "store/database.h"

namespace rc::app {

struct PhotoOutcome {
  bool accepted = false;
  std::vector<face::PhotoIssue> issues;  // why it was refused (empty when accepted)
};

// `verifier` may be null (no face models installed): the photo is still checked and stored, no
// face template is enrolled, and the candidate goes the manual way for the face step.
// Refusals of the photo itself come back as a value (accepted = false, issues). Errors:
// kForbidden, kWrongState (application not open), storage failures.
[[nodiscard]] Result<PhotoOutcome> upload_photo(store::Database& db, const Clock& clock,
                                                const identity::PersonalDataCipher& cipher,
                                                face::FaceVerifier* verifier, const RegistrationSettings& settings,
                                                const Actor& actor, store::Id registration_id,
                                                std::string_view photo_bytes);

}  // namespace rc::app
