#pragma once
// Records of results, appeals and retake placements (issue 6: F13, F15; R8, R12, D13, D15, D17).

#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <string>

#include "store/records.h"

namespace rc::store {

// One subject's attempt as a results page shows it: the attempt, its sitting and publication,
// the candidate (masked identity only) and the organisation that registered them.
struct ResultRow {
  Attempt attempt;  // held_on filled
  Id station_id = 0;
  std::string station_name;
  Id candidate_id = 0;
  std::string candidate_name;
  std::string id_number_masked;
  Id organisation_id = 0;
  std::string organisation_name;
  std::optional<CivilDate> publish_on;  // the recorded publication of the sitting, if any
};

// A station's sitting with how far its results are: attempts recorded, still pending.
struct SittingResultSummary {
  Sitting sitting;
  int attempts = 0;
  int pending = 0;
  std::optional<CivilDate> publish_on;
};

}  // namespace rc::store

namespace rc::store {

enum class AppealStatus { kPending, kUpheld, kCorrected };
inline constexpr std::array<std::string_view, 3> kAppealStatusText{"pending", "upheld", "corrected"};
constexpr std::span<const std::string_view> enum_texts(AppealStatus) { return kAppealStatusText; }

struct Appeal {  // 成绩复核 (D13): one per attempt
  Id id = 0;
  Id attempt_id = 0;
  Id registration_id = 0;
  std::string reason;
  AppealStatus status = AppealStatus::kPending;
  Timestamp requested_at{};
  std::optional<Id> requested_by;
  std::optional<std::string> decision_reason;
  std::optional<Timestamp> decided_at;
  std::optional<Id> decided_by;
};

struct ScoreCorrection {  // append-only: the before and after of a corrected attempt
  Id id = 0;
  Id attempt_id = 0;
  std::optional<Id> appeal_id;
  Outcome old_outcome = Outcome::kPending;
  std::optional<std::int32_t> old_score_milli;
  Outcome new_outcome = Outcome::kFail;
  std::int32_t new_score_milli = 0;
  std::string reason;
  Timestamp recorded_at{};
  std::optional<Id> recorded_by;
};

struct RetakePlacement {  // F15: a right used on a later sitting, free (D15)
  Id id = 0;
  Id registration_id = 0;
  Id sitting_id = 0;
  Subject subject = Subject::kTheory;
  AttemptKind kind = AttemptKind::kRetake;  // kRetake or kMakeup
  std::string rule;                         // the rule that gave the right (R12a, R12c, R12e, D7)
  CivilDate deadline;
  std::int64_t fee_fen = 0;
  Timestamp placed_at{};
  std::optional<Id> placed_by;
};

}  // namespace rc::store
