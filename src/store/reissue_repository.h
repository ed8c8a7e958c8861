#pragma once
// ReissueRepository: 补发 applications (F20, R10). A holder applies; the station approves (an
// electronic certificate is issued, never paper) or refuses with a reason. Decisions are
// compare-and-set on 'pending', so two reviewers cannot both decide.
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>
#include <string>
#include <vector>

#include "domain/common/result.h"
#include "store/certificate_records.h"
#include "store/database.h"

namespace rc::store {

struct ReissueDecision {
  ReissueStatus to = ReissueStatus::kApproved;  // kApproved or kRefused
  std::optional<std::string> reason;            // REQUIRED when refused
  std::optional<Id> by;
  Timestamp at{};
  std::optional<Id> issued_certificate_id;
};

class ReissueRepository {
 public:
  explicit ReissueRepository(Transaction& tx) : tx_(tx) {}

  [[nodiscard]] Result<Id> insert(const ReissueApplication& application);
  [[nodiscard]] Result<ReissueApplication> find(Id id);
  [[nodiscard]] Result<std::vector<ReissueApplication>> list_by_candidate(Id candidate_id);
  // Pending first, then newest.
  [[nodiscard]] Result<std::vector<ReissueApplication>> list_by_station(Id station_id);
  // kConflict when no longer pending; kNotFound when there is none.
  [[nodiscard]] Result<void> decide(Id id, const ReissueDecision& decision);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
