#include "app/demo/demo_certificates.h"

#include "domain/common/clock.h"
#include "app/registration/submit_batch.h"
#include "domain/identity/id_number.h"
#include "store/attempt_repository.h"
#include "store/candidate_repository.h"
#include "store/registration_repository.h"
#include "store/sitting_repository.h"
#include "store/user_repository.h"

namespace rc::app {

Result<store::Id> seed_sitting(store::Transaction& tx, store::Id station_id, CivilDate held_on, store::Timestamp now,
                               bool published) {
  store::Sitting s;
  s.station_id = station_id;
  s.held_on = held_on;
  const auto midnight = std::chrono::time_point_cast<std::chrono::milliseconds>(china_midnight(held_on));
  s.theory_starts_at = midnight + std::chrono::hours(9);
  s.theory_minutes = 100;
  s.practical_starts_at = midnight + std::chrono::hours(14);
  s.capacity = 200;
  s.status = store::SittingStatus::kHeld;
  s.created_at = now;
  store::SittingRepository sittings(tx);
  auto id = sittings.insert(s);
  if (!id) return id;
  // Its results published 15 days after the exam (R8, D17): certificates need that.
  if (published)
    if (auto r = sittings.set_publication({*id, held_on.plus_days(15), std::nullopt, now}); !r) return fail(r.error());
  return id;
}

Result<PassedSeed> seed_passed_candidate(store::Transaction& tx, const identity::PersonalDataCipher& cipher,
                                         store::Id batch_id, store::Id sitting_id, const PassedCandidate& who,
                                         store::Timestamp now) {
  PassedSeed out;
  store::Candidate c;
  c.name = who.name;
  c.document_type = store::DocumentType::kResidentId;
  const std::string blob = cipher.encrypt_id_number(who.id_number);
  c.id_number_cipher = store::Bytes(blob.begin(), blob.end());
  c.id_number_key_id = "id-number.key";
  c.id_number_hmac = cipher.lookup_hash(store::to_text(c.document_type), who.id_number);
  c.id_number_masked = identity::mask_id_number(who.id_number);
  c.birth_date = *CivilDate::from_ymd(std::stoi(who.id_number.substr(6, 4)), static_cast<unsigned>(std::stoi(who.id_number.substr(10, 2))),
                                      static_cast<unsigned>(std::stoi(who.id_number.substr(12, 2))));
  c.sex = who.sex;
  c.phone = who.phone;
  c.health_declared = true;
  c.created_at = now;
  auto cid = store::CandidateRepository(tx).insert(c);
  if (!cid) return fail(cid.error());
  out.candidate_id = *cid;
  store::Registration r;
  r.candidate_id = *cid;
  r.batch_id = batch_id;
  r.policy_id = who.policy_id;
  r.registered_on = who.registered_on;
  r.status = store::RegistrationStatus::kApproved;
  r.created_at = now;
  auto rid = store::RegistrationRepository(tx).insert(r);
  if (!rid) return fail(rid.error());
  out.registration_id = *rid;
  store::AttemptRepository attempts(tx);
  const store::Outcome practical = who.practical_passes ? store::Outcome::kPass : store::Outcome::kFail;
  for (auto [subject, outcome, score] : {std::tuple{store::Subject::kTheory, store::Outcome::kPass, who.theory_milli},
                                         std::tuple{store::Subject::kPractical, practical, who.practical_milli}}) {
    store::Attempt a;
    a.registration_id = *rid;
    a.sitting_id = sitting_id;
    a.subject = subject;
    a.outcome = outcome;
    a.score_milli = score;
    a.recorded_at = now;
    if (auto id = attempts.record(a); !id) return fail(id.error());
  }
  if (who.password_hash) {
    store::User u;
    u.username = who.username.empty() ? candidate_username(*cid) : who.username;
    u.role = store::Role::kCandidate;
    u.password_hash = who.password_hash;
    u.phone = who.phone;
    u.candidate_id = *cid;
    u.created_at = now;
    auto uid = store::UserRepository(tx).insert(u);
    if (!uid) return fail(uid.error());
    out.user_id = *uid;
  }
  return out;
}

}  // namespace rc::app
