#pragma once
// CertificateRepository: issued certificates (F16-F21). A number is unique and opaque, tagged
// with its numbering scheme; a registration has at most one valid certificate at a time (a
// double issuance fails with kConflict); revocation keeps the row, with its reason (F21).
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>
#include <string_view>
#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::store {

struct Revocation {
  std::string reason;  // REQUIRED
  Timestamp at{};
  std::optional<Id> by;
};

class CertificateRepository {
 public:
  explicit CertificateRepository(Transaction& tx) : tx_(tx) {}

  // The new id; kConflict when the number is taken or the registration already holds a valid
  // certificate.
  [[nodiscard]] Result<Id> insert(const Certificate& certificate);
  [[nodiscard]] Result<Certificate> find(Id id);
  // Public verification (F19) looks certificates up by number.
  [[nodiscard]] Result<std::optional<Certificate>> find_by_number(std::string_view number);
  [[nodiscard]] Result<std::vector<Certificate>> list_by_registration(Id registration_id);
  // kConflict when already revoked; kNotFound when there is none.
  [[nodiscard]] Result<void> revoke(Id id, const Revocation& revocation);
  // The digest of the signed file, once it is written.
  [[nodiscard]] Result<void> set_file_digest(Id id, std::string_view file_digest);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
