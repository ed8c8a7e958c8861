#pragma once
// The theory exam part of the demo (`rescuecert demo`, and the browser tests): a sitting at the
// demo station whose theory session starts when the demo is made (so it is open for the next 100
// minutes), in 第一考场 (30 seats) with the demo proctor and examiner assigned, where up to three
// approved candidates with no exam history are seated (seat plan, admission tickets, sealed
// papers). Their logins are added to the report, noted "理论考试：可开始作答". A second sitting
// 30 days on (第一考场 + 第二考场, 70 seats, nobody seated) lets the station assign from the UI.
// Thread-safe (its own transactions).

#include "app/demo/seed_demo.h"
#include "app/platform.h"
#include "domain/common/result.h"
#include "store/records.h"

namespace rc::app {

[[nodiscard]] Result<void> seed_demo_exam(Platform& platform, store::Id station_id, DemoReport& report);

}  // namespace rc::app
