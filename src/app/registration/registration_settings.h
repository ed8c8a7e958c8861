#pragma once
// Settings of the registration use cases, filled by the Platform from the configuration.
//
// Retention (DOMAIN.md §4.2-4.3, PIPL Art. 19): an accepted portrait photo is kept 2 years by
// default (it is printed on the admission ticket and the certificate of the sitting that follows
// the registration, and answers appeals); a face template only 180 days (enough for the review
// and the sitting's entry check). purge_expired_biometrics() deletes both once past delete_after.

#include <chrono>
#include <string>

#include "face/photo_check.h"

namespace rc::app {

struct RegistrationSettings {
  // Names of the keys that encrypt (written beside each ciphertext, for key rotation).
  std::string id_number_key_id = "id-number.key";
  std::string biometric_key_id = "biometric.key";
  std::chrono::days photo_retention{730};
  std::chrono::days face_template_retention{180};
  // After this many failed face checks the candidate may ask for a manual check (never the only
  // way through: documents the face check cannot handle may ask at once).
  int face_failures_before_manual_review = 3;
  face::PhotoRules photo_rules;  // landmarks_model set by the Platform (.cache/face/models)
};

}  // namespace rc::app
