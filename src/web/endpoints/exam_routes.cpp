#include "web/endpoints/exam_routes.h"

#include "web/endpoints/exam_attempt_api.h"
#include "web/pages/exam_pages.h"

namespace rc::web {

void add_exam_routes(Routes& routes, app::Platform& platform, const Views& views) {
  // Owned by the kept objects ONLY (the handlers hold references): they are destroyed after the
  // server's threads stopped but before its io_context, so the journal drains its queue and
  // sends its last replies while the connections can still be torn down in order.
  auto journal = std::make_shared<app::AnswerJournal>(platform.database(), platform.clock(), platform.policies());
  routes.keep(journal);
  add_exam_attempt_api(routes, platform, *journal);
  add_exam_pages(routes, platform, views, *journal);
}

}  // namespace rc::web
