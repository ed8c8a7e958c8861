#pragma once
// The check-in part of the demo (`rescuecert demo`, and the browser tests), run after
// seed_demo_exam: the demo proctor has admitted the demo exam's seated candidates at the room door
// (method manual, audited), all but the last one, who waits at the door for the proctor to check in
// (noted "理论考试：待监考员入场核验（准考证号 …）"); candidates without a seat are admitted too, since starting
// requires admission (R6). And a second sitting whose theory session started the late-arrival
// minutes + 5 before the demo was made, with one seated candidate who has not come in (noted
// "理论考试：迟到（准考证号 …）"): the door refuses them (D11). Thread-safe (its own transactions).

#include "app/demo/seed_demo.h"
#include "app/platform.h"
#include "domain/common/result.h"
#include "store/records.h"

namespace rc::app {

[[nodiscard]] Result<void> seed_demo_checkins(Platform& platform, store::Id station_id, DemoReport& report);

}  // namespace rc::app
