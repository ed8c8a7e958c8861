#pragma once
// The set-up of the issuance benchmark (`rescuecert bench issuance`, bench/README.md): a station
// with N fictitious holders who passed both subjects (each with the sample certificate's PNG
// photo, encrypted as uploads are), filed today, so that one issuance run can be measured end to
// end: read, number, sign (the real OFD writer), store, audit and log. A BENCHMARK tool for
// throw-away stores, never for a real one. Thread-safe (its own transactions).

#include <vector>

#include "app/certificates/certificate_services.h"
#include "app/platform.h"
#include "app/registration/actor.h"
#include "domain/common/result.h"
#include "store/records.h"

namespace rc::app {

struct IssuanceBench {
  store::Id station_id = 0;
  Actor station;                          // a station account of that station
  std::vector<store::Id> registrations;   // filed and issuable, in order
};

// kInvalidValue unless 1 <= holders <= 1,000,000. `services` files them (the writer is not used).
[[nodiscard]] Result<IssuanceBench> set_up_issuance_bench(Platform& platform, const CertificateServices& services,
                                                          int holders);

}  // namespace rc::app
