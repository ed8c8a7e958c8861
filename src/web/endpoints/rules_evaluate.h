#pragma once
// POST /api/v1/rules/evaluate: the rules interface of RULES.md. Takes the same JSON document as
// `rescuecert rules evaluate` and returns the same decision; bad input gets 422 and a JSON error
// naming the field and the reason; a body that is not JSON by its content type gets 415.

#include "app/platform.h"
#include "web/metrics.h"
#include "web/routes.h"

namespace rc::web {
void add_rules_evaluate(Routes& routes, app::Platform& platform, Metrics& metrics);
}
