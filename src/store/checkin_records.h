#pragma once
// Records of the check-in at the exam room door and the room's incidents (V008: exam_checkins,
// exam_incidents; R6, D11), and the read views the proctor's pages need (the proctor's rooms, a
// seat with its candidate and check-in). Conventions as records.h.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "store/records.h"

namespace rc::store {

enum class CheckinOutcome { kAdmitted, kAbsent };
inline constexpr std::array<std::string_view, 2> kCheckinOutcomeText{"admitted", "absent"};
constexpr std::span<const std::string_view> enum_texts(CheckinOutcome) { return kCheckinOutcomeText; }

// How the identity was checked: the face verifier, or the proctor's eye on the ID document.
enum class CheckinMethod { kFace, kManual };
inline constexpr std::array<std::string_view, 2> kCheckinMethodText{"face", "manual"};
constexpr std::span<const std::string_view> enum_texts(CheckinMethod) { return kCheckinMethodText; }

enum class IncidentKind { kIdentity, kLate, kCheating, kDevice, kHealth, kDisruption, kOther };
inline constexpr std::array<std::string_view, 7> kIncidentKindText{"identity", "late",       "cheating", "device",
                                                                   "health",   "disruption", "other"};
constexpr std::span<const std::string_view> enum_texts(IncidentKind) { return kIncidentKindText; }

// One row of exam_checkins: never changed once written.
struct ExamCheckin {
  Id id = 0;
  Id sitting_id = 0;
  Id registration_id = 0;
  Subject subject = Subject::kTheory;
  CheckinOutcome outcome = CheckinOutcome::kAdmitted;
  std::optional<CheckinMethod> method;     // REQUIRED when admitted
  std::optional<int> face_distance_milli;  // the verifier's distance x 1000 (method face)
  std::string note;                        // REQUIRED (non-empty) for method manual
  Timestamp recorded_at{};
  std::optional<Id> recorded_by;  // none: the system's absence sweep
  friend bool operator==(const ExamCheckin&, const ExamCheckin&) = default;
};

struct ExamIncident {
  Id id = 0;
  Id sitting_id = 0;
  std::optional<Id> room_id;
  std::optional<Id> registration_id;
  IncidentKind kind = IncidentKind::kOther;
  std::string description;  // 1-2000 characters
  Timestamp recorded_at{};
  std::optional<Id> recorded_by;
  friend bool operator==(const ExamIncident&, const ExamIncident&) = default;
};

// A room of a sitting that a proctor is assigned to (sitting_staff, duty proctor).
struct ProctorRoom {
  Id sitting_id = 0;
  Id room_id = 0;
  std::string room_name;
  CivilDate held_on;
  std::optional<Timestamp> theory_starts_at;
  SittingStatus sitting_status = SittingStatus::kPlanned;
  std::int64_t seated = 0;  // candidates seated in the room
};

// A seat of the seat plan with its candidate and theory check-in, as the door sees it.
struct DoorSeat {
  Id seat_id = 0;
  Id sitting_id = 0;
  Id room_id = 0;
  int seat_no = 0;
  Id registration_id = 0;
  Id candidate_id = 0;
  std::string ticket_no;
  std::optional<AttemptKind> theory_kind;  // none: not taking the theory at this sitting
  std::string name;
  std::string id_number_masked;
  std::string policy_id;
  std::optional<CheckinOutcome> theory_outcome;  // none: not checked in yet
  std::optional<CheckinMethod> theory_method;
  std::optional<Timestamp> checked_at;
};

// A seated theory candidate without a check-in after the session started (the D11 sweep).
struct UncheckedSeat {
  Id sitting_id = 0;
  Id registration_id = 0;
  AttemptKind theory_kind = AttemptKind::kFirst;
  std::string policy_id;
  Timestamp theory_starts_at{};
};

}  // namespace rc::store
