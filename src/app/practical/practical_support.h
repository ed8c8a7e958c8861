#pragma once
// What the practical use cases (F12, R7) share: the shipped assessment schemes, the scheme a
// registration is examined under (its policy's exam version, D18, in its station's region), the
// examiner's right to act in a room (role examiner and assigned to the room at the sitting,
// sitting_staff duty 'examiner'), and a stored draw read back with its scheme.
// Runs inside the caller's transaction; thread-safe as it.

#include <vector>

#include "app/registration/actor.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "practical/draw.h"
#include "practical/scheme_catalog.h"
#include "store/database.h"
#include "store/practical_records.h"
#include "store/seat_plan_records.h"

namespace rc::app {

// The embedded schemes, parsed once. kBadScoringScheme if a shipped file is broken (a build defect).
[[nodiscard]] Result<const practical::SchemeCatalog*> shipped_schemes();

// The scheme of a registration: its policy's practical exam version in its station's region,
// checked against the policy's formula (R7). kNotFound / kBadScoringScheme.
[[nodiscard]] Result<const practical::AssessmentScheme*> scheme_for(store::Transaction& tx, const PolicyCatalog& policies,
                                                                   store::Id registration_id, store::Id station_id);

// A practical room at a sitting and its examiners (the examining group).
struct RoomGroup {
  store::ExamRoom room;
  std::vector<store::Id> examiners;
};

// kForbidden unless the actor is an examiner assigned to this practical room at this sitting;
// returns the room as read for the check (callers need not read it again) and its examiners.
[[nodiscard]] Result<RoomGroup> require_room_examiner(store::Transaction& tx, const Actor& actor, store::Id sitting_id,
                                                      store::Id room_id);

struct LoadedDraw {
  store::PracticalDraw row;
  const practical::AssessmentScheme* scheme = nullptr;
  practical::Draw draw;
};

[[nodiscard]] Result<LoadedDraw> load_draw(store::Transaction& tx, store::Id draw_id);

}  // namespace rc::app

namespace rc::app {

// R12b: the draw's attempt failed today, it was a first attempt or a make-up (D7), no on-site
// retake is recorded yet, and the rules engine on the stored history agrees
// (practical status onsite_retake_available). kWrongState / kNoRightForSitting otherwise.
[[nodiscard]] Result<void> require_onsite_retake_right(store::Transaction& tx, const PolicyCatalog& policies,
                                                       const store::PracticalDraw& draw, CivilDate today);

}  // namespace rc::app
