#pragma once
// The examiner's pages (考评员, F12, R7, R12b), laid out for a tablet (big touch targets):
//   GET  /examiner                                   today's practical rooms (sitting_staff duty examiner)
//   GET  /examiner/sittings/:s/rooms/:r              the station: scan or type a ticket; candidates drawn here
//   POST /examiner/sittings/:s/rooms/:r/open         ticket (number or QR text) -> claim + draw -> 303 to the draw
//   GET  /examiner/draws/:id                         the draw (shown to the candidate before the item starts),
//                                                    the checklist to score, the group's progress, the result
//   POST /examiner/draws/:id/sheet                   this examiner's sheet (fields l.<item>.<line>, veto.<id>)
//   POST /examiner/draws/:id/onsite-retake           start the same-day on-site retake (R12b)
//   POST /examiner/draws/:id/onsite-retake/decline   record that the candidate declined it (D4)
// Role examiner only; the use cases check that the examiner is assigned to the room (kForbidden).

#include "app/platform.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
void add_examiner_routes(Routes& routes, app::Platform& platform, const Views& views);
}
