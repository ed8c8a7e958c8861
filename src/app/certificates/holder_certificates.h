#pragma once
// Use cases of the certificate holder (F18, R11): 用户中心 → 证书下载 lists the candidate's own
// certificates with what they print; 下载电子证书 hands out the stored signed file. Only the
// holder and the issuing station may download, and every download is an audited access of
// personal data (the file shows the full ID number). Thread-safe.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/certificates/certificate_verification.h"
#include "app/registration/actor.h"
#include "store/certificate_records.h"

namespace rc::app {

struct HolderCertificate {
  store::CertificateListing listing;
  CertificateState state = CertificateState::kValid;
  nlohmann::json printed;  // the snapshot without the encrypted number
};

// kForbidden unless a candidate.
[[nodiscard]] Result<std::vector<HolderCertificate>> holder_certificates(store::Database& db, const Clock& clock,
                                                                         const Actor& actor);

struct CertificateDownload {
  std::string number;
  std::string media_type;
  std::string bytes;
};

// `format` ("ofd", "pdf") is recorded in the audit trail. kForbidden for anyone but the holder
// and the issuing station; kNotFound when there is no such certificate or file.
[[nodiscard]] Result<CertificateDownload> download_certificate(store::Database& db, const Clock& clock,
                                                               const Actor& actor, store::Id certificate_id,
                                                               std::string_view format);

}  // namespace rc::app
