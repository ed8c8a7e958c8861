#pragma once
// ConfirmationRecords: the V004 tables the registration use cases keep (registration_sql.h),
// read and written inside the caller's Transaction, in the store's manner (errors as values, no
// exception escapes). One thread at a time, like its Transaction.

#include <optional>
#include <string>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

// The fields a candidate completes or corrects (F4), beside the identity data.
struct CandidateDetails {
  std::string employer;
  std::string address;                  // 通讯地址: required
  std::string emergency_contact_name;   // 紧急联系人: required
  std::string emergency_contact_phone;  // 紧急联系人电话: required
};

// Where one application's confirmation stands (R4). Empty: step not done.
struct ConfirmationProgress {
  std::optional<store::Timestamp> photo_accepted_at;
  std::optional<store::Timestamp> id_confirmed_at;
  std::optional<store::Timestamp> face_verified_at;
  int face_failures = 0;
  std::optional<store::Timestamp> manual_review_requested_at;
  std::optional<store::Timestamp> agreed_at;

  // Face step: a match, or a manual check asked for (face recognition is never the only way).
  bool face_done() const { return face_verified_at || manual_review_requested_at; }
};

enum class ConfirmationStep { kPhoto, kIdConfirmed, kFaceVerified, kManualReview, kAgreed };

struct FaceVerificationRecord {
  store::Id registration_id = 0;
  store::Timestamp at{};
  std::string method;
  int distance_milli = 0;
  bool same_person = false;
};

class ConfirmationRecords {
 public:
  explicit ConfirmationRecords(store::Transaction& tx) : tx_(tx) {}

  // Empty details when none are stored yet.
  [[nodiscard]] Result<CandidateDetails> details(store::Id candidate_id);
  [[nodiscard]] Result<void> save_details(store::Id candidate_id, const CandidateDetails& d, store::Timestamp now);

  // Nothing done when no row exists yet.
  [[nodiscard]] Result<ConfirmationProgress> progress(store::Id registration_id);
  [[nodiscard]] Result<void> mark(store::Id registration_id, ConfirmationStep step, store::Timestamp now);
  [[nodiscard]] Result<void> add_face_failure(store::Id registration_id, store::Timestamp now);
  [[nodiscard]] Result<void> clear_face_verification(store::Id registration_id, store::Timestamp now);
  [[nodiscard]] Result<void> clear_agreement(store::Id registration_id, store::Timestamp now);
  [[nodiscard]] Result<void> record_face_verification(const FaceVerificationRecord& r);

 private:
  void ensure_progress_row(store::Id registration_id, store::Timestamp now);
  store::Transaction& tx_;
};

}  // namespace rc::app
