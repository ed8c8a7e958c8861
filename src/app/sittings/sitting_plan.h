#pragma once
// Read models of the station's sitting pages (F6): its rooms, its sittings with how many are
// seated, and one sitting's plan: rooms with seats used, the seat plan (names and masked ID
// numbers only, GB/T 35273 7.2), the staff per room, the accounts that can be assigned, and the
// approved candidates not seated yet with what they may sit (R12) or why not.
// Thread-safe (its own read transactions).

#include <string>
#include <vector>

#include "app/registration/actor.h"
#include "app/sittings/seat_rights.h"
#include "domain/common/clock.h"
#include "domain/policy/policy_catalog.h"
#include "store/database.h"
#include "store/seat_plan_records.h"

namespace rc::app {

struct SittingSummary {
  store::Sitting sitting;
  long long seated = 0;
};

struct RoomUse {
  store::ExamRoom room;
  int used = 0;
};

struct StaffAssignment {
  store::SittingStaff staff;
  std::string room_name;
  std::string username;
};

struct UnseatedCandidate {
  store::Id registration_id = 0;
  std::string name;
  std::string id_number_masked;
  SeatSubjects subjects;  // any() false: reason says why not
};

struct SittingPlan {
  store::Sitting sitting;
  std::vector<RoomUse> rooms;
  std::vector<store::SeatPlanRow> seats;
  std::vector<StaffAssignment> staff;
  std::vector<store::StaffMember> members;
  std::vector<UnseatedCandidate> unseated;
};

// kForbidden for anyone but a station user.
[[nodiscard]] Result<std::vector<store::ExamRoom>> station_rooms(store::Database& db, const Actor& actor);
// The station's sittings from a year ago on, by date.
[[nodiscard]] Result<std::vector<SittingSummary>> station_sittings(store::Database& db, const Clock& clock,
                                                                   const Actor& actor);
// kForbidden: another station's sitting; kNotFound: none.
[[nodiscard]] Result<SittingPlan> sitting_plan(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                               const Actor& actor, store::Id sitting_id);

}  // namespace rc::app
