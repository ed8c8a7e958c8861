#pragma once
// BatchRepository: collective application batches (集体申报, R3). The status moves
// draft -> submitted -> closed (or withdrawn); which moves are allowed is decided by the
// application layer, the store only makes each move atomic against concurrent ones.
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>
#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::store {

class BatchRepository {
 public:
  explicit BatchRepository(Transaction& tx) : tx_(tx) {}

  // The new id; kConflict when the organisation or station does not exist.
  [[nodiscard]] Result<Id> insert(const Batch& batch);
  [[nodiscard]] Result<Batch> find(Id id);
  // Oldest first.
  [[nodiscard]] Result<std::vector<Batch>> list_by_organisation(Id organisation_id);
  // A station's queue, e.g. the submitted batches waiting for review, in submission order.
  [[nodiscard]] Result<std::vector<Batch>> list_by_station(Id station_id, BatchStatus status);
  // Moves the batch from `from` to `to`; sets submitted_at when given. kConflict when the batch
  // is no longer in `from`; kNotFound when there is no such batch.
  [[nodiscard]] Result<void> change_status(Id id, BatchStatus from, BatchStatus to,
                                           std::optional<Timestamp> submitted_at = std::nullopt);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
