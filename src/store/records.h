#pragma once
// Plain records of the stored aggregates, one struct per table row (V001__core.sql). No logic:
// the domain decides, the store keeps. Conventions, the same as the schema's:
//   Id         surrogate key; 0 in a record not yet inserted
//   Timestamp  an instant, stored as integer milliseconds since the epoch (UTC)
//   CivilDate  a calendar date in Asia/Shanghai (RULES.md D17), stored as 'YYYY-MM-DD'
//   Bytes      opaque bytes (ciphertexts, images), BLOB on SQLite and bytea on PostgreSQL
//   enums      stored as the lower-case text listed beside each, the same list as the CHECKs
// Personal data arrives already protected: the caller encrypts ID numbers and face templates,
// computes the HMAC look-up key and the masked display form (DOMAIN.md 4.3).

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/civil_date.h"

namespace rc::store {

using Id = std::int64_t;
using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;
using Bytes = std::vector<std::uint8_t>;

// --- enums and their stored text (index = enumerator value) -----------------------------------

enum class DocumentType { kResidentId, kHmtResidencePermit, kForeignPermanentId, kHkMacaoPermit, kTaiwanPermit, kPassport };
inline constexpr std::array<std::string_view, 6> kDocumentTypeText{
    "resident_id", "hmt_residence_permit", "foreign_permanent_id", "hk_macao_permit", "taiwan_permit", "passport"};
constexpr std::span<const std::string_view> enum_texts(DocumentType) { return kDocumentTypeText; }

enum class Sex { kMale, kFemale };
inline constexpr std::array<std::string_view, 2> kSexText{"male", "female"};
constexpr std::span<const std::string_view> enum_texts(Sex) { return kSexText; }

enum class Role { kCandidate, kOrganisation, kStation, kProctor, kExaminer, kAdministrator };
inline constexpr std::array<std::string_view, 6> kRoleText{"candidate", "organisation", "station",
                                                           "proctor",   "examiner",     "administrator"};
constexpr std::span<const std::string_view> enum_texts(Role) { return kRoleText; }

enum class BatchStatus { kDraft, kSubmitted, kClosed, kWithdrawn };
inline constexpr std::array<std::string_view, 4> kBatchStatusText{"draft", "submitted", "closed", "withdrawn"};
constexpr std::span<const std::string_view> enum_texts(BatchStatus) { return kBatchStatusText; }

// draft (entered by the organisation) -> submitted (batch submitted) -> confirmed (the candidate
// agreed, R4) -> approved | returned (F5; a returned one is corrected and confirmed again).
enum class RegistrationStatus { kDraft, kConfirmed, kSubmitted, kApproved, kReturned };
inline constexpr std::array<std::string_view, 5> kRegistrationStatusText{"draft", "confirmed", "submitted",
                                                                         "approved", "returned"};
constexpr std::span<const std::string_view> enum_texts(RegistrationStatus) { return kRegistrationStatusText; }

enum class SittingStatus { kPlanned, kOpen, kClosed, kHeld, kCancelled };
inline constexpr std::array<std::string_view, 5> kSittingStatusText{"planned", "open", "closed", "held", "cancelled"};
constexpr std::span<const std::string_view> enum_texts(SittingStatus) { return kSittingStatusText; }

enum class Subject { kTheory, kPractical };
inline constexpr std::array<std::string_view, 2> kSubjectText{"theory", "practical"};
constexpr std::span<const std::string_view> enum_texts(Subject) { return kSubjectText; }

enum class AttemptKind { kFirst, kOnsiteRetake, kRetake, kMakeup };
inline constexpr std::array<std::string_view, 4> kAttemptKindText{"first", "onsite_retake", "retake", "makeup"};
constexpr std::span<const std::string_view> enum_texts(AttemptKind) { return kAttemptKindText; }

enum class Outcome { kPending, kPass, kFail, kAbsent, kDeclined, kVoid };
inline constexpr std::array<std::string_view, 6> kOutcomeText{"pending", "pass", "fail", "absent", "declined", "void"};
constexpr std::span<const std::string_view> enum_texts(Outcome) { return kOutcomeText; }

enum class CertificateStatus { kValid, kRevoked };
inline constexpr std::array<std::string_view, 2> kCertificateStatusText{"valid", "revoked"};
constexpr std::span<const std::string_view> enum_texts(CertificateStatus) { return kCertificateStatusText; }

template <class E>
concept StoredEnum = std::is_enum_v<E> && requires(E e) { enum_texts(e); };

template <StoredEnum E>
constexpr std::string_view to_text(E e) {
  return enum_texts(e)[static_cast<std::size_t>(e)];
}

template <StoredEnum E>
constexpr std::optional<E> enum_from_text(std::string_view text) {
  auto texts = enum_texts(E{});
  for (std::size_t i = 0; i < texts.size(); ++i)
    if (texts[i] == text) return static_cast<E>(i);
  return std::nullopt;
}

// --- records ------------------------------------------------------------------------------------

struct Station {  // 鉴定站
  Id id = 0;
  std::string code;
  std::string name;
  std::string region_code;  // GB/T 2260, 6 digits
  std::string address;
  Timestamp created_at{};
  friend bool operator==(const Station&, const Station&) = default;
};

struct Organisation {  // 集体申报单位
  Id id = 0;
  std::string name;
  std::string credit_code;  // 统一社会信用代码, 18 characters
  std::string contact_name;
  std::string contact_phone;
  Timestamp created_at{};
  friend bool operator==(const Organisation&, const Organisation&) = default;
};

struct Batch {  // 集体申报批次 (R3)
  Id id = 0;
  Id organisation_id = 0;
  Id station_id = 0;
  int level = 5;  // 5 = 五级/初级工 ... 1 = 一级/高级技师
  std::string title;
  BatchStatus status = BatchStatus::kDraft;
  Timestamp created_at{};
  std::optional<Timestamp> submitted_at;
  friend bool operator==(const Batch&, const Batch&) = default;
};

struct Candidate {
  Id id = 0;
  std::string name;
  DocumentType document_type = DocumentType::kResidentId;
  Bytes id_number_cipher;         // AES-256-GCM ciphertext made by the caller
  std::string id_number_key_id;   // the key that made it
  std::string id_number_hmac;     // keyed hash (hex): unique per document type, for look-ups
  std::string id_number_masked;   // for display
  CivilDate birth_date;
  Sex sex = Sex::kMale;
  std::string phone;
  bool health_declared = false;  // R2
  Timestamp created_at{};
  friend bool operator==(const Candidate&, const Candidate&) = default;
};

// Portrait and biometric data: separate tables, separate keys, each with a deletion date.
struct CandidatePhoto {
  Id id = 0;
  Id candidate_id = 0;
  std::string media_type;  // image/jpeg, image/png
  Bytes image;
  std::string key_id;      // empty: not encrypted
  std::string digest;      // SM3 hex of the uploaded image
  Timestamp created_at{};
  Timestamp delete_after{};
  friend bool operator==(const CandidatePhoto&, const CandidatePhoto&) = default;
};

struct FaceTemplate {
  Id id = 0;
  Id candidate_id = 0;
  std::string model;
  Bytes template_cipher;  // encrypted by the caller
  std::string key_id;
  Timestamp created_at{};
  Timestamp delete_after{};
  friend bool operator==(const FaceTemplate&, const FaceTemplate&) = default;
};

struct User {
  Id id = 0;
  std::string username;
  Role role = Role::kCandidate;
  std::optional<std::string> password_hash;  // none until the first login sets it (F3)
  std::optional<std::string> phone;
  std::optional<Id> candidate_id;     // REQUIRES for role candidate
  std::optional<Id> organisation_id;  // REQUIRES for role organisation
  std::optional<Id> station_id;       // REQUIRES for station, proctor, examiner
  bool disabled = false;
  Timestamp created_at{};
  friend bool operator==(const User&, const User&) = default;
};

struct Registration {
  Id id = 0;
  Id candidate_id = 0;
  Id batch_id = 0;
  int level = 5;
  std::string policy_id;  // D18
  CivilDate registered_on;
  std::int64_t fee_due_fen = 0;
  std::int64_t fee_paid_fen = 0;  // D15
  RegistrationStatus status = RegistrationStatus::kDraft;
  std::optional<std::string> review_reason;  // REQUIRES when returned
  std::optional<Id> reviewed_by;
  std::optional<Timestamp> reviewed_at;
  Timestamp created_at{};
  friend bool operator==(const Registration&, const Registration&) = default;
};

struct Sitting {  // 场次
  Id id = 0;
  Id station_id = 0;
  int level = 5;
  CivilDate held_on;
  std::optional<Timestamp> theory_starts_at;  // at least one session REQUIRED
  std::optional<int> theory_minutes;
  std::optional<Timestamp> practical_starts_at;
  int capacity = 0;
  SittingStatus status = SittingStatus::kPlanned;
  Timestamp created_at{};
  friend bool operator==(const Sitting&, const Sitting&) = default;
};

struct ResultPublication {  // R8, D17
  Id sitting_id = 0;
  CivilDate publish_on;
  std::optional<Id> decided_by;
  Timestamp decided_at{};
  friend bool operator==(const ResultPublication&, const ResultPublication&) = default;
};

struct Attempt {
  Id id = 0;
  Id registration_id = 0;
  Id sitting_id = 0;
  Subject subject = Subject::kTheory;
  AttemptKind kind = AttemptKind::kFirst;
  Outcome outcome = Outcome::kPending;
  std::optional<std::int32_t> score_milli;  // thousandths of a point: 61.125 -> 61125
  Timestamp recorded_at{};
  std::optional<Id> recorded_by;
  CivilDate held_on;  // read-only: the sitting's date, filled in by reads, ignored on write
  friend bool operator==(const Attempt&, const Attempt&) = default;
};

struct Certificate {
  Id id = 0;
  std::string number;  // opaque, unique
  std::string scheme;  // numbering scheme tag (DOMAIN.md 3)
  Id registration_id = 0;
  std::optional<Id> reissue_of;  // F20
  CivilDate issued_on;
  std::optional<CivilDate> valid_until;  // none: valid for life (policy-2025)
  std::optional<CivilDate> filed_on;     // R9
  CertificateStatus status = CertificateStatus::kValid;
  std::optional<std::string> revoked_reason;
  std::optional<Timestamp> revoked_at;
  std::optional<Id> revoked_by;
  std::string file_digest;            // SM3 hex of the signed file
  std::string snapshot_json = "{}";   // the data printed on it
  Timestamp created_at{};
  friend bool operator==(const Certificate&, const Certificate&) = default;
};

struct AuditEvent {
  Id id = 0;
  Timestamp at{};
  std::optional<Id> actor_user_id;
  std::string actor;  // username, "system" or "public"
  std::string action;
  std::string entity_type;
  std::string entity_id;
  std::string detail_json = "{}";
  bool personal_data_view = false;  // GB/T 35273 11.7: who viewed whose personal data
  friend bool operator==(const AuditEvent&, const AuditEvent&) = default;
};

}  // namespace rc::store
