#pragma once
// The organisation's pages (集体申报, R3, F2): its batches, a new batch, a batch's applicants,
// adding one by form, importing the 报名信息表, the template download, and submitting the batch.

#include "app/platform.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
void add_organisation_pages(Routes& routes, app::Platform& platform, const Views& views);
}
