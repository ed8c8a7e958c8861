#include "web/endpoints/healthz.h"

namespace rc::web {

void add_healthz(Routes& routes, app::Platform& platform) {
  routes.get("/healthz", [&platform](const Request&, const RouteParams&) {
    auto health = platform.health();
    return json_reply(health.value("status", "") == "ok" ? 200 : 503, health);
  });
}

}  // namespace rc::web
