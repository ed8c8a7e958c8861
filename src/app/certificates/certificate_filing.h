#pragma once
// Use cases of R9 备案 for a station: export the batch of candidates whose certificates it will
// issue (registrations of its batches whose rules decision is completed and that were never
// filed) as a filing, download that filing as the .xlsx the national registry takes, and record
// the day the registry accepted it. The registry needs FULL ID numbers, so the download decrypts
// them and is an audited access of personal data (personal_data_view), each time it happens.
// Issuance then refuses anything unfiled (kCertificateNotFiled, R9).
// Thread-safe.

#include <string>
#include <vector>

#include "app/certificates/certificate_services.h"
#include "app/registration/actor.h"
#include "store/certificate_records.h"

namespace rc::app {

// The new filing's id. kWrongState when nobody is waiting to be filed.
[[nodiscard]] Result<store::Id> export_filing(const CertificateServices& services, const Actor& actor);

struct FilingFile {
  std::string file_name;  // 证书备案_<station code>_<filing id>.xlsx
  std::string xlsx;
};
// kForbidden for another station's filing.
[[nodiscard]] Result<FilingFile> filing_workbook(const CertificateServices& services, const Actor& actor,
                                                 store::Id filing_id);

// kInvalidDate when filed_on is before the export or after today; kConflict when recorded already.
[[nodiscard]] Result<void> record_filing(const CertificateServices& services, const Actor& actor, store::Id filing_id,
                                         CivilDate filed_on);

}  // namespace rc::app
