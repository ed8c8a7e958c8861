#pragma once
// The public certificate API (F19), JSON:
//   GET /api/v1/certificates/verify?number=&name=   or   ?name=&id_number=
//       200 {"certificates":[{number, status, status_label, masked_name, masked_id_number, ...}]};
//       404 when nothing matches (a wrong name looks like an unknown number); 422 incomplete query;
//       429 over the per-IP limit; 503 (status "indeterminate") when the store cannot be read.
//   GET /api/v1/certificates/<number>/status  (what `rescuecert cert verify --status-url` calls)
//       200 {"number", "status": "valid"|"revoked"|"expired", "checked_on": "YYYY-MM-DD"};
//       404 JSON error when unknown or not yet public (R9); 503 with "status":"indeterminate".
// The status endpoint shows no personal data, so it takes no captcha and no rate limit (it is the
// one benchmarked against nginx); the query endpoint does, per IP.

#include "app/platform.h"
#include "web/pages/certificate_support.h"
#include "web/routes.h"

namespace rc::web {
void add_certificate_api(Routes& routes, app::Platform& platform, CertificateWeb& web);
}
