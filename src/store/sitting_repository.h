#pragma once
// SittingRepository: exam sittings (场次) of a station and the publication date of their
// results (R8, D17: visible from 00:00 China time on publish_on). Which results a person may
// see is decided by the application layer with publication_of() and today's date.
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>
#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::store {

class SittingRepository {
 public:
  explicit SittingRepository(Transaction& tx) : tx_(tx) {}

  // The new id; kInvalidValue when neither session is set; kConflict for an unknown station.
  [[nodiscard]] Result<Id> insert(const Sitting& sitting);
  [[nodiscard]] Result<Sitting> find(Id id);
  // A station's sittings held between two dates (inclusive), in date order.
  [[nodiscard]] Result<std::vector<Sitting>> list_by_station(Id station_id, CivilDate from, CivilDate to);
  // kConflict when the sitting is no longer in `from`; kNotFound when there is none.
  [[nodiscard]] Result<void> change_status(Id id, SittingStatus from, SittingStatus to);

  // Sets (or moves) the publication date of a sitting's results.
  [[nodiscard]] Result<void> set_publication(const ResultPublication& publication);
  [[nodiscard]] Result<std::optional<ResultPublication>> publication_of(Id sitting_id);
  // Publications whose date has come by `on`.
  [[nodiscard]] Result<std::vector<ResultPublication>> publications_due(CivilDate on);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
