#pragma once
// Use case: an organisation imports the 鉴定申请报名信息表 (.xlsx or .csv) into its draft batch
// (F2, R3). The format is chosen by the file's content (zip magic: .xlsx; otherwise .csv), the
// name's extension only has to be one of .xlsx/.xls/.csv; batch_import validates every row; then
// every applicant is stored in ONE transaction (applicant_entry.h): all or nothing. A duplicate
// within the file or an application still open in any batch (HMAC index) refuses the import.
// Named apart from batch_import's import_applicants (which only reads and validates).
// Thread-safe: each call runs its own transaction.

#include <string_view>

#include "app/batch_import.h"
#include "app/registration/actor.h"
#include "app/registration/registration_settings.h"
#include "domain/common/clock.h"
#include "domain/policy/policy_catalog.h"
#include "identity/personal_data_cipher.h"
#include "store/database.h"

namespace rc::app {

struct ImportedApplicants {
  store::Id batch_id = 0;
  int imported = 0;
  std::vector<store::Id> registration_ids;  // in sheet order
};

using ImportBatchResult = tl::expected<ImportedApplicants, ImportErrors>;

// Refusals: every ImportError of the file (row, column, code, Chinese message); kForbidden,
// kWrongState, kUnsupportedMediaType (file name) as a single row-0 error.
[[nodiscard]] ImportBatchResult import_batch_applicants(store::Database& db, const Clock& clock,
                                                        const PolicyCatalog& policies,
                                                        const identity::PersonalDataCipher& cipher,
                                                        const RegistrationSettings& settings, const Actor& actor,
                                                        store::Id batch_id, std::string_view file_bytes,
                                                        std::string_view file_name);

}  // namespace rc::app
