#pragma once
// Logging in (R11, F3): username or ID number + password + image captcha, then the SMS code;
// first login (activation with ID number, phone and SMS code, setting a password).

#include "app/platform.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
void add_login_pages(Routes& routes, app::Platform& platform, const Views& views);
}
