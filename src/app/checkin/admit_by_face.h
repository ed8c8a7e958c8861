#pragma once
// Use case: the proctor admits a candidate by face (R6, F10): the webcam snapshot taken on the
// proctor's page is compared 1:1 with the template enrolled from the candidate's registration photo
// (face::FaceVerifier, spec FACE.md). A match admits (method face, with the distance); a mismatch
// or an unusable snapshot is a value (admitted = false) and the proctor turns to the manual check
// (admit_candidate.h). The snapshot is never stored (DOMAIN.md §4.3); every comparison is audited
// with its result. The door's checks (proctor of the room, ticket of the room, not yet admitted,
// D11 not late) run before the comparison and again when admitting. Errors as admit_candidate.h,
// and kWrongState when no face template is enrolled. Thread-safe if the FaceVerifier is; matching
// runs outside any transaction.

#include <optional>
#include <string>
#include <string_view>

#include "app/checkin/admit_candidate.h"
#include "face/face_verifier.h"
#include "identity/personal_data_cipher.h"

namespace rc::app {

struct FaceAtDoor {
  bool admitted = false;
  double distance = 0;
  std::string method;   // the verifier's, e.g. "dlib-resnet-v1@0.60"
  std::string message;  // Chinese, for the page
  store::DoorSeat seat;
  std::optional<store::ExamCheckin> checkin;  // when admitted
};

[[nodiscard]] Result<FaceAtDoor> admit_by_face(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                               const identity::PersonalDataCipher& cipher, face::FaceVerifier& verifier,
                                               const Actor& actor, store::Id sitting_id, store::Id room_id,
                                               std::string_view ticket_no, std::string_view live_capture);

}  // namespace rc::app
