#pragma once
// Records of the practical assessment (V010, F12, R7): the draw per candidate attempt, the
// examining group's claim, each examiner's score sheet and the combined result. Plain values.

#include <cstdint>
#include <optional>
#include <string>

#include "domain/common/civil_date.h"
#include "store/records.h"

namespace rc::store {

// A seat of the plan as the examiner's scan finds it (sitting_seats, V008).
struct PracticalSeat {
  Id sitting_id = 0;
  Id registration_id = 0;
  Id room_id = 0;
  std::optional<AttemptKind> practical_kind;  // NULL: not sitting the practical here
  std::string ticket_no;
  std::string candidate_name;  // for the examiner's masked display
  CivilDate held_on;
  Id station_id = 0;
};

// A practical room an examiner is assigned to at a sitting (sitting_staff, duty 'examiner').
struct ExaminerAssignment {
  Id sitting_id = 0;
  CivilDate held_on;
  std::optional<Timestamp> practical_starts_at;
  Id room_id = 0;
  std::string room_name;
};

struct PracticalClaim {
  Id sitting_id = 0;
  Id registration_id = 0;
  Id room_id = 0;
  Id claimed_by = 0;
  Timestamp claimed_at{};
  Timestamp expires_at{};
};

struct PracticalDraw {
  Id id = 0;
  Id sitting_id = 0;
  Id registration_id = 0;
  AttemptKind attempt_kind = AttemptKind::kFirst;
  Id room_id = 0;
  std::string scheme_id;
  std::string seed;        // decimal u64
  std::string items_json;  // practical::draw_to_json
  Timestamp drawn_at{};
  Id drawn_by = 0;
};

struct PracticalSheet {
  Id id = 0;
  Id draw_id = 0;
  Id examiner_id = 0;
  Id room_id = 0;
  std::string sheet_json;  // practical::sheet_to_json
  Timestamp submitted_at{};
};

struct PracticalResult {
  Id id = 0;
  Id draw_id = 0;
  std::string method;  // "median" | "mean"
  int examiner_count = 0;
  std::int64_t total_num = 0;
  std::int64_t total_den = 1;
  int display_tenths = 0;
  bool passed = false;
  bool vetoed = false;
  std::string detail_json;
  Id attempt_id = 0;
  Timestamp decided_at{};
};

}  // namespace rc::store
