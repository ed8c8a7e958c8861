#pragma once
// FilingRepository: R9 备案. A station exports the candidates whose certificates it will issue
// (a filing in state exported, one entry per registration; a registration is filed once), then
// records the day the national registry accepted it (filed). Issuance asks filed_entry().
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>
#include <vector>

#include "domain/common/result.h"
#include "store/certificate_records.h"
#include "store/database.h"

namespace rc::store {

struct FiledEntry {
  FilingEntry entry;
  CivilDate filed_on;
};

class FilingRepository {
 public:
  explicit FilingRepository(Transaction& tx) : tx_(tx) {}

  // The new filing's id, with its entries; kConflict when a registration is already filed.
  // REQUIRES: entries not empty (their filing_id is ignored).
  [[nodiscard]] Result<Id> insert(const Filing& filing, const std::vector<FilingEntry>& entries);
  [[nodiscard]] Result<Filing> find(Id id);
  [[nodiscard]] Result<std::vector<Filing>> list_by_station(Id station_id);
  [[nodiscard]] Result<std::vector<FilingEntry>> entries(Id filing_id);
  // kConflict when it is not in state exported (recorded already); kNotFound when there is none.
  [[nodiscard]] Result<void> record_filed(Id id, CivilDate filed_on, Timestamp at, std::optional<Id> by);
  // The registration's entry in a filing recorded as filed, if any.
  [[nodiscard]] Result<std::optional<FiledEntry>> filed_entry(Id registration_id);
  [[nodiscard]] Result<std::vector<Id>> unfiled_approved_registrations(Id station_id);
  [[nodiscard]] Result<std::vector<Id>> filed_without_certificate(Id station_id);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
