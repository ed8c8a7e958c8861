#pragma once
// Every route of the platform, installed in one place so that the permission test and the route
// list can see them all.

#include "app/platform.h"
#include "web/metrics.h"
#include "web/routes.h"

namespace rc::web {
void install_routes(Routes& routes, Metrics& metrics, app::Platform& platform);
}
