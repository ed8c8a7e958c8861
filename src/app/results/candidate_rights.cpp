#include "app/results/candidate_rights.h"

#include "app/results/candidate_history.h"
#include "app/results/result_publication.h"
#include "store/result_repository.h"
#include "store/registration_repository.h"

namespace rc::app {

Result<std::optional<store::Registration>> latest_approved_registration(store::Transaction& tx,
                                                                        store::Id candidate_id) {
  auto all = store::RegistrationRepository(tx).list_by_candidate(candidate_id);
  if (!all) return fail(all.error());
  std::optional<store::Registration> latest;
  for (const auto& r : *all) {
    if (r.status != store::RegistrationStatus::kApproved) continue;
    if (!latest || r.registered_on > latest->registered_on ||
        (r.registered_on == latest->registered_on && r.id > latest->id))
      latest = r;
  }
  return latest;
}

Result<std::optional<RightsStanding>> rights_of_candidate(store::Transaction& tx, const PolicyCatalog& policies,
                                                          store::Id candidate_id, CivilDate today) {
  auto latest = latest_approved_registration(tx, candidate_id);
  if (!latest) return fail(latest.error());
  if (!*latest) return std::optional<RightsStanding>{};
  auto standing = certificate_standing(tx, policies, (*latest)->id, today);
  if (!standing) return fail(standing.error());
  return std::optional<RightsStanding>{RightsStanding{standing->registration, standing->decision}};
}

Result<bool> has_unpublished_result(store::Transaction& tx, store::Id candidate_id, store::Id registration_id,
                                    CivilDate today) {
  auto rows = store::ResultRepository(tx).by_candidate(candidate_id);
  if (!rows) return fail(rows.error());
  for (const auto& r : *rows)
    if (r.attempt.registration_id == registration_id && r.attempt.outcome != store::Outcome::kPending &&
        !results_visible(r.publish_on, today))
      return true;
  return false;
}

Result<std::optional<RightsStanding>> candidate_rights(store::Database& db, const PolicyCatalog& policies,
                                                       const Clock& clock, const Actor& actor) {
  if (actor.role != store::Role::kCandidate) return fail(ErrorCode::kForbidden, "role", "只有考生本人可以查看补考/重考权利");
  const CivilDate today = china_date(clock.now());
  return db.read([&](store::Transaction& tx) -> Result<std::optional<RightsStanding>> {
    auto rights = rights_of_candidate(tx, policies, actor.entity_id, today);
    if (!rights || !*rights) return rights;
    auto held = has_unpublished_result(tx, actor.entity_id, (*rights)->registration.id, today);
    if (!held) return fail(held.error());
    if (*held) {  // R8: the rights would tell the result before it is published
      (*rights)->held = true;
      (*rights)->decision = rules::Decision{};
    }
    return rights;
  });
}

std::string_view subject_status_label(rules::SubjectStatus s) {
  switch (s) {
    case rules::SubjectStatus::kPending: return "待考";
    case rules::SubjectStatus::kPassed: return "已通过";
    case rules::SubjectStatus::kOnsiteRetakeAvailable: return "可当场补考";
    case rules::SubjectStatus::kRetakeAvailable: return "可补考";
    case rules::SubjectStatus::kExhausted: return "机会已用完";
    case rules::SubjectStatus::kForfeited: return "已失效";
    case rules::SubjectStatus::kExpired: return "合格已过期";
  }
  return "";
}

std::string_view rights_status_label(rules::RegistrationStatus s) {
  switch (s) {
    case rules::RegistrationStatus::kActive: return "进行中";
    case rules::RegistrationStatus::kCompleted: return "两科合格，可发证";
    case rules::RegistrationStatus::kVoid: return "本次报名作废（两科均缺考）";
    case rules::RegistrationStatus::kEnded: return "本次报名已结束，须重新报名并缴费";
    case rules::RegistrationStatus::kIneligible: return "不符合报考条件";
  }
  return "";
}

}  // namespace rc::app
