#pragma once
// Read model of the station's 证书管理 page: how many completed candidates wait for filing (R9),
// the filings and their state, how many filed candidates wait for issuance (F16), and the latest
// certificates issued (masked ID numbers only). Thread-safe.

#include <cstddef>
#include <vector>

#include "app/certificates/certificate_services.h"
#include "app/certificates/certificate_verification.h"
#include "app/registration/actor.h"
#include "store/certificate_records.h"

namespace rc::app {

struct StationCertificateRow {
  store::CertificateListing listing;
  CertificateState state = CertificateState::kValid;
};

struct WaitingCandidate {  // filed, not yet issued
  store::Id registration_id = 0;
  std::string name;
  std::string id_number_masked;
};

struct StationCertificates {
  std::size_t waiting_for_filing = 0;
  std::size_t waiting_for_issuance = 0;
  std::vector<WaitingCandidate> waiting;  // the first 500 of waiting_for_issuance
  std::vector<store::Filing> filings;
  std::vector<StationCertificateRow> certificates;  // newest first, at most 200
};

// kForbidden unless a station user.
[[nodiscard]] Result<StationCertificates> station_certificates(const CertificateServices& services, const Actor& actor);

}  // namespace rc::app
