#pragma once
// What the certificate pages and endpoints share, built once when the routes are installed: the
// OFD writer signing with the platform key, the certificate services bundle, the background
// issuance jobs, and the per-IP limit on public verification queries (config
// certificate.verify_per_minute). Kept alive by Routes::keep for the server's lifetime.
//
// Thread-safe: everything here may be used from the server's threads at once.

#include <memory>

#include <nlohmann/json.hpp>

#include "app/certificates/certificate_services.h"
#include "app/certificates/certificate_status_cache.h"
#include "app/certificates/certificate_verification.h"
#include "app/certificates/issuance_jobs.h"
#include "app/platform.h"
#include "identity/rate_limiter.h"
#include "web/gatekeeper.h"
#include "web/reply.h"

namespace rc::web {

struct CertificateWeb {
  explicit CertificateWeb(app::Platform& platform);
  ~CertificateWeb();
  // The status API's short-lived answers; the certificate use cases clear it after each change
  // (services->status_cache). Declared first so that it outlives the issuance jobs.
  app::CertificateStatusCache status_cache;
  std::unique_ptr<app::CertificateFileWriter> writer;
  std::unique_ptr<app::CertificateServices> services;
  std::unique_ptr<app::IssuanceJobs> jobs;
  identity::RateLimiter verify_limit;
};

// kTooManyRequests when this client asked too often (public verification).
[[nodiscard]] Result<void> allow_verification(CertificateWeb& web, const app::Platform& platform,
                                              const RequestContext& ctx);

// The public answer (masked) as JSON: number, status, status_label, masked_name, ...
nlohmann::json public_certificate_json(const app::PublicCertificate& c);

// A file download: Content-Disposition attachment with the certificate number in the name.
Reply file_reply(std::string content_type, std::string file_name, std::string body);

}  // namespace rc::web
