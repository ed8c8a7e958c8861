#pragma once
// GET /healthz: 200 {"status":"ok",...} when the database answers, 503 otherwise.

#include "app/platform.h"
#include "web/routes.h"

namespace rc::web {
void add_healthz(Routes& routes, app::Platform& platform);
}
