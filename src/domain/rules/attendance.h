#pragma once
// Timing rules around a sitting that the station applies before a history reaches the engine:
// late arrival (D11), results publication (R8, D17) and certificate filing (R9). Dates are calendar
// dates in Asia/Shanghai (D17); nothing here reads a clock.

#include "domain/common/civil_date.h"
#include "domain/policy/policy.h"

namespace rc::rules {

// D11: arriving more than policy.late_arrival_minutes after the start of the theory exam counts as
// absent. `minutes_late` <= 0 means on time.
inline bool late_arrival_counts_as_absent(int minutes_late, const Policy& policy) {
  return minutes_late > policy.late_arrival_minutes;
}

// R8, D17: results of an exam on `exam_date` appear at 00:00 China time on this day.
inline CivilDate results_published_on(CivilDate exam_date, const Policy& policy) {
  return exam_date.plus_days(policy.publication_delay_days);
}
inline bool results_visible(CivilDate exam_date, CivilDate today, const Policy& policy) {
  return today >= results_published_on(exam_date, policy);
}

// R9: certificate information can be queried once filed, 20–30 days after the exam.
struct FilingWindow {
  CivilDate earliest;
  CivilDate latest;
};
inline FilingWindow certificate_filing_window(CivilDate exam_date, const Policy& policy) {
  return {exam_date.plus_days(policy.filing_delay_min_days), exam_date.plus_days(policy.filing_delay_max_days)};
}

}  // namespace rc::rules
