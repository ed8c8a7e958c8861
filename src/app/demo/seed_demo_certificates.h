#pragma once
// The certificate part of `rescuecert demo` (issue 4): 南充 candidates whose theory and practical
// attempts passed 45 days ago (real registrations, sittings and attempts), a filing exported and
// recorded today (R9), signed OFD certificates issued for them under the FICTITIOUS demo numbering
// scheme, two of them revoked, two candidates who failed the practical (no certificate), and one
// pending reissue application for a lost paper certificate. Logins and numbers go to the report.

#include "app/demo/seed_demo.h"
#include "app/platform.h"
#include "app/registration/actor.h"

namespace rc::app {

[[nodiscard]] Result<void> seed_demo_certificates(Platform& platform, store::Id organisation_id,
                                                  const Actor& station, const std::string& password_hash,
                                                  DemoReport& report);

}  // namespace rc::app
