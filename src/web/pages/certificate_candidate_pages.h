#pragma once
// The holder's certificate pages (F18, R11, F20): 用户中心 → 证书下载 (/me/certificates: the
// information on each certificate, 下载电子证书 as OFD and as PDF) and 补发申请 (/me/reissue:
// for a lost or damaged PAPER certificate; an electronic one is issued, paper never is).
// Candidates only; the use cases check the certificate is the signed-in holder's own.

#include "app/platform.h"
#include "web/pages/certificate_support.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
void add_certificate_candidate_pages(Routes& routes, app::Platform& platform, const Views& views, CertificateWeb& web);
}
