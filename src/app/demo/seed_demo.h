#pragma once
// `rescuecert demo`: fills an initialised store with a realistic 南充 set-up so that every page
// has something to show: the station with its staff, two training organisations, and 200
// candidates spread over every state of the registration flow (draft, submitted and waiting for
// the candidate, activated, part-confirmed, confirmed and waiting for review, approved,
// returned). Everything that a person would do goes through the real use cases (batches,
// applicants, submission, review); only what a candidate does in the browser (photo, face) is
// recorded directly, since demo photos of real people are not shipped.
//
// Idempotent: a second run finds the demo station and changes nothing. Demo logins are fixed
// (README.md, "Demo logins"); never run this on a production store.

#include <string>
#include <vector>

#include "app/platform.h"
#include "domain/common/result.h"

namespace rc::app {

struct DemoLogin {
  std::string username;
  std::string password;
  std::string role_label;
  std::string note;
};

struct DemoReport {
  bool already_present = false;
  int candidates = 0;
  std::vector<DemoLogin> logins;
};

inline constexpr const char* kDemoPassword = "Demo2026rc";

[[nodiscard]] Result<DemoReport> seed_demo(Platform& platform);

}  // namespace rc::app
