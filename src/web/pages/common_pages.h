#pragma once
// Pages every visitor reaches: the home redirect, static files, logout, and the administrators'
// pages (the SMS outbox).

#include "app/platform.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
void add_common_pages(Routes& routes, app::Platform& platform, const Views& views);
}
