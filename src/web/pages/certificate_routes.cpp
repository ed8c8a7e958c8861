#include "web/pages/certificate_routes.h"

#include "web/endpoints/certificate_api.h"
#include "web/pages/certificate_candidate_pages.h"
#include "web/pages/certificate_station_pages.h"
#include "web/pages/certificate_support.h"
#include "web/pages/certificate_verify_pages.h"

namespace rc::web {

void add_certificate_routes(Routes& routes, app::Platform& platform, const Views& views) {
  auto web = std::make_shared<CertificateWeb>(platform);
  routes.keep(web);
  add_certificate_candidate_pages(routes, platform, views, *web);
  add_certificate_station_pages(routes, platform, views, *web);
  add_certificate_verify_pages(routes, platform, views, *web);
  add_certificate_api(routes, platform, *web);
}

}  // namespace rc::web
