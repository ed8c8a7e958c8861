#pragma once
// AuditLog: the append-only trail of every change and of every view of personal data (F22,
// GB/T 35273 11.7: who viewed which ID number). There is no update or delete here, and the
// database itself refuses both (migration V002), so a bug or a careless script cannot rewrite
// history. Append the event in the same transaction as the change it records, so that one is
// never stored without the other.
//
// Thread safety: as its Transaction (one thread at a time).

#include <string_view>
#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::store {

class AuditLog {
 public:
  explicit AuditLog(Transaction& tx) : tx_(tx) {}

  // The new event's id. event.id is ignored. detail_json is stored as given (the caller
  // serialises it; keep personal data out of it, or masked).
  [[nodiscard]] Result<Id> append(const AuditEvent& event);
  // Everything that happened to one entity, oldest first.
  [[nodiscard]] Result<std::vector<AuditEvent>> list_by_entity(std::string_view entity_type,
                                                               std::string_view entity_id);
  // Views of personal data in [from, to), oldest first.
  [[nodiscard]] Result<std::vector<AuditEvent>> list_personal_data_views(Timestamp from, Timestamp to);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
