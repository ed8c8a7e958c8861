#pragma once
// Use case: a holder of a lost or damaged PAPER certificate applies for its electronic reissue
// (补发, F20, R10): the old certificate's number, its issue date and the reason. Paper is never
// reissued. The application goes to the station that issued the old certificate when it is in
// the store, else to the station of the candidate's latest registration. Audited. Thread-safe.

#include <string>
#include <vector>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "store/certificate_records.h"
#include "store/database.h"

namespace rc::app {

struct ReissueRequest {
  std::string old_number;
  std::string old_issued_on;  // YYYY-MM-DD as typed
  std::string reason;         // "lost" | "damaged"
};

// kForbidden unless a candidate; kMissingField / kInvalidDate / kInvalidValue for the form;
// kForbidden when the old number is another person's; kConflict when one is already pending;
// kWrongState when the candidate has no registration (no station to apply to); kCertificateRevoked
// when the old certificate was revoked by the station (not lost or damaged).
[[nodiscard]] Result<store::Id> apply_for_reissue(store::Database& db, const Clock& clock, const Actor& actor,
                                                  const ReissueRequest& request);

// The candidate's own applications, newest first.
[[nodiscard]] Result<std::vector<store::ReissueApplication>> own_reissue_applications(store::Database& db,
                                                                                      const Actor& actor);

std::string_view reissue_reason_label(store::ReissueReason r);  // 遗失 | 损毁
std::string_view reissue_status_label(store::ReissueStatus s);  // 待审核 | 已补发 | 不予补发

}  // namespace rc::app
