#pragma once
// OrganisationRepository: the collective applicants (集体申报单位, R3): training bodies and
// employers, identified by their unified social credit code.
//
// Thread safety: as its Transaction (one thread at a time).

#include <string_view>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::store {

class OrganisationRepository {
 public:
  explicit OrganisationRepository(Transaction& tx) : tx_(tx) {}

  // The new id; kConflict when the credit code is taken.
  [[nodiscard]] Result<Id> insert(const Organisation& organisation);
  [[nodiscard]] Result<Organisation> find(Id id);
  [[nodiscard]] Result<Organisation> find_by_credit_code(std::string_view credit_code);
  [[nodiscard]] Result<void> update_contact(Id id, std::string_view contact_name, std::string_view contact_phone);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
