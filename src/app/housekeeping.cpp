#include "app/housekeeping.h"

#include <optional>

#include "app/checkin/record_absences.h"
#include "app/registration/purge_expired_biometrics.h"

namespace rc::app {

Result<HousekeepingReport> run_housekeeping(Platform& platform) {
  HousekeepingReport report;
  std::optional<Error> first;
  if (auto ended = platform.sessions().purge_expired()) report.sessions_ended = *ended;
  else first = ended.error();
  if (auto erased = purge_expired_biometrics(platform.database(), platform.clock().now())) {
    report.photos_erased = static_cast<int>(erased->photos);
    report.face_templates_erased = static_cast<int>(erased->face_templates);
  } else if (!first) {
    first = erased.error();
  }
  if (auto absent = record_absences(platform.database(), platform.policies(), platform.clock().now())) {
    report.absences_recorded = *absent;
  } else if (!first) {
    first = absent.error();
  }
  if (first) return fail(*first);
  return report;
}

}  // namespace rc::app
