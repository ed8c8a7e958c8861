#pragma once
// Appeals of a subject's score (成绩复核, F13, D13).
//
// A candidate asks for a review of one of their published scores within the appeal window: from
// publication day (R8, D17) for kAppealWindowDays calendar days (DOMAIN.md §5 proposes 10 working
// days from publication; 14 calendar days covers them; the policy files carry no appeal window yet).
// After it: kAppealWindowClosed; before publication: kResultNotPublished; a second appeal of the
// same score: kAppealExists.
//
// The station of the sitting records the outcome: upheld (the score stands) or corrected, with a
// reason either way. A correction appends a ScoreCorrection (old and new outcome and score) and
// sets the attempt's current outcome from the new score against the policy's pass mark (R6/R7,
// unrounded); the audit event carries both. Then the candidate's rights are recomputed from the
// full history by the rules engine (D13) and returned, and the recomputed decision is audited.
//
// Thread-safe: each call runs its own transaction.

#include <optional>
#include <string>
#include <vector>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "domain/rules/decision.h"
#include "store/database.h"
#include "store/result_records.h"

namespace rc::app {

inline constexpr int kAppealWindowDays = 14;

struct AppealRequest {
  store::Id attempt_id = 0;
  std::string reason;  // 1-500 characters after trimming
};

// The new appeal's id.
[[nodiscard]] Result<store::Id> request_appeal(store::Database& db, const Clock& clock, const Actor& actor,
                                               const AppealRequest& request);

struct AppealDecision {
  store::Id appeal_id = 0;
  bool corrected = false;                       // false: upheld
  std::optional<std::int32_t> new_score_milli;  // REQUIRED when corrected: 0..100000
  std::string reason;                           // REQUIRED, 1-500 characters
};

struct AppealOutcome {
  store::Appeal appeal;
  std::optional<store::ScoreCorrection> correction;
  rules::Decision rights;  // recomputed from the full history (D13)
};

[[nodiscard]] Result<AppealOutcome> decide_appeal(store::Database& db, const PolicyCatalog& policies,
                                                  const Clock& clock, const Actor& actor,
                                                  const AppealDecision& decision);

struct AppealListing {
  store::Appeal appeal;
  store::ResultRow result;  // the appealed attempt (current outcome and score)
};

// The candidate's own appeals; a station's appeals (pending first). kForbidden for other roles.
[[nodiscard]] Result<std::vector<AppealListing>> candidate_appeals(store::Database& db, const Actor& actor);
// The station's list is audited as a personal-data view.
[[nodiscard]] Result<std::vector<AppealListing>> station_appeals(store::Database& db, const Clock& clock,
                                                                 const Actor& actor);

std::string_view appeal_status_label(store::AppealStatus s);  // 待复核 / 维持原成绩 / 已更正

}  // namespace rc::app
