#pragma once
// Appeals (成绩复核, D13) and retake scheduling (F15, D15) pages: the candidate's appeal form on
// 成绩查询, the station's 成绩复核 list and decisions, and the station's and organisation's
// 补考安排 (candidates with a right, later sittings, re-registration). Installed by
// add_results_pages.

#include "app/platform.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
void add_appeal_pages(Routes& routes, app::Platform& platform, const Views& views);
}
