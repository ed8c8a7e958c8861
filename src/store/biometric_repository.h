#pragma once
// BiometricRepository: candidates' portrait photos and face templates. They are sensitive
// personal data (PIPL art. 28) and are stored apart from identity data, each row with its own
// key id and a delete_after instant, so that delete_expired() can erase them on schedule
// (GB/T 35273 6.1, 6.3) without touching the candidate. Contents are opaque bytes, encrypted by
// the caller where a key id is given.
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::store {

struct ErasedBiometrics {
  long long photos = 0;
  long long face_templates = 0;
};

class BiometricRepository {
 public:
  explicit BiometricRepository(Transaction& tx) : tx_(tx) {}

  // REQUIRES: photo.image not empty. kConflict when the candidate does not exist.
  [[nodiscard]] Result<Id> add_photo(const CandidatePhoto& photo);
  // The most recent photo of a candidate, if any.
  [[nodiscard]] Result<std::optional<CandidatePhoto>> latest_photo(Id candidate_id);

  // REQUIRES: face.template_cipher not empty.
  [[nodiscard]] Result<Id> add_face_template(const FaceTemplate& face);
  [[nodiscard]] Result<std::optional<FaceTemplate>> latest_face_template(Id candidate_id);

  // Deletes every photo and template whose delete_after is at or before `now`.
  [[nodiscard]] Result<ErasedBiometrics> delete_expired(Timestamp now);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
