#include "app/registration/request_manual_review.h"

#include "app/registration/confirmation_records.h"
#include "app/registration/own_application.h"

namespace rc::app {

Result<void> request_manual_review(store::Database& db, const Clock& clock, const RegistrationSettings& settings,
                                   const Actor& actor, store::Id registration_id) {
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<void> {
    auto app = confirmable_application(tx, actor, registration_id);
    if (!app) return fail(app.error());
    ConfirmationRecords records(tx);
    auto progress = records.progress(registration_id);
    if (!progress) return fail(progress.error());
    if (progress->face_verified_at) return fail(ErrorCode::kWrongState, "face_check", "人脸核验已通过，无需人工审核");
    const bool unsupported_document = app->candidate.document_type != store::DocumentType::kResidentId;
    if (!unsupported_document && progress->face_failures < settings.face_failures_before_manual_review)
      return fail(ErrorCode::kManualReviewUnavailable, "face_check",
                  "人脸核验连续 " + std::to_string(settings.face_failures_before_manual_review) +
                      " 次未通过后方可申请人工审核（已失败 " + std::to_string(progress->face_failures) + " 次）");
    if (auto m = records.mark(registration_id, ConfirmationStep::kManualReview, now); !m) return m;
    nlohmann::json detail{{"face_failures", progress->face_failures}, {"unsupported_document", unsupported_document}};
    return audit(tx, actor, now, {"face.manual_review_requested", "registration", registration_id, detail});
  });
}

}  // namespace rc::app
