#pragma once
// SeatPlanRepository: the seat plan of sittings (F6): one seat per registration per sitting, in
// one of the sitting's rooms, with what the candidate sits (新考/补考 per subject) and the
// admission ticket number (F7). Uniqueness of seat, ticket and (sitting, registration) is the
// schema's: a second insert is kConflict. Whether a registration may be seated at all is the
// application's decision (app/exam: approved, and a right to the subject, R12).
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>
#include <string_view>
#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/seat_plan_records.h"

namespace rc::store {

class SeatPlanRepository {
 public:
  explicit SeatPlanRepository(Transaction& tx) : tx_(tx) {}

  // The new id; kConflict when the seat, the ticket number or the registration's place in this
  // sitting is taken; kInvalidValue when neither subject is set.
  [[nodiscard]] Result<Id> insert(const SittingSeat& seat);
  [[nodiscard]] Result<SittingSeat> find(Id id);
  // By room name, then seat number.
  [[nodiscard]] Result<std::vector<SittingSeat>> list_by_sitting(Id sitting_id);
  [[nodiscard]] Result<std::optional<SittingSeat>> find_by_ticket(std::string_view ticket_no);
  [[nodiscard]] Result<std::optional<SittingSeat>> find_for(Id sitting_id, Id registration_id);
  // A registration's seats, latest sitting first.
  [[nodiscard]] Result<std::vector<SittingSeat>> list_by_registration(Id registration_id);
  [[nodiscard]] Result<long long> count_in_sitting(Id sitting_id);
  // The seat plan table: seats with room name, candidate name and masked ID number.
  [[nodiscard]] Result<std::vector<SeatPlanRow>> plan_rows(Id sitting_id);
  // Approved registrations of `level` in batches sent to the station, not seated at the sitting.
  [[nodiscard]] Result<std::vector<Id>> unseated_approved(Id station_id, int level, Id sitting_id);
  // Moves a seat to another room and seat number; kConflict when that seat is taken, kNotFound
  // when there is no such seat.
  [[nodiscard]] Result<void> move(Id seat_id, Id room_id, int seat_no);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
