#pragma once
// ExamRoomRepository: a station's exam rooms (考场) and the rooms each sitting uses (F6). A
// sitting's capacity is the sum of its rooms' seats, kept in sittings.capacity by add_to_sitting.
//
// Thread safety: as its Transaction (one thread at a time).

#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/seat_plan_records.h"

namespace rc::store {

class ExamRoomRepository {
 public:
  explicit ExamRoomRepository(Transaction& tx) : tx_(tx) {}

  // The new id; kConflict for a name the station already uses or an unknown station;
  // kInvalidValue for a name or seat count outside the schema's bounds.
  [[nodiscard]] Result<Id> insert(const ExamRoom& room);
  [[nodiscard]] Result<ExamRoom> find(Id id);
  // By name.
  [[nodiscard]] Result<std::vector<ExamRoom>> list_by_station(Id station_id);

  // Adds a room to a sitting and sets the sitting's capacity to the sum of its rooms' seats.
  // kConflict when the room is already in the sitting (or either is unknown).
  [[nodiscard]] Result<void> add_to_sitting(Id sitting_id, Id room_id);
  // The sitting's rooms, by name.
  [[nodiscard]] Result<std::vector<ExamRoom>> rooms_of_sitting(Id sitting_id);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
