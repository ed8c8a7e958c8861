#pragma once
// Use case: the candidate asks for a manual identity check instead of the face check (R4;
// 《人脸识别技术应用安全管理办法》: face recognition must not be the only way). Available after
// settings.face_failures_before_manual_review failed face checks, or at once for documents the
// face check does not support (anything but the mainland 居民身份证, D16). The station then
// compares photo and ID in review_detail. Audited. Thread-safe.

#include "app/registration/actor.h"
#include "app/registration/registration_settings.h"
#include "domain/common/clock.h"
#include "store/database.h"

namespace rc::app {

// kManualReviewUnavailable before enough failures; kWrongState when the face check already
// passed or the application is not open; kForbidden.
[[nodiscard]] Result<void> request_manual_review(store::Database& db, const Clock& clock,
                                                 const RegistrationSettings& settings, const Actor& actor,
                                                 store::Id registration_id);

}  // namespace rc::app
