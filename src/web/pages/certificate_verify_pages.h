#pragma once
// The public verification page (F19, R11), open to anyone: /verify asks for the certificate
// number + name, or name + ID number, with an image captcha and a per-IP rate limit, and shows
// masked personal data (张*明, 5113**********1236) and the status 有效 / 已撤销 / 已过期 — never
// the photo. /verify?no=<number> is what the certificate's QR code opens: the status of that
// number with the masked name only. When the status cannot be read the page says 无法确定 (503).

#include "app/platform.h"
#include "web/pages/certificate_support.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
void add_certificate_verify_pages(Routes& routes, app::Platform& platform, const Views& views, CertificateWeb& web);
}
