#pragma once
// Every issuance and revocation is appended to the transparency log in the same transaction as
// the change (issue 4). One function here so the use cases do not depend on how the log stores
// its leaves.

#include <string_view>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

enum class CertificateLogKind { kIssue, kRevoke };

[[nodiscard]] Result<void> log_certificate_event(store::Transaction& tx, CertificateLogKind kind,
                                                 std::string_view number, std::string_view file_digest,
                                                 std::string_view reason, store::Timestamp at);

}  // namespace rc::app
