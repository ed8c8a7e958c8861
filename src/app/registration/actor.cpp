#include "app/registration/actor.h"

#include "store/audit_log.h"

namespace rc::app {
namespace {

Result<void> forbidden(std::string message) {
  return fail(ErrorCode::kForbidden, "actor", std::move(message));
}

}  // namespace

Actor system_actor() { return Actor{0, "system", store::Role::kAdministrator, 0}; }

Actor actor_of(const store::User& user) {
  Actor a{user.id, user.username, user.role, 0};
  switch (user.role) {
    case store::Role::kCandidate: a.entity_id = user.candidate_id.value_or(0); break;
    case store::Role::kOrganisation: a.entity_id = user.organisation_id.value_or(0); break;
    case store::Role::kStation:
    case store::Role::kProctor:
    case store::Role::kExaminer: a.entity_id = user.station_id.value_or(0); break;
    case store::Role::kAdministrator: break;
  }
  return a;
}

Result<void> require_organisation(const Actor& actor, store::Id organisation_id) {
  if (actor.role == store::Role::kOrganisation && actor.entity_id != 0 && actor.entity_id == organisation_id) return ok();
  return forbidden("只能操作本单位的申报批次");
}

Result<void> require_station(const Actor& actor, store::Id station_id) {
  if (actor.role == store::Role::kStation && actor.entity_id != 0 && actor.entity_id == station_id) return ok();
  return forbidden("只能审核报送到本鉴定站的报名");
}

Result<void> require_candidate(const Actor& actor, store::Id candidate_id) {
  if (actor.role == store::Role::kCandidate && actor.entity_id != 0 && actor.entity_id == candidate_id) return ok();
  return forbidden("只能查看和确认本人的报名");
}

store::Timestamp to_timestamp(std::chrono::system_clock::time_point t) {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(t);
}

Result<void> audit(store::Transaction& tx, const Actor& actor, store::Timestamp at, AuditEntry entry) {
  store::AuditEvent e;
  e.at = at;
  if (actor.user_id != 0) e.actor_user_id = actor.user_id;
  e.actor = actor.username.empty() ? std::string("system") : actor.username;
  e.action = std::string(entry.action);
  e.entity_type = std::string(entry.entity_type);
  e.entity_id = std::to_string(entry.entity_id);
  e.detail_json = entry.detail.dump();
  e.personal_data_view = entry.personal_data_view;
  auto id = store::AuditLog(tx).append(e);
  if (!id) return fail(id.error());
  return ok();
}

}  // namespace rc::app
