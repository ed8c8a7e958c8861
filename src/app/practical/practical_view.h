#pragma once
// What the examiner pages show (F12, R7), read in one read-only transaction each:
//  - examiner_assignments_today: the practical rooms the examiner is assigned to at today's sittings;
//  - examiner_room_view: one room at a sitting — its examining group and the candidates drawn
//    there, with how many sheets are in and the combined total once written;
//  - practical_draw_view: one candidate's assessment — the draw (items, picks, seed and time),
//    the checklist lines to score, the group's progress, this examiner's own sheet, and the
//    combined result with divergence flags and counted vetoes, plus whether an on-site retake
//    (R12b) may be started or declined now.
// Examiners of the room only (kForbidden). Names are masked (DOMAIN.md §4). Thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "app/practical/practical_support.h"
#include "domain/common/clock.h"
#include "practical/score_sheet.h"
#include "store/practical_records.h"
#include "store/seat_plan_records.h"

namespace rc::app {

[[nodiscard]] Result<std::vector<store::ExaminerAssignment>> examiner_assignments_today(store::Database& db,
                                                                                       const Clock& clock,
                                                                                       const Actor& actor);

struct RoomCandidate {
  store::PracticalDraw draw;
  std::string masked_name;
  std::string ticket_no;
  int sheets = 0;
  std::optional<store::PracticalResult> result;
};

struct RoomView {
  store::ExamRoom room;
  store::Id sitting_id = 0;
  CivilDate held_on;
  int examiners = 0;
  std::vector<RoomCandidate> candidates;  // newest first
};

[[nodiscard]] Result<RoomView> examiner_room_view(store::Database& db, const Actor& actor, store::Id sitting_id,
                                                  store::Id room_id);

struct DrawView {
  LoadedDraw loaded;
  store::ExamRoom room;
  std::string masked_name;
  std::string ticket_no;
  int examiners = 0;
  std::vector<store::PracticalSheet> sheets;
  std::optional<practical::ScoreSheet> mine;
  std::optional<store::PracticalResult> result;
  std::optional<practical::CombinedResult> combined;  // recomputed from the stored sheets, for the detail
  bool onsite_retake_allowed = false;
  std::optional<store::Id> onsite_retake_draw;  // started
  bool onsite_retake_declined = false;
};

[[nodiscard]] Result<DrawView> practical_draw_view(store::Database& db, const Clock& clock,
                                                   const PolicyCatalog& policies, const Actor& actor,
                                                   store::Id draw_id);

}  // namespace rc::app
