#pragma once
// Use case: the proctor admits a candidate into the theory exam room (R6, F10). Two ways:
//   face    the webcam snapshot matched the candidate's enrolled template (admit_by_face.h);
//   manual  the fallback (face recognition is never the only way, DOMAIN.md §4.2): the proctor
//           checked the ID document against the ticket photo by eye and writes why (a note is
//           required, kReasonRequired; the schema requires it too).
// Writes the exam_checkins row (outcome admitted, method, face distance) and the audit event;
// starting the exam requires it (start_exam_attempt.h, kNotCheckedIn).
// Refusals: kForbidden (not a proctor of this room), kTicketInvalid (no such ticket, or another
// sitting or room), kConflict (already admitted), kCheckInLate (D11: the door closed at the
// theory start + the policy's late minutes; the candidate is then recorded absent and that
// record is committed although the admission is refused; an absence already recorded answers
// the same).
// Thread-safe (its own transaction).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "store/checkin_records.h"
#include "store/database.h"

namespace rc::app {

inline constexpr std::size_t kCheckinNoteMaxChars = 500;

struct Admission {
  store::ExamCheckin checkin;
  store::DoorSeat seat;
};

[[nodiscard]] Result<Admission> admit_manually(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                               const Actor& actor, store::Id sitting_id, store::Id room_id,
                                               std::string_view ticket_no, std::string_view note);

// What admit_by_face and admit_manually share: the door's checks and the write, at `at`.
struct DoorAdmit {
  store::Id sitting_id = 0;
  store::Id room_id = 0;
  std::string ticket_no;
  store::CheckinMethod method = store::CheckinMethod::kManual;
  std::optional<int> face_distance_milli;
  std::string note;
};
[[nodiscard]] Result<Admission> admit_at_door(store::Database& db, const PolicyCatalog& policies, const Actor& actor,
                                              const DoorAdmit& request, std::chrono::system_clock::time_point at);

// Records the absence of a late arrival (D11) and returns its refusal (kCheckInLate); never admits
// (the face check's path when the door closed before matching).
[[nodiscard]] Error refuse_late_arrival(store::Database& db, const PolicyCatalog& policies, const Actor& actor,
                                        store::Id sitting_id, store::Id room_id, std::string_view ticket_no,
                                        std::chrono::system_clock::time_point now);

// The checks before an admission, without writing (the face check runs them before matching): the
// seat, or the refusal admit_at_door would give. A late arrival is refused here too, but recorded
// absent only by admit_at_door or the look-up.
[[nodiscard]] Result<store::DoorSeat> admissible_seat(store::Transaction& tx, const PolicyCatalog& policies,
                                                      const Actor& actor, store::Id sitting_id, store::Id room_id,
                                                      std::string_view ticket_no, store::Timestamp at);

}  // namespace rc::app
