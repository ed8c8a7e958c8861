#pragma once
// One signed-in account per role on a RunningPlatform: a station, an organisation and a
// candidate are created, an account for each role, and a full session for each, so that tests can
// call the HTTP server as any role (cookie + CSRF token).

#include <map>
#include <string>

#include "store/records.h"
#include "support/platform_fixture.h"

namespace rc::testing {

struct SignedIn {
  store::Id user_id = 0;
  std::string cookie;  // "rc_session=..."
  std::string csrf;
};

struct RoleSessions {
  store::Id station_id = 0, organisation_id = 0, candidate_id = 0;
  std::map<store::Role, SignedIn> by_role;
};

// Throws on failure (test set-up).
RoleSessions sign_in_every_role(RunningPlatform& p);

}  // namespace rc::testing
