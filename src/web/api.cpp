#include "web/api.h"

#include <stdexcept>

#include "store/records.h"
#include "web/endpoints/exam_routes.h"
#include "web/endpoints/healthz.h"
#include "web/endpoints/metrics.h"
#include "web/endpoints/rules_evaluate.h"
#include "web/endpoints/transparency_log.h"
#include "web/gatekeeper.h"
#include "web/pages/bank_pages.h"
#include "web/pages/candidate_pages.h"
#include "web/pages/certificate_routes.h"
#include "web/pages/common_pages.h"
#include "web/pages/examiner_pages.h"
#include "web/pages/login_pages.h"
#include "web/pages/organisation_pages.h"
#include "web/pages/proctor_pages.h"
#include "web/pages/results_pages.h"
#include "web/pages/sitting_routes.h"
#include "web/pages/station_pages.h"
#include "web/views.h"

namespace rc::web {
namespace {

// The visitor's session from its token: the session store says whether it is live (a disabled
// account's sessions are not) and brings the account's name and linked entity in the same read.
SessionLookup session_lookup(app::Platform& platform) {
  return [&platform](std::string_view token) -> std::optional<VisitorSession> {
    auto s = platform.sessions().find(token);
    if (!s) return std::nullopt;
    auto role = store::enum_from_text<store::Role>(s->role);
    if (!role) return std::nullopt;
    VisitorSession v{s->user_id, *role, s->stage == identity::Stage::kFull, s->csrf_token, {}};
    v.display_name = s->username;
    v.entity_id = s->entity_id;
    return v;
  };
}

}  // namespace

void install_routes(Routes& routes, Metrics& metrics, app::Platform& platform) {
  auto views = Views::embedded();
  if (!views) throw std::runtime_error(views.error().message);  // a build defect, not input
  auto shared_views = std::make_shared<Views>(std::move(*views));
  auto gate = std::make_shared<Gatekeeper>(session_lookup(platform), platform.random(),
                                           platform.config().http.secure_cookies);
  routes.keep(shared_views);
  routes.keep(gate);
  routes.set_gatekeeper(gate.get());

  add_healthz(routes, platform);
  add_metrics(routes, metrics);
  add_rules_evaluate(routes, platform, metrics);
  add_transparency_log(routes, platform);
  add_common_pages(routes, platform, *shared_views);
  add_login_pages(routes, platform, *shared_views);
  add_organisation_pages(routes, platform, *shared_views);
  add_candidate_pages(routes, platform, *shared_views);
  add_station_pages(routes, platform, *shared_views);
  add_certificate_routes(routes, platform, *shared_views);
  add_exam_routes(routes, platform, *shared_views);
  add_sitting_routes(routes, platform, *shared_views);
  add_examiner_routes(routes, platform, *shared_views);
  add_bank_routes(routes, platform, *shared_views);
  add_proctor_routes(routes, platform, *shared_views);
  add_results_pages(routes, platform, *shared_views);
}

}  // namespace rc::web
