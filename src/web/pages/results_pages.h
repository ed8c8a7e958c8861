#pragma once
// Results, rights and retake scheduling pages (issue 6: F13-F15; R8, R12, D13, D15, D17):
// the candidate's 成绩查询 and 我的补考/重考权利 (and their JSON under /api/v1/me), the
// organisation's 考生成绩, and the station's 成绩管理 per sitting with the .xlsx export. Every
// route names its roles; scores reach candidates and organisations only after publication day.

#include "app/platform.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
void add_results_pages(Routes& routes, app::Platform& platform, const Views& views);
}
