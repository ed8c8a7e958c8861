#pragma once
// AttemptRepository: each subject taken or missed at a sitting by a registration — the history
// the rules engine (RULES.md R12, F14) replays. Scores are exact integers in thousandths of a
// point, so "pass at 60" is never a float comparison. An attempt is recorded as pending when
// the candidate is seated and given its outcome when marked; every change of outcome should be
// paired with an AuditLog event by the caller (appeals, D13).
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>
#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::store {

struct OutcomeUpdate {
  Outcome outcome = Outcome::kPending;
  std::optional<std::int32_t> score_milli;
  Timestamp recorded_at{};
  std::optional<Id> recorded_by;
};

class AttemptRepository {
 public:
  explicit AttemptRepository(Transaction& tx) : tx_(tx) {}

  // The new id. attempt.held_on is ignored (it is the sitting's). kConflict when the same
  // registration already has this subject and kind at this sitting, or a reference is missing;
  // kInvalidValue for a score outside 0..100000 or a declined outcome on a non-on-site retake.
  [[nodiscard]] Result<Id> record(const Attempt& attempt);
  [[nodiscard]] Result<Attempt> find(Id id);
  // A registration's attempts in the order they happened (by sitting date; see attempt_sql.h).
  [[nodiscard]] Result<std::vector<Attempt>> list_by_registration(Id registration_id);
  [[nodiscard]] Result<std::vector<Attempt>> list_by_sitting(Id sitting_id);
  [[nodiscard]] Result<void> update_outcome(Id id, const OutcomeUpdate& update);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
