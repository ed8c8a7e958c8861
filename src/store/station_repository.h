#pragma once
// StationRepository: the appraisal stations (鉴定站). Stations are created by administrators and
// rarely change; they are the anchor of batches, sittings and station accounts.
//
// Thread safety: as its Transaction (one thread at a time).

#include <string_view>
#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::store {

class StationRepository {
 public:
  explicit StationRepository(Transaction& tx) : tx_(tx) {}

  // The new id; kConflict when the code is taken. station.id is ignored.
  [[nodiscard]] Result<Id> insert(const Station& station);
  [[nodiscard]] Result<Station> find(Id id);
  [[nodiscard]] Result<Station> find_by_code(std::string_view code);
  [[nodiscard]] Result<std::vector<Station>> list();

 private:
  Transaction& tx_;
};

}  // namespace rc::store
