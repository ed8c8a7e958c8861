#pragma once
// PracticalRepository: the practical assessment's records (V010, F12, R7) and the reads of the
// seat plan and staff (V008) that the examiners' work needs, joined as it needs them: a seat by
// ticket number with the candidate's name and the sitting's date, a room's examiners at a sitting,
// an examiner's practical rooms of a day (rooms themselves: ExamRoomRepository). Draws, sheets and results are
// append-only evidence (the database refuses UPDATE and DELETE); a claim is moved or released.
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>
#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/practical_records.h"

namespace rc::store {

class PracticalRepository {
 public:
  explicit PracticalRepository(Transaction& tx) : tx_(tx) {}

  [[nodiscard]] Result<std::optional<PracticalSeat>> seat_by_ticket(std::string_view ticket_no);
  [[nodiscard]] Result<std::optional<PracticalSeat>> seat_of(Id sitting_id, Id registration_id);
  [[nodiscard]] Result<std::vector<Id>> room_examiners(Id sitting_id, Id room_id);
  [[nodiscard]] Result<std::vector<ExaminerAssignment>> examiner_assignments(Id user_id, CivilDate held_on);

  [[nodiscard]] Result<std::optional<PracticalClaim>> claim_of(Id sitting_id, Id registration_id);
  // Inserts the claim, or moves an existing one that is this room's or expired at claim.claimed_at.
  // kPracticalClaimed (HTTP 409) when another room holds it unexpired (also when it lost a race).
  [[nodiscard]] Result<void> claim(const PracticalClaim& claim);
  [[nodiscard]] Result<void> release_claim(Id sitting_id, Id registration_id);

  // kConflict when this candidate already has a draw of this kind at this sitting.
  [[nodiscard]] Result<Id> insert_draw(const PracticalDraw& draw);
  [[nodiscard]] Result<PracticalDraw> find_draw(Id id);
  [[nodiscard]] Result<std::optional<PracticalDraw>> draw_for(Id sitting_id, Id registration_id, AttemptKind kind);
  [[nodiscard]] Result<std::vector<PracticalDraw>> draws_of_candidate(Id sitting_id, Id registration_id);
  [[nodiscard]] Result<std::vector<PracticalDraw>> draws_in_room(Id sitting_id, Id room_id);

  // kConflict when this examiner already scored this draw.
  [[nodiscard]] Result<Id> insert_sheet(const PracticalSheet& sheet);
  [[nodiscard]] Result<std::vector<PracticalSheet>> sheets_of(Id draw_id);

  // kConflict when the draw already has its result.
  [[nodiscard]] Result<Id> insert_result(const PracticalResult& result);
  [[nodiscard]] Result<std::optional<PracticalResult>> result_of(Id draw_id);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
