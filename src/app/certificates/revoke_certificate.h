#pragma once
// Use case: the issuing station revokes a certificate (F21) with a required reason. The row
// stays (status revoked, reason, time, who); verification then shows 已撤销 with the date; the
// revocation is audited and appended to the transparency log. Thread-safe.

#include <string>

#include "app/certificates/certificate_services.h"
#include "app/registration/actor.h"

namespace rc::app {

// kReasonRequired (empty or over 200 characters); kForbidden for another station's
// certificate; kNotFound; kConflict when already revoked.
// On success the services' status cache is cleared (the revocation shows at once).
[[nodiscard]] Result<void> revoke_certificate(const CertificateServices& services, const Actor& actor,
                                              store::Id certificate_id, const std::string& reason);

}  // namespace rc::app
