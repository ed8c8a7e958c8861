#include "web/api.h"

#include "web/endpoints/healthz.h"
#include "web/endpoints/metrics.h"
#include "web/endpoints/rules_evaluate.h"

namespace rc::web {

void install_routes(Routes& routes, Metrics& metrics, app::Platform& platform) {
  add_healthz(routes, platform);
  add_metrics(routes, metrics);
  add_rules_evaluate(routes, platform, metrics);
}

}  // namespace rc::web
