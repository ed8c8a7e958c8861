#pragma once
// SittingStaffRepository: proctors (监考员) and examiners (考评员) assigned to rooms of a sitting
// (F6). Whether a user may be assigned (role, station) is the application's decision.
//
// Thread safety: as its Transaction (one thread at a time).

#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/seat_plan_records.h"

namespace rc::store {

class SittingStaffRepository {
 public:
  explicit SittingStaffRepository(Transaction& tx) : tx_(tx) {}

  // kConflict when the user is already assigned to that room of the sitting.
  [[nodiscard]] Result<void> insert(const SittingStaff& staff);
  // kNotFound when there was no such assignment.
  [[nodiscard]] Result<void> remove(Id sitting_id, Id room_id, Id user_id);
  [[nodiscard]] Result<std::vector<SittingStaff>> list_by_sitting(Id sitting_id);
  // A user's assignments, by sitting (what a proctor's check-in page shows).
  [[nodiscard]] Result<std::vector<SittingStaff>> list_by_user(Id user_id);
  // The station's enabled proctor and examiner accounts, by role and name.
  [[nodiscard]] Result<std::vector<StaffMember>> station_members(Id station_id);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
