#pragma once
// Use case: a station issues certificates (F16) for filed, completed registrations, in chunks.
//
// Throughput: each chunk is read and checked in a read transaction, numbered optimistically from
// the counter, signed in parallel OUTSIDE any write transaction, and then written in one short
// write transaction that claims the serials only if the counter has not moved (compare-and-set).
// issue_certificates pipelines the chunks (read and sign ahead while one is written:
// issue_certificates.cpp).
// If the counter moved (a concurrent issuance at the same station), or a registration got its
// certificate meanwhile (the unique index certificates_one_valid, or the has-certificate check),
// the chunk is prepared and signed again.
// So numbers stay unique and gap-free per station and year, and a rolled back chunk leaves none.
//
// Each certificate: number (configured, FICTITIOUS by default), snapshot with the ID number
// encrypted, the signed file (SM3 digest in file_digest), valid_until from the registration's
// policy (D18), public_from (R9), an audit event and a transparency-log entry.
// Thread-safe; blocks the calling thread (the web layer runs it in the background).

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/certificates/certificate_preparation.h"
#include "app/certificates/certificate_services.h"
#include "app/registration/actor.h"

namespace rc::app {

struct IssuanceReport {
  std::size_t requested = 0;
  std::size_t issued = 0;
  std::size_t skipped = 0;  // already had a certificate: nothing issued twice
  std::size_t refused = 0;  // not completed, not filed, another station's...
  std::vector<std::string> numbers;                   // issued, in order
  std::vector<std::pair<store::Id, Error>> refusals;  // the first 100
};

using IssuanceProgress = std::function<void(const IssuanceReport&)>;

// kForbidden unless the actor is a station user. Per-registration refusals are reported, not
// failed; a storage failure ends the run (chunks already committed stay issued). When `stop`
// becomes true the run ends after the chunk under way (a server shutting down).
[[nodiscard]] Result<IssuanceReport> issue_certificates(const CertificateServices& services, const Actor& actor,
                                                        const std::vector<store::Id>& registration_ids,
                                                        const IssuanceProgress& progress = {},
                                                        const std::atomic<bool>* stop = nullptr);

// Everything the actor's station has filed and not yet issued (what the 批量发证 button issues).
[[nodiscard]] Result<std::vector<store::Id>> issuable_registrations(const CertificateServices& services,
                                                                    const Actor& actor);

// Runs inside the chunk's write transaction after the certificates are inserted (reissue uses
// it to decide the application and revoke the replaced certificate atomically).
using AlsoInTransaction = std::function<Result<void>(store::Transaction&, const std::vector<store::Id>& ids,
                                                     const std::vector<std::string>& numbers)>;

struct CommittedCertificates {
  std::vector<store::Id> ids;
  std::vector<std::string> numbers;
};

// Numbers, signs and stores prepared certificates of one station, retrying on a lost race as
// described above (a registration issued meanwhile is dropped). What was stored, in order.
[[nodiscard]] Result<CommittedCertificates> commit_prepared(const CertificateServices& services, const Actor& actor,
                                                             std::vector<PreparedCertificate> chunk,
                                                             const AlsoInTransaction& also = {});

}  // namespace rc::app
