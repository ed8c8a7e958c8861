#include "app/certificates/certificate_log.h"

#include "app/transparency/log_entry.h"
#include "app/transparency/log_service.h"
#include "store/transparency_log_repository.h"

namespace rc::app {

// The log keeps no personal data: number, file digest and, for a revocation, the reason.
Result<void> log_certificate_event(store::Transaction& tx, CertificateLogKind kind, std::string_view number,
                                   std::string_view file_digest, std::string_view reason, store::Timestamp at) {
  LogEntry entry;
  entry.kind = kind == CertificateLogKind::kIssue ? "issue" : "revoke";
  entry.certificate_number = std::string(number);
  entry.file_digest = std::string(file_digest);
  if (kind == CertificateLogKind::kRevoke) entry.reason = std::string(reason);
  entry.at = at;
  auto leaf = append_log_entry(tx, entry, at);
  if (!leaf) return fail(leaf.error());
  // So that a verifier finds this certificate's leaves by its number (V013).
  return store::TransparencyLogRepository(tx).insert_certificate_leaf(static_cast<std::int64_t>(*leaf), number,
                                                                     entry.kind);
}

}  // namespace rc::app
