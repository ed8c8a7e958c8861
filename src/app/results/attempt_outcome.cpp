#include "app/results/attempt_outcome.h"

#include <string>

#include "app/subject_label.h"
#include "store/attempt_repository.h"

namespace rc::app {

Result<store::Id> record_attempt_outcome(store::Transaction& tx, const store::Attempt& outcome) {
  store::AttemptRepository history(tx);
  auto rows = history.list_by_registration(outcome.registration_id);
  if (!rows) return fail(rows.error());
  for (const auto& row : *rows) {
    if (row.sitting_id != outcome.sitting_id || row.subject != outcome.subject || row.kind != outcome.kind) continue;
    if (row.outcome != store::Outcome::kPending)
      return fail(ErrorCode::kConflict, "attempt",
                  "该场次的" + std::string(subject_label(outcome.subject)) + "结果已经记录，不能重复记录");
    store::OutcomeUpdate update{outcome.outcome, outcome.score_milli, outcome.recorded_at, outcome.recorded_by};
    if (auto u = history.update_outcome(row.id, update); !u) return fail(u.error());
    return row.id;
  }
  return history.record(outcome);
}

}  // namespace rc::app
