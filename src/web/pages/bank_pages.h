#pragma once
// The question bank's pages (F8) and the item analysis of a sitting (F11):
//   GET  /station/bank                       items with filters (area, kind, status), supply per
//                                            area against the blueprint, import and export
//   GET  /station/bank/export.xlsx|.json     every item version (import gives back the same bank)
//   POST /station/bank/import                .xlsx or JSON upload, all or nothing, errors per row
//   GET  /station/bank/items/new, POST /station/bank/items            a new item
//   GET  /station/bank/items/:id, POST /station/bank/items/:id        view, edit in place
//   POST /station/bank/items/:id/versions    a new version (the offer when the item is locked)
//   POST /station/bank/items/:id/status      draft / reviewed / retired
//   GET  /station/sittings/:id/analysis(.xlsx)   item analysis of the sitting's marked attempts
// Administrators change the bank (PRODUCT.md: 管理员 owns the question bank); station users read
// it, export it and see the analysis of their sittings. The use cases check again.

#include "app/platform.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
void add_bank_routes(Routes& routes, app::Platform& platform, const Views& views);
}
