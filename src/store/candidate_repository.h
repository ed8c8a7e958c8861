#pragma once
// CandidateRepository: the identity data of candidates. ID numbers are never stored in clear:
// the caller passes the ciphertext, the keyed HMAC used for look-ups (unique per document type)
// and the masked display form (DOMAIN.md 4.3). Photos and face templates are kept apart, in
// BiometricRepository.
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>
#include <string_view>
#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::store {

class CandidateRepository {
 public:
  explicit CandidateRepository(Transaction& tx) : tx_(tx) {}

  // The new id; kConflict when a candidate with the same document type and HMAC exists.
  // REQUIRES: candidate.id_number_cipher not empty.
  [[nodiscard]] Result<Id> insert(const Candidate& candidate);
  [[nodiscard]] Result<Candidate> find(Id id);
  // The candidate holding this ID number, if any.
  [[nodiscard]] Result<std::optional<Candidate>> find_by_id_number_hmac(DocumentType type,
                                                                        std::string_view hmac);
  // The candidates registered in a batch, in the order they were added to it.
  [[nodiscard]] Result<std::vector<Candidate>> list_by_batch(Id batch_id);
  // F4: the candidate completes or corrects contact data and the health declaration.
  [[nodiscard]] Result<void> update_contact(Id id, std::string_view phone, bool health_declared);
  // Key rotation: replaces the ciphertext and its key id.
  [[nodiscard]] Result<void> update_id_number_cipher(Id id, const Bytes& cipher, std::string_view key_id);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
