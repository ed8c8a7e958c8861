#pragma once
// RegistrationRepository: one candidate's application within a batch, the unit the rules
// engine reasons about (RULES.md R12). Status changes are compare-and-set on the expected
// current status, so a concurrent review or resubmission loses cleanly with kConflict.
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>
#include <string_view>
#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::store {

struct Review {
  RegistrationStatus from = RegistrationStatus::kConfirmed;
  RegistrationStatus to = RegistrationStatus::kApproved;  // kApproved or kReturned
  std::optional<std::string> reason;                      // REQUIRED when returned (F5)
  Id reviewed_by = 0;
  Timestamp reviewed_at{};
};

class RegistrationRepository {
 public:
  explicit RegistrationRepository(Transaction& tx) : tx_(tx) {}

  // The new id; kConflict when the candidate is already in the batch or a reference is missing.
  [[nodiscard]] Result<Id> insert(const Registration& registration);
  [[nodiscard]] Result<Registration> find(Id id);
  [[nodiscard]] Result<std::vector<Registration>> list_by_batch(Id batch_id);
  // Oldest first (by registered_on).
  [[nodiscard]] Result<std::vector<Registration>> list_by_candidate(Id candidate_id);
  // kConflict when the registration is no longer in `from`; kNotFound when there is none.
  [[nodiscard]] Result<void> change_status(Id id, RegistrationStatus from, RegistrationStatus to);
  // Records the station's decision with its reason, reviewer and time.
  [[nodiscard]] Result<void> review(Id id, const Review& review);
  // D15: the fee recorded as paid (total so far).
  [[nodiscard]] Result<void> record_fee_paid(Id id, std::int64_t fee_paid_fen);

 private:
  [[nodiscard]] Error missing_or_stale(Id id);
  Transaction& tx_;
};

}  // namespace rc::store
