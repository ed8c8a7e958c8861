#include "web/endpoints/rules_evaluate.h"

#include "app/rules_evaluation.h"
#include "web/request_checks.h"

namespace rc::web {

void add_rules_evaluate(Routes& routes, app::Platform& platform, Metrics& metrics) {
  routes.post("/api/v1/rules/evaluate", [&platform, &metrics](const Request& req, const RouteParams&) {
    if (auto e = require_json_body(req); !e) return error_reply(e.error());
    auto decision = app::evaluate_rules_document(req->body(), platform.policies());
    if (!decision) {
      metrics.rules_refusals.fetch_add(1, std::memory_order_relaxed);
      return error_reply(decision.error());
    }
    metrics.rules_evaluations.fetch_add(1, std::memory_order_relaxed);
    return json_reply(200, *decision);
  });
}

}  // namespace rc::web
