#pragma once
// Fictitious applicants for the demo: Chinese names, valid 南充 resident ID numbers (real county
// codes, computed check digits, adults of 19 to 55), mobile numbers in a demo range. Seeded, so
// every demo store is the same. Not real people.

#include <cstdint>
#include <string>

#include "app/platform.h"
#include "app/registration/add_applicant.h"
#include "domain/common/clock.h"
#include "domain/common/random.h"

namespace rc::app {

class DemoPeople {
 public:
  explicit DemoPeople(std::uint64_t seed) : random_(seed) {}
  ApplicantForm next(const Clock& clock);

 private:
  SeededRandom random_;
  int count_ = 0;
};

// The login name of the candidate of a registration (RC + candidate id).
std::string candidate_username_of(Platform& platform, store::Id registration_id);

}  // namespace rc::app
