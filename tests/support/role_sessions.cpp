#include "support/role_sessions.h"

#include <stdexcept>

#include "store/candidate_repository.h"
#include "store/organisation_repository.h"
#include "store/station_repository.h"
#include "store/user_repository.h"

namespace rc::testing {

RoleSessions sign_in_every_role(RunningPlatform& p) {
  RoleSessions out;
  auto& db = p.platform().database();
  auto made = db.transaction([&](store::Transaction& tx) -> Result<int> {
    store::Station st{0, "NC01", "南充市应急救援员鉴定站", "511300", "南充市顺庆区", {}};
    auto sid = store::StationRepository(tx).insert(st);
    if (!sid) return fail(sid.error());
    store::Organisation org{0, "南充安澜救援培训学校", "91511300MA62000001", "李老师", "13800000001", {}};
    auto oid = store::OrganisationRepository(tx).insert(org);
    if (!oid) return fail(oid.error());
    store::Candidate c;
    c.name = "张三";
    c.id_number_cipher = {1, 2, 3};
    c.id_number_key_id = "test";
    c.id_number_hmac = "hmac-role-sessions";
    c.id_number_masked = "5113**********1236";
    c.birth_date = *CivilDate::parse("1990-03-07");
    c.phone = "13800000002";
    c.health_declared = true;
    auto cid = store::CandidateRepository(tx).insert(c);
    if (!cid) return fail(cid.error());
    out.station_id = *sid;
    out.organisation_id = *oid;
    out.candidate_id = *cid;
    const store::Role roles[] = {store::Role::kCandidate, store::Role::kOrganisation, store::Role::kStation,
                                 store::Role::kProctor,   store::Role::kExaminer,     store::Role::kAdministrator};
    for (auto role : roles) {
      store::User u;
      u.username = "user-" + std::string(store::to_text(role));
      u.role = role;
      u.phone = "13800000009";
      if (role == store::Role::kCandidate) u.candidate_id = *cid;
      if (role == store::Role::kOrganisation) u.organisation_id = *oid;
      if (role == store::Role::kStation || role == store::Role::kProctor || role == store::Role::kExaminer)
        u.station_id = *sid;
      auto uid = store::UserRepository(tx).insert(u);
      if (!uid) return fail(uid.error());
      out.by_role[role].user_id = *uid;
    }
    return 0;
  });
  if (!made) throw std::runtime_error("set-up failed: " + made.error().message);
  for (auto& [role, signed_in] : out.by_role) {
    auto s = p.platform().sessions().create(signed_in.user_id, std::string(store::to_text(role)),
                                            identity::Stage::kFull, "127.0.0.1");
    if (!s) throw std::runtime_error("session failed: " + s.error().message);
    signed_in.cookie = "rc_session=" + s->first;
    signed_in.csrf = s->second.csrf_token;
  }
  return out;
}

}  // namespace rc::testing
