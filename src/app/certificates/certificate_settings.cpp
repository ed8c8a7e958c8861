#include "app/certificates/certificate_services.h"

#include "app/certificates/certificate_status_cache.h"

namespace rc::app {

CertificateSettings certificate_settings(const Config& config) {
  CertificateSettings s;
  s.scheme = config.certificate.number_scheme;
  s.pattern = config.certificate.number_pattern;
  s.verify_url = config.certificate.verify_url;
  s.threads = config.certificate.issue_threads;
  return s;
}

std::string verification_url(const CertificateSettings& settings, std::string_view number) {
  return settings.verify_url + "?no=" + std::string(number);
}

void certificates_changed(const CertificateServices& services) {
  if (services.status_cache) services.status_cache->clear();
}

}  // namespace rc::app
