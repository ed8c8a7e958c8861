#include "app/certificates/decide_reissue.h"

#include "app/applicant_fields.h"
#include "app/certificates/issue_certificates.h"
#include "store/batch_repository.h"
#include "store/candidate_repository.h"
#include "store/certificate_repository.h"
#include "store/registration_repository.h"
#include "store/reissue_repository.h"

namespace rc::app {
namespace {

Result<store::ReissueApplication> pending_of_station(store::Transaction& tx, const Actor& actor, store::Id id) {
  auto a = store::ReissueRepository(tx).find(id);
  if (!a) return fail(a.error());
  if (auto ok = require_station(actor, a->station_id); !ok) return fail(ok.error());
  if (a->status != store::ReissueStatus::kPending)
    return fail(ErrorCode::kWrongState, "status", "该补发申请已处理，请刷新页面");
  return *a;
}

// What to issue for: the old certificate's registration, or the latest completed and filed one
// at this station.
Result<PreparedCertificate> prepare_reissue(store::Transaction& tx, const CertificateServices& s, const Actor& actor,
                                            const store::ReissueApplication& a, CivilDate today) {
  std::vector<store::Id> tries;
  if (a.old_certificate_id) {
    auto old = store::CertificateRepository(tx).find(*a.old_certificate_id);
    if (!old) return fail(old.error());
    tries.push_back(old->registration_id);
  } else {
    auto regs = store::RegistrationRepository(tx).list_by_candidate(a.candidate_id);
    if (!regs) return fail(regs.error());
    for (auto it = regs->rbegin(); it != regs->rend(); ++it) tries.push_back(it->id);
  }
  Error last = make_error(ErrorCode::kCertificateNotCompleted, "", "该考生没有可据以补发的合格记录（D6）", "D6");
  for (store::Id id : tries) {
    auto p = prepare_certificate(tx, s, actor, id, today, {true});
    if (p && *p) {
      // The certificate being replaced: the old one when stored, else the registration's valid one.
      auto held = store::CertificateRepository(tx).list_by_registration(id);
      if (!held) return fail(held.error());
      (*p)->reissue_of = a.old_certificate_id;
      for (const auto& c : *held)
        if (!a.old_certificate_id && c.status == store::CertificateStatus::kValid) (*p)->reissue_of = c.id;
      return std::move(**p);
    }
    if (!p && p.error().code == ErrorCode::kStorageFailure) return fail(p.error());
    if (!p && p.error().code != ErrorCode::kForbidden) last = p.error();
  }
  return fail(last);
}

Result<void> refuse(const CertificateServices& s, const Actor& actor, const ReissueVerdict& v) {
  const std::string why(trim_cell(v.reason));
  if (why.empty() || why.size() > 600) return fail(ErrorCode::kReasonRequired, "reason", "不予补发必须填写原因（不超过 200 字）");
  const auto now = to_timestamp(s.clock.now());
  return s.db.transaction([&](store::Transaction& tx) -> Result<void> {
    auto a = pending_of_station(tx, actor, v.application_id);
    if (!a) return fail(a.error());
    store::ReissueDecision d{store::ReissueStatus::kRefused, why, actor.user_id, now, std::nullopt};
    if (auto r = store::ReissueRepository(tx).decide(a->id, d); !r) return r;
    return audit(tx, actor, now, {"certificate.reissue_refuse", "reissue_application", a->id, {{"reason", why}}});
  });
}

}  // namespace

Result<std::optional<std::string>> decide_reissue(const CertificateServices& s, const Actor& actor,
                                                  const ReissueVerdict& v) {
  if (!v.approve) {
    if (auto r = refuse(s, actor, v); !r) return fail(r.error());
    return std::optional<std::string>{};
  }
  const auto now = to_timestamp(s.clock.now());
  auto prepared = s.db.read([&](store::Transaction& tx) -> Result<std::pair<store::ReissueApplication, PreparedCertificate>> {
    auto a = pending_of_station(tx, actor, v.application_id);
    if (!a) return fail(a.error());
    auto p = prepare_reissue(tx, s, actor, *a, china_date(now));
    if (!p) return fail(p.error());
    return std::make_pair(*a, std::move(*p));
  });
  if (!prepared) return fail(prepared.error());
  const auto application = prepared->first;
  auto also = [&](store::Transaction& tx, const std::vector<store::Id>& ids, const std::vector<std::string>& numbers) -> Result<void> {
    store::ReissueDecision d{store::ReissueStatus::kApproved, std::nullopt, actor.user_id, now, ids.front()};
    if (auto r = store::ReissueRepository(tx).decide(application.id, d); !r)
      return fail(ErrorCode::kWrongState, "status", "该补发申请已处理，请刷新页面");
    return audit(tx, actor, now, {"certificate.reissue_approve", "reissue_application", application.id,
                                  {{"number", numbers.front()}}});
  };
  std::vector<PreparedCertificate> chunk;
  chunk.push_back(std::move(prepared->second));
  auto done = commit_prepared(s, actor, std::move(chunk), also);
  if (!done) return fail(done.error());
  if (done->numbers.empty()) return fail(ErrorCode::kConflict, "", "补发未完成，请重试");
  return std::optional<std::string>{done->numbers.front()};
}

Result<std::vector<StationReissue>> station_reissue_applications(store::Database& db, const Actor& actor) {
  if (actor.role != store::Role::kStation) return fail(ErrorCode::kForbidden, "", "只有鉴定站可以查看补发申请");
  return db.read([&](store::Transaction& tx) -> Result<std::vector<StationReissue>> {
    auto list = store::ReissueRepository(tx).list_by_station(actor.entity_id);
    if (!list) return fail(list.error());
    std::vector<StationReissue> out;
    for (auto& a : *list) {
      auto c = store::CandidateRepository(tx).find(a.candidate_id);
      if (!c) return fail(c.error());
      out.push_back({a, c->name, c->id_number_masked});
    }
    return out;
  });
}

}  // namespace rc::app
