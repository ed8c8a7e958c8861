#pragma once
// Records of the certificate tables added by V005 (issuance, files, filing, reissue), apart
// from records.h so that issuance work does not edit the shared record header. Same conventions
// as records.h: Id 0 before insert, Timestamp in ms, CivilDate as 'YYYY-MM-DD', enums as text.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "store/records.h"

namespace rc::store {

enum class FilingStatus { kExported, kFiled };
inline constexpr std::array<std::string_view, 2> kFilingStatusText{"exported", "filed"};
constexpr std::span<const std::string_view> enum_texts(FilingStatus) { return kFilingStatusText; }

enum class ReissueReason { kLost, kDamaged };
inline constexpr std::array<std::string_view, 2> kReissueReasonText{"lost", "damaged"};
constexpr std::span<const std::string_view> enum_texts(ReissueReason) { return kReissueReasonText; }

enum class ReissueStatus { kPending, kApproved, kRefused };
inline constexpr std::array<std::string_view, 3> kReissueStatusText{"pending", "approved", "refused"};
constexpr std::span<const std::string_view> enum_texts(ReissueStatus) { return kReissueStatusText; }

// Who issued a certificate to whom, its serial, and when it becomes publicly queryable (R9).
struct CertificateIssue {
  Id certificate_id = 0;
  Id station_id = 0;
  Id candidate_id = 0;
  int serial_year = 0;
  int serial = 0;
  CivilDate exam_on;
  CivilDate public_from;
  friend bool operator==(const CertificateIssue&, const CertificateIssue&) = default;
};

struct CertificateFile {
  Id certificate_id = 0;
  std::string media_type = "application/ofd";
  Bytes content;
  std::string digest;  // SM3 hex
};

// A certificate with what the pages show beside it (joined, read-only).
struct CertificateListing {
  Certificate certificate;
  CertificateIssue issue;
  std::string holder_name;
  std::string id_number_masked;
  int level = 5;
};

struct Filing {  // R9 备案
  Id id = 0;
  Id station_id = 0;
  FilingStatus status = FilingStatus::kExported;
  int entries = 0;
  Timestamp exported_at{};
  std::optional<Id> exported_by;
  std::optional<CivilDate> filed_on;
  std::optional<Timestamp> recorded_at;
  std::optional<Id> recorded_by;
};

struct FilingEntry {
  Id filing_id = 0;
  Id registration_id = 0;
  CivilDate exam_on;  // the later of the two passes
};

struct ReissueApplication {  // F20, R10
  Id id = 0;
  Id candidate_id = 0;
  Id station_id = 0;
  std::string old_number;
  CivilDate old_issued_on;
  ReissueReason reason = ReissueReason::kLost;
  std::optional<Id> old_certificate_id;
  ReissueStatus status = ReissueStatus::kPending;
  std::optional<std::string> decision_reason;
  std::optional<Id> decided_by;
  std::optional<Timestamp> decided_at;
  std::optional<Id> issued_certificate_id;
  Timestamp created_at{};
};

}  // namespace rc::store
