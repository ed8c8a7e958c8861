#pragma once
// What the certificate use cases share: the settings taken from the configuration, the signed
// file writer (an interface, so tests and benchmarks can swap the OFD writer for a fast fake and
// the web layer builds the real one once from the platform's signing key), and the bundle of
// platform services each use case takes.
//
// Thread safety: a CertificateFileWriter is called from several signing threads at once.

#include <chrono>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/config.h"
#include "app/key_store.h"
#include "cert/certificate_content.h"
#include "cert/certificate_file.h"
#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "identity/personal_data_cipher.h"
#include "store/database.h"

namespace rc::app {

struct CertificateSettings {
  std::string scheme = "demo-yjjy";  // FICTITIOUS demo scheme (DOMAIN.md §3)
  std::string pattern = "YJJY{year}{region4}{station3}{level}{serial6}";
  std::string verify_url = "http://localhost:8080/verify";
  unsigned threads = 2;
  std::size_t chunk = 500;  // certificates per write transaction
};

CertificateSettings certificate_settings(const Config& config);

// The verification URL the QR code opens: <verify_url>?no=<number>.
std::string verification_url(const CertificateSettings& settings, std::string_view number);

class CertificateFileWriter {
 public:
  virtual ~CertificateFileWriter() = default;
  // The signed file of one certificate. REQUIRES: safe to call from several threads at once.
  [[nodiscard]] virtual Result<std::string> write(const cert::CertificateContent& content,
                                                  std::chrono::system_clock::time_point signed_at) const = 0;
  virtual std::string media_type() const = 0;
  // Several files at once, one result each in order, with the hex SM3 of each file. The OFD writer
  // hashes a group side by side (cert::write_certificate_ofds); this default writes one by one.
  [[nodiscard]] virtual std::vector<Result<cert::CertificateFile>> write_many(
      std::span<const cert::CertificateContent* const> contents, std::chrono::system_clock::time_point signed_at) const;
};

// The OFD writer signing with the platform key (keys_dir/signing-sm2.pem), spec/OFD.md.
[[nodiscard]] Result<std::unique_ptr<CertificateFileWriter>> ofd_certificate_writer(const KeySet& keys);

class CertificateStatusCache;

struct CertificateServices {
  store::Database& db;
  const Clock& clock;
  const PolicyCatalog& policies;
  const identity::PersonalDataCipher& cipher;
  const CertificateFileWriter& writer;
  CertificateSettings settings;
  // The public status answers kept in memory (certificate_status_cache.h), or none. The use
  // cases that change what a status look-up answers (issuance, revocation, reissue) clear it
  // after their commit, so this process never serves its own stale answer.
  CertificateStatusCache* status_cache = nullptr;
};

// After a committed change of certificates: forgets the cached status answers, if any.
void certificates_changed(const CertificateServices& services);

}  // namespace rc::app
