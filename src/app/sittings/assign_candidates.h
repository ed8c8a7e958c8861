#pragma once
// Use case: the seat plan (F6). A station seats approved candidates of its own batches at a sitting
// of their level: automatic fill, room by room (by name) and seat by seat, into the free seats;
// each seat records what is sat there (新考/补考 per subject, from seat_rights.h: never a subject
// the candidate has no right to, R12) and gets an admission ticket number (F7): the sitting, the
// room's place and the seat, plus four random digits, so a number cannot be guessed from the plan.
// All or nothing: one refusal seats nobody. Each seat is audited ("seat.assign").
//
// Theory papers: after the seats are committed, the theory candidates' sealed papers are made
// with prepare_exam_papers (F9), so the exam's start costs no assembly work. A bank that cannot
// fill the blueprint does not undo the seats: the report says so and the station can retry.
// Thread-safe (its own transactions; the random source must be thread-safe, as SecureRandom is).

#include <optional>
#include <string>
#include <vector>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/common/random.h"
#include "domain/policy/policy_catalog.h"
#include "store/database.h"
#include "store/seat_plan_records.h"

namespace rc::app {

struct SeatAssignment {
  store::SittingSeat seat;
  std::string room_name;
};

struct SeatAssignmentReport {
  std::vector<SeatAssignment> seated;  // in the order asked
  int papers_created = 0;
  std::string papers_problem;  // Chinese, when the papers could not be made (seats are kept)
};

// kForbidden: not a station user, another station's sitting, or a registration not sent to it;
// kWrongState: the sitting is no longer planned/open, or a registration is not approved;
// kInvalidValue: a registration of another level; kConflict: already seated at this sitting;
// kNoRightForSitting (R12): nothing the candidate may sit here (the message says why);
// kSittingFull: fewer free seats than candidates. An empty list is kInvalidValue.
[[nodiscard]] Result<SeatAssignmentReport> assign_candidates(store::Database& db, const Clock& clock,
                                                             const PolicyCatalog& policies, RandomSource& random,
                                                             const Actor& actor, store::Id sitting_id,
                                                             const std::vector<store::Id>& registration_ids);

// The ticket number of a seat: 6 digits of the sitting, 2 of the room's place in it, 3 of the
// seat, then `salt` (4 digits). REQUIRES: salt < 10000.
std::string make_ticket_number(store::Id sitting_id, int room_place, int seat_no, unsigned salt);

}  // namespace rc::app
