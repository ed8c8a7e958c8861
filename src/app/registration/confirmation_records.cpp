#include "app/registration/confirmation_records.h"

#include "app/registration/registration_sql.h"
#include "store/statement.h"
#include "store/storage_error.h"

namespace rc::app {

using store::Statement;
using store::guarded;

Result<CandidateDetails> ConfirmationRecords::details(store::Id candidate_id) {
  return guarded("读取考生联系信息", [&]() -> Result<CandidateDetails> {
    CandidateDetails d;
    Statement st(tx_, sql::kSelectDetails);
    st.bind(candidate_id).into(d.employer).into(d.address).into(d.emergency_contact_name).into(d.emergency_contact_phone);
    if (!st.execute()) return CandidateDetails{};
    return d;
  });
}

Result<void> ConfirmationRecords::save_details(store::Id candidate_id, const CandidateDetails& d, store::Timestamp now) {
  return guarded("保存考生联系信息", [&]() -> Result<void> {
    Statement ins(tx_, sql::kInsertDetailsIfMissing);
    ins.bind(candidate_id).bind(now).execute();
    Statement st(tx_, sql::kUpdateDetails);
    st.bind(d.employer).bind(d.address).bind(d.emergency_contact_name).bind(d.emergency_contact_phone);
    st.bind(now).bind(candidate_id).execute();
    return ok();
  });
}

Result<ConfirmationProgress> ConfirmationRecords::progress(store::Id registration_id) {
  return guarded("读取报名确认进度", [&]() -> Result<ConfirmationProgress> {
    ConfirmationProgress p;
    Statement st(tx_, sql::kSelectProgress);
    st.bind(registration_id).into(p.photo_accepted_at).into(p.id_confirmed_at).into(p.face_verified_at);
    st.into(p.face_failures).into(p.manual_review_requested_at).into(p.agreed_at);
    if (!st.execute()) return ConfirmationProgress{};
    return p;
  });
}

void ConfirmationRecords::ensure_progress_row(store::Id registration_id, store::Timestamp now) {
  Statement ins(tx_, sql::kInsertProgressIfMissing);
  ins.bind(registration_id).bind(now).execute();
}

Result<void> ConfirmationRecords::mark(store::Id registration_id, ConfirmationStep step, store::Timestamp now) {
  return guarded("保存报名确认进度", [&]() -> Result<void> {
    ensure_progress_row(registration_id, now);
    std::string_view text = sql::kMarkPhoto;
    switch (step) {
      case ConfirmationStep::kPhoto: text = sql::kMarkPhoto; break;
      case ConfirmationStep::kIdConfirmed: text = sql::kMarkIdConfirmed; break;
      case ConfirmationStep::kFaceVerified: text = sql::kMarkFaceVerified; break;
      case ConfirmationStep::kManualReview: text = sql::kMarkManualReview; break;
      case ConfirmationStep::kAgreed: text = sql::kMarkAgreed; break;
    }
    Statement st(tx_, text);
    st.bind(now).bind(now).bind(registration_id).execute();
    return ok();
  });
}

Result<void> ConfirmationRecords::add_face_failure(store::Id registration_id, store::Timestamp now) {
  return guarded("保存人脸核验结果", [&]() -> Result<void> {
    ensure_progress_row(registration_id, now);
    Statement st(tx_, sql::kAddFaceFailure);
    st.bind(now).bind(registration_id).execute();
    return ok();
  });
}

Result<void> ConfirmationRecords::clear_face_verification(store::Id registration_id, store::Timestamp now) {
  return guarded("保存报名确认进度", [&]() -> Result<void> {
    Statement st(tx_, sql::kClearFaceVerified);
    st.bind(now).bind(registration_id).execute();
    return ok();
  });
}

Result<void> ConfirmationRecords::clear_agreement(store::Id registration_id, store::Timestamp now) {
  return guarded("保存报名确认进度", [&]() -> Result<void> {
    Statement st(tx_, sql::kClearAgreement);
    st.bind(now).bind(registration_id).execute();
    return ok();
  });
}

Result<void> ConfirmationRecords::record_face_verification(const FaceVerificationRecord& r) {
  return guarded("保存人脸核验结果", [&]() -> Result<void> {
    Statement st(tx_, sql::kInsertFaceVerification);
    st.bind(r.registration_id).bind(r.at).bind(r.method).bind(r.distance_milli).bind(r.same_person).execute();
    return ok();
  });
}

}  // namespace rc::app
