#pragma once
// The practical part of the demo (`rescuecert demo`, and the browser test tests/e2e/practical):
// two more examiner accounts (examiner2, examiner3; password as every demo account) and, at the
// demo exam sitting held today (app/exam/demo_exam.h), a practical room 技能考核一室 whose
// examining group is examiner, examiner2 and examiner3 (odd, 3: R7), with up to three approved
// candidates seated for the practical (kind first) who have no exam history and no paper. Their
// ticket numbers are added to the report (noted "技能考核：准考证 ...").
// Thread-safe (its own transaction). Does nothing when there is no sitting today.

#include <string>

#include "app/demo/seed_demo.h"
#include "app/platform.h"
#include "domain/common/result.h"
#include "store/records.h"

namespace rc::app {

[[nodiscard]] Result<void> seed_demo_practical(Platform& platform, store::Id station_id, const std::string& password_hash,
                                               DemoReport& report);

}  // namespace rc::app
