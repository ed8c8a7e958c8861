#include "web/endpoints/metrics.h"

namespace rc::web {

void add_metrics(Routes& routes, Metrics& metrics) {
  routes.get("/metrics", [&metrics](const Request&, const RouteParams&) {
    return text_reply(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render());
  });
}

}  // namespace rc::web
