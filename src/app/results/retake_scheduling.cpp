#include "app/results/retake_scheduling.h"

#include "app/results/candidate_history.h"
#include "app/results/candidate_rights.h"
#include <set>

#include "store/appeal_repository.h"
#include "store/batch_repository.h"
#include "store/candidate_repository.h"
#include "store/registration_repository.h"
#include "store/sitting_repository.h"

namespace rc::app {
namespace {

// The registration and its batch, if the actor may schedule for it (station of the batch, or its organisation).
Result<std::pair<store::Registration, store::Batch>> schedulable(store::Transaction& tx, const Actor& actor,
                                                                 store::Id registration_id) {
  if (actor.role != store::Role::kStation && actor.role != store::Role::kOrganisation)
    return fail(ErrorCode::kForbidden, "role", "只有鉴定站或集体申报单位可以安排补考");
  auto reg = store::RegistrationRepository(tx).find(registration_id);
  if (!reg) return fail(reg.error());
  auto batch = store::BatchRepository(tx).find(reg->batch_id);
  if (!batch) return fail(batch.error());
  const bool own = actor.role == store::Role::kStation ? batch->station_id == actor.entity_id
                                                       : batch->organisation_id == actor.entity_id;
  if (!own) return fail(ErrorCode::kForbidden, "registration_id", "该报名不属于本单位");
  return std::make_pair(*reg, *batch);
}

rules::Subject rules_subject(store::Subject s) {
  return s == store::Subject::kTheory ? rules::Subject::kTheory : rules::Subject::kPractical;
}

Error no_right(const rules::SubjectDecision& d, const std::string& why) {
  return make_error(ErrorCode::kNoRightForSitting, "subject", why, d.rule.empty() ? "R12" : d.rule);
}

}  // namespace

Result<store::RetakePlacement> schedule_retake(store::Database& db, const PolicyCatalog& policies, const Clock& clock,
                                               const Actor& actor, const RetakeRequest& request) {
  const auto now = to_timestamp(clock.now());
  const CivilDate today = china_date(now);
  return db.transaction([&](store::Transaction& tx) -> Result<store::RetakePlacement> {
    auto own = schedulable(tx, actor, request.registration_id);
    if (!own) return fail(own.error());
    const auto& [reg, batch] = *own;
    auto sitting = store::SittingRepository(tx).find(request.sitting_id);
    if (!sitting) return fail(sitting.error());
    if (sitting->station_id != batch.station_id || sitting->level != reg.level)
      return fail(ErrorCode::kInvalidValue, "sitting_id", "只能安排到该考生报名鉴定站同一等级的场次");
    if (sitting->held_on <= today || sitting->status == store::SittingStatus::kCancelled)
      return fail(ErrorCode::kInvalidValue, "sitting_id", "只能安排到今后尚未举行的场次");
    const bool session = request.subject == store::Subject::kTheory ? sitting->theory_starts_at.has_value()
                                                                    : sitting->practical_starts_at.has_value();
    if (!session) return fail(ErrorCode::kInvalidValue, "sitting_id", "该场次没有这一科目的考试");
    auto latest = latest_approved_registration(tx, reg.candidate_id);
    if (!latest) return fail(latest.error());
    if (!*latest || (*latest)->id != reg.id)
      return fail(ErrorCode::kNoRightForSitting, "registration_id", "补考权利只属于考生最近一次审核通过的报名", "R12");
    if (actor.role == store::Role::kOrganisation) {  // R8: organisations act on published results only
      auto held = has_unpublished_result(tx, reg.candidate_id, reg.id, today);
      if (!held) return fail(held.error());
      if (*held)
        return fail(ErrorCode::kResultNotPublished, "registration_id", "该考生的成绩尚未公布，公布后才能安排补考（R8）", "R8");
    }
    auto standing = certificate_standing(tx, policies, reg.id, today);
    if (!standing) return fail(standing.error());
    const auto& d = standing->decision.subject(rules_subject(request.subject));
    if (d.status != rules::SubjectStatus::kRetakeAvailable || !d.kind || !d.deadline ||
        (*d.kind != rules::SittingKind::kRetake && *d.kind != rules::SittingKind::kMakeup))
      return fail(no_right(d, "该考生没有这一科目的补考权利（当前状态：" +
                                  std::string(subject_status_label(d.status)) + "，" + d.rule + "）"));
    if (sitting->held_on > *d.deadline)
      return fail(no_right(d, "补考须在 " + d.deadline->to_string() + " 前参加，该场次（" +
                                  sitting->held_on.to_string() + "）已超过期限（D2）"));
    store::RetakePlacement p;
    p.registration_id = reg.id;
    p.sitting_id = sitting->id;
    p.subject = request.subject;
    p.kind = *d.kind == rules::SittingKind::kMakeup ? store::AttemptKind::kMakeup : store::AttemptKind::kRetake;
    p.rule = d.rule;
    p.deadline = *d.deadline;
    p.fee_fen = 0;  // D15: a free retake or make-up costs 0
    p.placed_at = now;
    p.placed_by = actor.user_id;
    auto id = store::AppealRepository(tx).add_placement(p);
    if (!id) {
      if (id.error().code == ErrorCode::kConflict)
        return fail(ErrorCode::kConflict, "subject", "该考生这一科目的补考已经安排过（每项权利只能使用一次，D5）", "D5");
      return fail(id.error());
    }
    p.id = *id;
    nlohmann::json detail{{"registration_id", reg.id},
                          {"sitting_id", sitting->id},
                          {"held_on", sitting->held_on.to_string()},
                          {"subject", std::string(store::to_text(p.subject))},
                          {"kind", std::string(store::to_text(p.kind))},
                          {"rule", p.rule},
                          {"deadline", p.deadline.to_string()},
                          {"fee_fen", 0}};
    if (auto a = audit(tx, actor, now, {"retake.schedule", "registration", reg.id, detail}); !a) return fail(a.error());
    return p;
  });
}

Result<ReRegistration> re_register(store::Database& db, const PolicyCatalog& policies, const Clock& clock,
                                   const Actor& actor, store::Id registration_id) {
  if (actor.role != store::Role::kOrganisation)
    return fail(ErrorCode::kForbidden, "role", "重新报名须由集体申报单位提交（R3）", "R3");
  const auto now = to_timestamp(clock.now());
  const CivilDate today = china_date(now);
  return db.transaction([&](store::Transaction& tx) -> Result<ReRegistration> {
    auto own = schedulable(tx, actor, registration_id);
    if (!own) return fail(own.error());
    const auto& [reg, batch] = *own;
    auto latest = latest_approved_registration(tx, reg.candidate_id);
    if (!latest) return fail(latest.error());
    if (!*latest || (*latest)->id != reg.id)
      return fail(ErrorCode::kWrongState, "registration_id", "该考生已有更新的报名");
    auto held = has_unpublished_result(tx, reg.candidate_id, reg.id, today);
    if (!held) return fail(held.error());
    if (*held)
      return fail(ErrorCode::kResultNotPublished, "registration_id", "该考生的成绩尚未公布，公布后才能重新报名（R8）", "R8");
    auto standing = certificate_standing(tx, policies, reg.id, today);
    if (!standing) return fail(standing.error());
    if (!standing->decision.reregistration_required)
      return fail(ErrorCode::kWrongState, "registration_id",
                  "该考生本次报名尚未结束（状态：" + std::string(rights_status_label(standing->decision.registration_status)) +
                      "），不需要重新报名",
                  "R12");
    auto policy = policies.in_force_on(today);
    if (!policy) return fail(policy.error());
    store::Batch b{0, batch.organisation_id, batch.station_id, reg.level, "重新报名（" + today.to_string() + "）",
                   store::BatchStatus::kSubmitted, now, now};
    auto bid = store::BatchRepository(tx).insert(b);
    if (!bid) return fail(bid.error());
    store::Registration r;
    r.candidate_id = reg.candidate_id;
    r.batch_id = *bid;
    r.level = reg.level;
    r.policy_id = (*policy)->id;  // D18
    r.registered_on = today;
    r.fee_due_fen = (*policy)->fees.exam_fee_fen;  // D15: the full exam fee
    r.fee_paid_fen = 0;
    r.status = store::RegistrationStatus::kConfirmed;
    r.created_at = now;
    auto rid = store::RegistrationRepository(tx).insert(r);
    if (!rid) return fail(rid.error());
    nlohmann::json detail{{"previous_registration_id", reg.id},
                          {"batch_id", *bid},
                          {"fee_due_fen", r.fee_due_fen},
                          {"previous_status", std::string(rules::code(standing->decision.registration_status))},
                          {"rule", "D15"}};
    if (auto a = audit(tx, actor, now, {"registration.re_register", "registration", *rid, detail}); !a)
      return fail(a.error());
    return ReRegistration{*bid, *rid, r.fee_due_fen};
  });
}

Result<RetakeBoard> candidates_with_rights(store::Database& db, const PolicyCatalog& policies, const Clock& clock,
                                           const Actor& actor) {
  if (actor.role != store::Role::kStation && actor.role != store::Role::kOrganisation)
    return fail(ErrorCode::kForbidden, "role", "只有鉴定站或集体申报单位可以安排补考");
  const auto now = to_timestamp(clock.now());
  const CivilDate today = china_date(now);
  return db.transaction([&](store::Transaction& tx) -> Result<RetakeBoard> {
    std::vector<store::Batch> batches;
    if (actor.role == store::Role::kOrganisation) {
      auto b = store::BatchRepository(tx).list_by_organisation(actor.entity_id);
      if (!b) return fail(b.error());
      batches = std::move(*b);
    } else {
      for (auto status : {store::BatchStatus::kSubmitted, store::BatchStatus::kClosed}) {
        auto b = store::BatchRepository(tx).list_by_station(actor.entity_id, status);
        if (!b) return fail(b.error());
        batches.insert(batches.end(), b->begin(), b->end());
      }
    }
    RetakeBoard board;
    std::vector<CandidateWithRights>& out = board.candidates;
    std::set<store::Id> stations;
    if (actor.role == store::Role::kStation) stations.insert(actor.entity_id);
    for (const auto& b : batches) {
      auto regs = store::RegistrationRepository(tx).list_by_batch(b.id);
      if (!regs) return fail(regs.error());
      for (const auto& r : *regs) {
        if (r.status != store::RegistrationStatus::kApproved) continue;
        auto latest = latest_approved_registration(tx, r.candidate_id);
        if (!latest) return fail(latest.error());
        if (!*latest || (*latest)->id != r.id) continue;
        if (actor.role == store::Role::kOrganisation) {  // R8: published results only
          auto held = has_unpublished_result(tx, r.candidate_id, r.id, today);
          if (!held) return fail(held.error());
          if (*held) continue;
        }
        auto standing = certificate_standing(tx, policies, r.id, today);
        if (!standing) return fail(standing.error());
        const auto& d = standing->decision;
        const bool right = d.theory.status == rules::SubjectStatus::kRetakeAvailable ||
                           d.practical.status == rules::SubjectStatus::kRetakeAvailable;
        if (!right && !d.reregistration_required) continue;
        auto placements = store::AppealRepository(tx).placements_of_registration(r.id);
        if (!placements) return fail(placements.error());
        out.push_back({r, standing->candidate.name, standing->candidate.id_number_masked, d, std::move(*placements)});
        stations.insert(b.station_id);
      }
    }
    nlohmann::json detail{{"candidates", out.size()}};
    if (auto a = audit(tx, actor, now, {"retake.candidates_view", actor.role == store::Role::kStation ? "station" : "organisation",
                                        actor.entity_id, detail, true});
        !a)
      return fail(a.error());
    for (auto station : stations) {
      auto later = store::SittingRepository(tx).list_by_station(station, today.plus_days(1), today.plus_days(400));
      if (!later) return fail(later.error());
      for (auto& s : *later)
        if (s.status != store::SittingStatus::kCancelled) board.later_sittings.push_back(std::move(s));
    }
    return board;
  });
}

}  // namespace rc::app
