#pragma once
// CheckinRepository: the check-in at the exam room door (R6, D11). A check-in row is evidence:
// written once per candidate, sitting and subject and never changed (the database refuses UPDATE
// and DELETE). Also the door's reads of the seat plan: which rooms a proctor is assigned to, a seat
// by its admission ticket number, a room's seats with their check-ins, and the seated theory
// candidates still unchecked after the session started (the absence sweep).
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>
#include <string_view>
#include <vector>

#include "domain/common/result.h"
#include "store/checkin_records.h"
#include "store/database.h"

namespace rc::store {

class CheckinRepository {
 public:
  explicit CheckinRepository(Transaction& tx) : tx_(tx) {}

  // The new id. kConflict when this candidate already has a check-in for the sitting and subject,
  // or a reference is missing; kInvalidValue when admitted without a method or manual without a
  // note (the schema's checks; the use cases check first).
  [[nodiscard]] Result<Id> record(const ExamCheckin& checkin);
  // Admits, in one statement, every candidate with a paper for the sitting and no theory check-in
  // yet (method manual with `note`, which must not be empty): for set-ups that seat thousands (the
  // benchmark's exam day). The number admitted.
  [[nodiscard]] Result<std::int64_t> admit_all_with_papers(Id sitting_id, std::string_view note, Timestamp at,
                                                           std::optional<Id> recorded_by);
  [[nodiscard]] Result<std::optional<ExamCheckin>> find(Id sitting_id, Id registration_id, Subject subject);

  // Whether the room is one of the sitting's rooms (sitting_rooms).
  [[nodiscard]] Result<bool> room_in_sitting(Id sitting_id, Id room_id);
  // The rooms a proctor is assigned to at sittings held between two dates (inclusive).
  [[nodiscard]] Result<std::vector<ProctorRoom>> proctor_rooms(Id user_id, CivilDate from, CivilDate to);
  // The room when the user is a proctor of it at this sitting (sitting_staff); nullopt otherwise.
  [[nodiscard]] Result<std::optional<ProctorRoom>> proctor_room(Id user_id, Id sitting_id, Id room_id);

  [[nodiscard]] Result<std::optional<DoorSeat>> seat_by_ticket(std::string_view ticket_no);
  // In seat order.
  [[nodiscard]] Result<std::vector<DoorSeat>> seats_of_room(Id sitting_id, Id room_id);

  // Seated theory candidates without a theory check-in whose session started at or before `now`; of
  // one sitting, or of every sitting when sitting_id is nullopt.
  [[nodiscard]] Result<std::vector<UncheckedSeat>> unchecked_seats(Timestamp now, std::optional<Id> sitting_id);

 private:
  Transaction& tx_;
};

class IncidentRepository {
 public:
  explicit IncidentRepository(Transaction& tx) : tx_(tx) {}

  // The new id; kInvalidValue for an empty or over-long description, kConflict for a missing
  // reference.
  [[nodiscard]] Result<Id> record(const ExamIncident& incident);
  // Oldest first.
  [[nodiscard]] Result<std::vector<ExamIncident>> list_of_room(Id sitting_id, Id room_id);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
