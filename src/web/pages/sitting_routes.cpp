#include "web/pages/sitting_routes.h"

namespace rc::web {

void add_sitting_routes(Routes& routes, app::Platform& platform, const Views& views) {
  add_sitting_station_pages(routes, platform, views);
  add_ticket_pages(routes, platform, views);
}

}  // namespace rc::web
