#pragma once
// GET /metrics: Prometheus text exposition of the server's counters and histograms.

#include "web/metrics.h"
#include "web/routes.h"

namespace rc::web {
void add_metrics(Routes& routes, Metrics& metrics);
}
