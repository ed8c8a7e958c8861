#include "app/registration/own_application.h"

#include "store/candidate_repository.h"
#include "store/registration_repository.h"

namespace rc::app {

Result<OwnApplication> own_application(store::Transaction& tx, const Actor& actor, store::Id registration_id) {
  auto reg = store::RegistrationRepository(tx).find(registration_id);
  if (!reg) return fail(reg.error());
  if (auto allowed = require_candidate(actor, reg->candidate_id); !allowed) return fail(allowed.error());
  auto candidate = store::CandidateRepository(tx).find(reg->candidate_id);
  if (!candidate) return fail(candidate.error());
  return OwnApplication{std::move(*reg), std::move(*candidate)};
}

Result<OwnApplication> confirmable_application(store::Transaction& tx, const Actor& actor, store::Id registration_id) {
  auto app = own_application(tx, actor, registration_id);
  if (!app) return app;
  const auto s = app->registration.status;
  if (s == store::RegistrationStatus::kSubmitted || s == store::RegistrationStatus::kReturned) return app;
  if (s == store::RegistrationStatus::kDraft)
    return fail(ErrorCode::kWrongState, "status", "申报单位尚未提交该报名，暂不能确认");
  return fail(ErrorCode::kWrongState, "status", "报名已确认提交，正在审核或已审核，不能再修改");
}

std::vector<MissingItem> missing_items(const store::Candidate& candidate, const CandidateDetails& details,
                                       const ConfirmationProgress& progress, bool photo_on_file) {
  std::vector<MissingItem> out;
  if (!progress.photo_accepted_at || !photo_on_file) out.push_back({"photo", "上传本人证件照片"});
  if (!progress.id_confirmed_at) out.push_back({"id_confirmed", "核对并确认身份信息"});
  if (!progress.face_done()) out.push_back({"face_check", "人脸核验（或申请人工审核）"});
  if (details.address.empty()) out.push_back({"address", "通讯地址"});
  if (details.emergency_contact_name.empty()) out.push_back({"emergency_contact_name", "紧急联系人姓名"});
  if (details.emergency_contact_phone.empty()) out.push_back({"emergency_contact_phone", "紧急联系人电话"});
  if (!candidate.health_declared) out.push_back({"health_declared", "身体健康声明"});
  return out;
}

std::string_view registration_status_label(store::RegistrationStatus status) {
  switch (status) {
    case store::RegistrationStatus::kDraft: return "申报单位填报中";
    case store::RegistrationStatus::kSubmitted: return "待本人确认";
    case store::RegistrationStatus::kConfirmed: return "已确认，等待鉴定站审核";
    case store::RegistrationStatus::kApproved: return "审核通过";
    case store::RegistrationStatus::kReturned: return "已退回，请修改后重新提交";
  }
  return "";
}

}  // namespace rc::app
