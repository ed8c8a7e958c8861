#pragma once
// Use case: the station decides a 补发 application (F20, R10). Refusal needs a reason. Approval
// issues an ELECTRONIC certificate (never paper) for the holder's completed, filed registration:
// the old certificate's registration when the old one is in the store (reissue_of is set and
// the old certificate is revoked as replaced, in the same transaction), else the holder's latest
// completed and filed registration at this station (the old number stays in the application).
// Thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "app/certificates/certificate_services.h"
#include "app/registration/actor.h"
#include "store/certificate_records.h"

namespace rc::app {

struct ReissueVerdict {
  store::Id application_id = 0;
  bool approve = false;
  std::string reason;  // REQUIRED when refusing
};

// The new certificate's number when approved. kForbidden (another station's), kWrongState (not
// pending), kReasonRequired, kCertificateNotCompleted / kCertificateNotFiled (no registration
// to issue for).
[[nodiscard]] Result<std::optional<std::string>> decide_reissue(const CertificateServices& services,
                                                                const Actor& actor, const ReissueVerdict& verdict);

struct StationReissue {
  store::ReissueApplication application;
  std::string holder_name;
  std::string id_number_masked;
};
[[nodiscard]] Result<std::vector<StationReissue>> station_reissue_applications(store::Database& db, const Actor& actor);

}  // namespace rc::app
