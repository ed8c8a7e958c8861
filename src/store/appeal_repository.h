#pragma once
// AppealRepository: appeals of a subject's score (成绩复核, D13), the score corrections they make
// (append-only, before and after), and retake placements (F15: a right used on a later sitting).
// The current outcome of an attempt stays in attempts (what the rules engine replays); every
// change to it is a ScoreCorrection row here plus an audit event by the caller.
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>
#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/result_records.h"

namespace rc::store {

class AppealRepository {
 public:
  explicit AppealRepository(Transaction& tx) : tx_(tx) {}

  // kConflict when the attempt already has an appeal (one per attempt).
  [[nodiscard]] Result<Id> insert(const Appeal& appeal);
  [[nodiscard]] Result<Appeal> find(Id id);
  [[nodiscard]] Result<std::optional<Appeal>> find_by_attempt(Id attempt_id);
  [[nodiscard]] Result<std::vector<Appeal>> list_by_candidate(Id candidate_id);
  // Appeals of attempts at the station's sittings, pending first.
  [[nodiscard]] Result<std::vector<Appeal>> list_by_station(Id station_id);
  // kConflict when the appeal is no longer pending.
  [[nodiscard]] Result<void> decide(Id id, AppealStatus status, std::string_view reason, Timestamp at,
                                    std::optional<Id> by);

  [[nodiscard]] Result<Id> add_correction(const ScoreCorrection& correction);
  [[nodiscard]] Result<std::vector<ScoreCorrection>> corrections_of(Id attempt_id);

  // kConflict when the registration already has a placement of this subject and kind (D5: once).
  [[nodiscard]] Result<Id> add_placement(const RetakePlacement& placement);
  [[nodiscard]] Result<std::vector<RetakePlacement>> placements_of_registration(Id registration_id);
  [[nodiscard]] Result<std::vector<RetakePlacement>> placements_at(Id sitting_id);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
