#pragma once
// The results part of the demo (`rescuecert demo`, and the browser test tests/e2e/results):
// a sitting at the demo station three days before the demo was made, with marked theory and
// practical attempts for two candidates (one passed both, one failed the practical), and the
// sittings' publications recorded as the housekeeping job would (R8, D17): so on the demo day
// their results are 未公布 until day 15 after the exam, then 已公布. Their logins are added to the
// report, noted "成绩：待公布，两科合格" and "成绩：待公布，技能考核未通过".
// Thread-safe (its own transactions).

#include <string>

#include "app/demo/seed_demo.h"
#include "app/platform.h"
#include "domain/common/result.h"
#include "store/records.h"

namespace rc::app {

[[nodiscard]] Result<void> seed_demo_results(Platform& platform, store::Id organisation_id, store::Id station_id,
                                             const std::string& password_hash, DemoReport& report);

}  // namespace rc::app
