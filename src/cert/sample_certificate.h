#pragma once
// A fictitious demo candidate's certificate content (`rescuecert cert sample`, tests, benchmarks,
// fuzz seeds). The number follows the explicitly fictitious demo scheme of DOMAIN.md §3; the person,
// the ID number (valid checksum, fictitious) and the station are made up.

#include "cert/certificate_content.h"

namespace rc::cert {

CertificateContent sample_certificate_content(CivilDate issued_on);

}  // namespace rc::cert
