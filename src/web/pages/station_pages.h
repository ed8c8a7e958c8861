#pragma once
// The station's review pages (鉴定站, F5): the queue of applications waiting for review (masked
// ID numbers), one application in full (an audited view of personal data: the only page that
// shows the whole ID number, with the photo inline), and the two decisions: 审核通过 (with the
// fee received for a re-registration, D15) and 退回 with a required reason.
//
// After a decision: 303 to the queue with a fixed ?done= flag (never user text), or the detail
// page again with the refusal (422).

#include "app/platform.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
void add_station_pages(Routes& routes, app::Platform& platform, const Views& views);
}
