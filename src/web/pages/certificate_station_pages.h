#pragma once
// The station's certificate pages (F16, R9, F20, F21): 证书管理 (/station/certificates: filing
// export and record, batch issuance with a progress bar, issued certificates with revocation),
// the issuance job page and its JSON progress endpoint, and 补发审核 (/station/reissues).
// Station users only; the use cases check every record is this station's.

#include "app/platform.h"
#include "web/pages/certificate_support.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
void add_certificate_station_pages(Routes& routes, app::Platform& platform, const Views& views, CertificateWeb& web);
}
