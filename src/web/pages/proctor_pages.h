#pragma once
// The proctor's pages at the theory exam room (监考员, F10; R6, D11), for a laptop or tablet:
//   GET  /proctor                                  my sittings and rooms today
//   GET  /proctor/sittings/:id/rooms/:room         the room list (seat, name, masked ID number,
//                                                  待入场/已入场/缺考, counts), the scan box and
//                                                  the incident form
//   POST /proctor/sittings/:id/rooms/:room/lookup  the candidate card for a scanned QR text or a
//                                                  typed ticket number (photo, masked ID number)
//   POST .../face                                  webcam snapshot → 1:1 face check → admitted
//   POST .../admit                                 the manual fallback: admitted with a reason
//   POST .../incidents                             an incident (kind, description, candidate)
// Every route: the proctor role (gatekeeper) and the assignment to that room (the use cases,
// kForbidden). Face checks are rate-limited per proctor. After a change: 303 back to the room
// with a fixed ?done= flag; a refusal re-renders the room with its Chinese message.

#include "app/platform.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
void add_proctor_routes(Routes& routes, app::Platform& platform, const Views& views);
}
