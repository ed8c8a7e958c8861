#include "app/certificates/apply_for_reissue.h"

#include "app/applicant_fields.h"
#include "store/batch_repository.h"
#include "store/certificate_issue_repository.h"
#include "store/registration_repository.h"
#include "store/reissue_repository.h"

namespace rc::app {
namespace {

Result<store::ReissueApplication> parse(const ReissueRequest& r, CivilDate today) {
  store::ReissueApplication a;
  a.old_number = std::string(trim_cell(r.old_number));
  if (a.old_number.empty() || a.old_number.size() > 64)
    return fail(ErrorCode::kMissingField, "old_number", "请填写原证书编号（不超过 64 个字符）");
  auto on = CivilDate::parse(trim_cell(r.old_issued_on));
  if (!on || *on > today) return fail(ErrorCode::kInvalidDate, "old_issued_on", "请填写正确的原证书发证日期（如 2023-06-30）");
  a.old_issued_on = *on;
  auto reason = store::enum_from_text<store::ReissueReason>(r.reason);
  if (!reason) return fail(ErrorCode::kInvalidValue, "reason", "请选择补发原因：遗失或损毁");
  a.reason = *reason;
  return a;
}

// The station of the candidate's latest registration, if any.
Result<std::optional<store::Id>> latest_station(store::Transaction& tx, store::Id candidate_id) {
  auto regs = store::RegistrationRepository(tx).list_by_candidate(candidate_id);
  if (!regs) return fail(regs.error());
  if (regs->empty()) return std::optional<store::Id>{};
  auto batch = store::BatchRepository(tx).find(regs->back().batch_id);
  if (!batch) return fail(batch.error());
  return std::optional<store::Id>{batch->station_id};
}

}  // namespace

std::string_view reissue_reason_label(store::ReissueReason r) { return r == store::ReissueReason::kLost ? "遗失" : "损毁"; }

std::string_view reissue_status_label(store::ReissueStatus s) {
  switch (s) {
    case store::ReissueStatus::kPending: return "待鉴定站审核";
    case store::ReissueStatus::kApproved: return "已补发电子证书";
    case store::ReissueStatus::kRefused: return "不予补发";
  }
  return "";
}

Result<store::Id> apply_for_reissue(store::Database& db, const Clock& clock, const Actor& actor,
                                    const ReissueRequest& request) {
  if (actor.role != store::Role::kCandidate) return fail(ErrorCode::kForbidden, "", "只有持证人本人可以申请补发");
  const auto now = to_timestamp(clock.now());
  auto a = parse(request, china_date(now));
  if (!a) return fail(a.error());
  a->candidate_id = actor.entity_id;
  a->created_at = now;
  return db.transaction([&](store::Transaction& tx) -> Result<store::Id> {
    store::ReissueRepository reissues(tx);
    auto mine = reissues.list_by_candidate(actor.entity_id);
    if (!mine) return fail(mine.error());
    for (const auto& m : *mine)
      if (m.status == store::ReissueStatus::kPending)
        return fail(ErrorCode::kConflict, "old_number", "您已有一份待审核的补发申请，请等待鉴定站处理");
    auto old = store::CertificateIssueRepository(tx).listing_by_number(a->old_number);
    if (!old) return fail(old.error());
    if (*old) {
      if ((*old)->issue.candidate_id != actor.entity_id)
        return fail(ErrorCode::kForbidden, "old_number", "该证书编号不属于您，只能为本人的证书申请补发");
      const auto& c = (*old)->certificate;
      // A certificate the station revoked is not "lost or damaged": reissue would undo the revocation.
      if (c.status == store::CertificateStatus::kRevoked && c.revoked_reason && !c.revoked_reason->starts_with("已补发"))
        return fail(ErrorCode::kCertificateRevoked, "old_number", "该证书已被撤销，不能申请补发", "F21");
      a->old_certificate_id = c.id;
      a->station_id = (*old)->issue.station_id;
    } else {
      auto station = latest_station(tx, actor.entity_id);
      if (!station) return fail(station.error());
      if (!*station) return fail(ErrorCode::kWrongState, "", "未找到您的报名记录，无法确定受理的鉴定站");
      a->station_id = **station;
    }
    auto id = reissues.insert(*a);
    if (!id) return fail(id.error());
    nlohmann::json detail{{"old_number", a->old_number}, {"reason", std::string(store::to_text(a->reason))}};
    if (auto r = audit(tx, actor, now, {"certificate.reissue_apply", "reissue_application", *id, detail}); !r)
      return fail(r.error());
    return *id;
  });
}

Result<std::vector<store::ReissueApplication>> own_reissue_applications(store::Database& db, const Actor& actor) {
  if (actor.role != store::Role::kCandidate) return fail(ErrorCode::kForbidden, "", "只有考生本人可以查看");
  return db.read([&](store::Transaction& tx) { return store::ReissueRepository(tx).list_by_candidate(actor.entity_id); });
}

}  // namespace rc::app
