#pragma once
// Every certificate route (issue 4) behind one install line: the holder's, the station's and the
// public pages, and the certificate API, sharing one CertificateWeb (certificate_support.h).

#include "app/platform.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
void add_certificate_routes(Routes& routes, app::Platform& platform, const Views& views);
}
