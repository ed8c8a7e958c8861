#pragma once
// Records of a sitting's rooms, seat plan and staff (migrations/V008__sittings_checkin.*.sql,
// F6/F7), one struct per row. The conventions are records.h's: Id, Timestamp (ms since the
// epoch, UTC), enums as lower-case text.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "store/records.h"

namespace rc::store {

enum class RoomKind { kTheory, kPractical };
inline constexpr std::array<std::string_view, 2> kRoomKindText{"theory", "practical"};
constexpr std::span<const std::string_view> enum_texts(RoomKind) { return kRoomKindText; }

enum class StaffDuty { kProctor, kExaminer };
inline constexpr std::array<std::string_view, 2> kStaffDutyText{"proctor", "examiner"};
constexpr std::span<const std::string_view> enum_texts(StaffDuty) { return kStaffDutyText; }

struct ExamRoom {  // 考场 of a station
  Id id = 0;
  Id station_id = 0;
  std::string name;  // 1-64 characters, unique per station
  int seats = 0;     // 1-500
  RoomKind kind = RoomKind::kTheory;
  Timestamp created_at{};
  friend bool operator==(const ExamRoom&, const ExamRoom&) = default;
};

// One candidate's seat at a sitting, what they sit there (新考/补考 per subject; none = not
// taking that subject at this sitting; at least one) and the admission ticket number.
struct SittingSeat {
  Id id = 0;
  Id sitting_id = 0;
  Id registration_id = 0;
  Id room_id = 0;
  int seat_no = 0;  // 1-500
  std::optional<AttemptKind> theory_kind;     // first, retake or makeup
  std::optional<AttemptKind> practical_kind;  // first, retake or makeup
  std::string ticket_no;                      // unique, 6-32 characters
  Timestamp assigned_at{};
  std::optional<Id> assigned_by;
  friend bool operator==(const SittingSeat&, const SittingSeat&) = default;
};

struct SittingStaff {  // a proctor (监考员) or examiner (考评员) in one room of a sitting
  Id sitting_id = 0;
  Id room_id = 0;
  Id user_id = 0;
  StaffDuty duty = StaffDuty::kProctor;
  Timestamp assigned_at{};
  friend bool operator==(const SittingStaff&, const SittingStaff&) = default;
};

// A seat with who sits there, for the seat plan table (names and masked ID numbers only).
struct SeatPlanRow {
  SittingSeat seat;
  std::string room_name;
  Id candidate_id = 0;
  std::string candidate_name;
  std::string id_number_masked;
};

// An account of the station that can be assigned to a room (role proctor or examiner).
struct StaffMember {
  Id user_id = 0;
  std::string username;
  Role role = Role::kProctor;
  friend bool operator==(const StaffMember&, const StaffMember&) = default;
};

}  // namespace rc::store
