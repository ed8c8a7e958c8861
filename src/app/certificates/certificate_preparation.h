#pragma once
// The read half of issuance: for one registration, everything its certificate needs, checked
// (F16): the acting station issues for its own candidates only, the rules decision is completed
// (D6), the registration is filed (R9), and nothing was issued for it before (a batch run again
// issues nothing twice). Runs inside the caller's (read) transaction.

#include <optional>
#include <string>

#include "app/certificates/certificate_services.h"
#include "app/registration/actor.h"
#include "app/results/candidate_history.h"
#include "store/certificate_records.h"

namespace rc::app {

struct PreparedCertificate {
  store::Registration registration;
  store::Id candidate_id = 0;
  store::Station station;
  CivilDate exam_on;
  CivilDate filed_on;
  CivilDate public_from;            // R9: filing_delay_min_days after the exam, not before filing
  std::optional<int> validity_years;  // from the registration's policy (D18); none: for life
  std::string id_number_masked;
  cert::CertificateContent content;  // without number, dates and URL yet
  std::optional<store::Id> reissue_of;
  bool reissue = false;  // F20: the registration may already hold a certificate
};

struct PrepareOptions {
  bool reissue = false;  // F20: a certificate may exist already (the one being replaced)
};

// nullopt when the registration already had a certificate (and this is not a reissue).
// kForbidden (another station's), kCertificateNotCompleted (D6), kCertificateNotFiled (R9).
[[nodiscard]] Result<std::optional<PreparedCertificate>> prepare_certificate(store::Transaction& tx,
                                                                             const CertificateServices& services,
                                                                             const Actor& actor,
                                                                             store::Id registration_id, CivilDate today,
                                                                             PrepareOptions options = {});

}  // namespace rc::app
