#pragma once
// An examiner opens a candidate's practical assessment at a practical room (F12, R7): the
// candidate's admission ticket number (typed, or read from the ticket's QR code by the web
// layer) finds the seat; the room's examining group claims the candidate (another group cannot
// score them at the same time: kPracticalClaimed, HTTP 409, until the claim expires after the
// scheme's claim_minutes); and on the first opening the 抽考 items are drawn from a seed of the
// platform's random source, recorded with the time (append-only, reproducible for audit), so
// the draw is shown to examiner and candidate before the item starts.
//
// Refusals: kForbidden (not an examiner of this room at this sitting), kTicketInvalid (no such
// ticket, or a ticket of another sitting), kWrongState (not sitting the practical here, not
// today, or the assessment is already finished), kPracticalExaminers (the group is not an odd
// number of at least 3 by default), kPracticalClaimed. Each change is audited.
// Thread-safe (its own transaction).

#include <chrono>
#include <string_view>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/common/random.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "practical/assessment_scheme.h"
#include "store/database.h"

namespace rc::app {

struct OpenedPractical {
  store::Id draw_id = 0;
  bool drawn_now = false;
};

[[nodiscard]] Result<OpenedPractical> open_practical(store::Database& db, const Clock& clock, RandomSource& random,
                                                     const PolicyCatalog& policies, const Actor& actor,
                                                     store::Id sitting_id, store::Id room_id, std::string_view ticket_no);

// Records a new draw for (seat, kind) and audits it; shared with the on-site retake.
// REQUIRES: inside a transaction; the actor was checked.
[[nodiscard]] Result<store::Id> record_draw(store::Transaction& tx, RandomSource& random, const Actor& actor,
                                            const practical::AssessmentScheme& scheme, store::Id sitting_id,
                                            store::Id registration_id, store::AttemptKind kind, store::Id room_id,
                                            store::Timestamp at);

// The group's claim on the candidate, taken or renewed for the scheme's claim_minutes.
[[nodiscard]] Result<void> claim_candidate(store::Transaction& tx, const Actor& actor,
                                           const practical::AssessmentScheme& scheme, store::Id sitting_id,
                                           store::Id registration_id, store::Id room_id, store::Timestamp at);

}  // namespace rc::app
