#pragma once
// The candidate's pages (考生, R4, F3-F5): 用户中心 (/me: where the application stands, masked
// identity data, the station's reason when returned) and 确认报名 (/me/confirm: photo, ID
// information, face check or the manual check, missing fields, 同意), one POST per step.
//
// Every step names the registration in a hidden field; the use cases check it is the signed-in
// candidate's own (another candidate's is refused with 403). After a POST: 303 to the page with a
// fixed ?done= flag (never user text), or the page again with the refusal (422).

#include "app/platform.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
void add_candidate_pages(Routes& routes, app::Platform& platform, const Views& views);
}
