#pragma once
// Use case: the candidate's face check (R4, F4): a live capture from the browser is compared
// 1:1 with the template enrolled from the accepted photo. The capture is never stored (DOMAIN.md
// §4.3): only the result (method, distance, same person) is recorded, and audited. A capture the
// verifier cannot use (no face, bad image) counts as a failed attempt. After
// settings.face_failures_before_manual_review failures the candidate may ask for a manual check
// (request_manual_review.h): face recognition is never the only way through.
// Thread-safe if the FaceVerifier is; matching runs outside any transaction.

#include <string>
#include <string_view>

#include "app/registration/actor.h"
#include "app/registration/registration_settings.h"
#include "domain/common/clock.h"
#include "face/face_verifier.h"
#include "identity/personal_data_cipher.h"
#include "store/database.h"

namespace rc::app {

struct FaceCheckOutcome {
  bool same_person = false;
  double distance = 0;
  std::string method;
  std::string message;  // Chinese, for the page
  int failures = 0;     // failed attempts so far
  bool manual_review_available = false;
};

// A mismatch is a value (same_person = false). Errors: kForbidden, kWrongState (application not
// open, or no photo yet), kKeyFailure (stored template unreadable).
[[nodiscard]] Result<FaceCheckOutcome> verify_face(store::Database& db, const Clock& clock,
                                                   const identity::PersonalDataCipher& cipher,
                                                   face::FaceVerifier& verifier, const RegistrationSettings& settings,
                                                   const Actor& actor, store::Id registration_id,
                                                   std::string_view live_capture);

}  // namespace rc::app
