#pragma once
// ResultRepository: the read side of results (F13) — each subject's attempt with its sitting,
// publication date (R8, D17), candidate (masked identity) and organisation, by candidate,
// organisation or sitting; and the sittings whose results are complete but whose publication is
// not recorded yet. Whether a person may see a score is decided by the application layer
// (app/results/result_publication.h); these reads return everything.
//
// Thread safety: as its Transaction (one thread at a time).

#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/result_records.h"

namespace rc::store {

class ResultRepository {
 public:
  explicit ResultRepository(Transaction& tx) : tx_(tx) {}

  [[nodiscard]] Result<std::vector<ResultRow>> by_candidate(Id candidate_id);
  [[nodiscard]] Result<std::vector<ResultRow>> by_organisation(Id organisation_id);
  [[nodiscard]] Result<std::vector<ResultRow>> by_sitting(Id sitting_id);
  // kNotFound when there is no such attempt.
  [[nodiscard]] Result<ResultRow> by_attempt(Id attempt_id);

  // A station's sittings that have attempts, newest first, with counts and publication.
  [[nodiscard]] Result<std::vector<SittingResultSummary>> sittings_of_station(Id station_id);
  // Sittings held before `before` whose attempts are all marked and that have no publication yet.
  [[nodiscard]] Result<std::vector<SittingResultSummary>> complete_unpublished(CivilDate before);

 private:
  Result<std::vector<ResultRow>> rows(std::string_view sql, Id key, const char* what);
  Result<std::vector<SittingResultSummary>> summaries(std::string_view sql, const CivilDate* before, Id station_id);
  Transaction& tx_;
};

}  // namespace rc::store
