#include "app/exam/exam_day_setup.h"

#include "app/exam/prepare_exam_papers.h"
#include "app/registration/actor.h"
#include "store/batch_repository.h"
#include "store/candidate_repository.h"
#include "store/checkin_repository.h"
#include "store/exam_paper_repository.h"
#include "store/organisation_repository.h"
#include "store/registration_repository.h"
#include "store/sitting_repository.h"
#include "store/station_repository.h"
#include "store/statement.h"
#include "store/storage_error.h"
#include "store/user_repository.h"

namespace rc::app {
namespace {

std::string padded(long long n, std::size_t width) {
  std::string s = std::to_string(n);
  return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
}

struct Chain {
  store::Id station = 0, organisation = 0, batch = 0, sitting = 0;
};

// Station, organisation, batch and sitting, with codes unique to this run.
Result<Chain> make_chain(store::Transaction& tx, const ExamDayOptions& o, const Policy& policy, store::Timestamp now,
                         long long run) {
  Chain c;
  auto station = store::StationRepository(tx).insert(
      {0, "BENCH" + padded(run % 100000000, 8), o.label + "鉴定站", "511300", "（虚构）", now});
  if (!station) return fail(station.error());
  c.station = *station;
  auto org = store::OrganisationRepository(tx).insert(
      {0, o.label + "培训单位", "91511300" + padded(run % 10000000000LL, 10), "压测联系人", "13900000000", now});
  if (!org) return fail(org.error());
  c.organisation = *org;
  auto batch = store::BatchRepository(tx).insert(
      {0, c.organisation, c.station, 5, o.label + "批次", store::BatchStatus::kSubmitted, now, now});
  if (!batch) return fail(batch.error());
  c.batch = *batch;
  store::Sitting s;
  s.station_id = c.station;
  s.level = 5;
  const auto starts = now + std::chrono::duration_cast<std::chrono::milliseconds>(o.starts_in);
  s.held_on = china_date(std::chrono::system_clock::time_point(starts.time_since_epoch()));
  s.theory_starts_at = starts;
  s.theory_minutes = policy.theory.duration_minutes;
  s.capacity = o.candidates;
  s.status = store::SittingStatus::kOpen;
  s.created_at = now;
  auto sitting = store::SittingRepository(tx).insert(s);
  if (!sitting) return fail(sitting.error());
  c.sitting = *sitting;
  return c;
}

Result<ExamDayCandidate> make_candidate(store::Transaction& tx, Platform& platform, const Chain& chain,
                                        const Policy& policy, const ExamDayOptions& o, int i, long long run,
                                        store::Timestamp now) {
  // A passport-type number (no check digit to fake) that says what it is.
  const std::string number = "BENCH" + padded(run % 1000000, 6) + padded(i, 6);
  store::Candidate c;
  c.name = o.label + "考生" + std::to_string(i + 1);
  c.document_type = store::DocumentType::kPassport;
  const std::string cipher = platform.cipher().encrypt_id_number(number);
  c.id_number_cipher = store::Bytes(cipher.begin(), cipher.end());
  c.id_number_key_id = platform.registration_settings().id_number_key_id;
  c.id_number_hmac = platform.cipher().lookup_hash(store::to_text(c.document_type), number);
  c.id_number_masked = number.substr(0, 2) + std::string(number.size() - 4, '*') + number.substr(number.size() - 2);
  c.birth_date = *CivilDate::parse("1990-01-01");
  c.sex = i % 2 ? store::Sex::kFemale : store::Sex::kMale;
  c.phone = "139" + padded(i, 8);
  c.health_declared = true;
  c.created_at = now;
  ExamDayCandidate out;
  auto cid = store::CandidateRepository(tx).insert(c);
  if (!cid) return fail(cid.error());
  out.candidate_id = *cid;
  out.username = "BE" + padded(run % 100000, 5) + padded(i, 6);
  store::User u{0, out.username, store::Role::kCandidate, std::nullopt, c.phone, *cid, std::nullopt, std::nullopt,
                false, now};
  auto uid = store::UserRepository(tx).insert(u);
  if (!uid) return fail(uid.error());
  out.user_id = *uid;
  store::Registration r;
  r.candidate_id = *cid;
  r.batch_id = chain.batch;
  r.level = 5;
  r.policy_id = policy.id;
  r.registered_on = china_date(std::chrono::system_clock::time_point(now.time_since_epoch()));
  r.status = store::RegistrationStatus::kApproved;
  r.created_at = now;
  auto rid = store::RegistrationRepository(tx).insert(r);
  if (!rid) return fail(rid.error());
  out.registration_id = *rid;
  return out;
}

}  // namespace

Result<bool> store_has_data(store::Database& db) {
  return db.read([](store::Transaction& tx) -> Result<bool> {
    return store::guarded("检查数据库", [&]() -> Result<bool> {
      std::int64_t n = 0;
      store::Statement st(tx, "SELECT (SELECT COUNT(*) FROM candidates) + (SELECT COUNT(*) FROM sittings)");
      st.into(n);
      st.execute();
      return n > 0;
    });
  });
}

Result<ExamDay> set_up_exam_day(Platform& platform, const ExamDayOptions& o) {
  if (o.candidates < 1 || o.candidates > 100000)
    return fail(ErrorCode::kInvalidValue, "candidates", "考生人数应在 1 至 100000 之间");
  const auto clock_now = platform.clock().now();
  const auto now = to_timestamp(clock_now);
  auto policy = platform.policies().in_force_on(china_date(clock_now));
  if (!policy) return fail(policy.error());
  const long long run = now.time_since_epoch().count();
  auto day = platform.database().transaction([&](store::Transaction& tx) -> Result<ExamDay> {
    auto chain = make_chain(tx, o, **policy, now, run);
    if (!chain) return fail(chain.error());
    ExamDay d{chain->station, chain->sitting, {}};
    for (int i = 0; i < o.candidates; ++i) {
      auto c = make_candidate(tx, platform, *chain, **policy, o, i, run, now);
      if (!c) return fail(c.error());
      d.candidates.push_back(std::move(*c));
    }
    return d;
  });
  if (!day) return day;
  std::vector<PaperAssignment> assignments;
  for (const auto& c : day->candidates) assignments.push_back({c.registration_id, store::AttemptKind::kFirst});
  auto prepared = prepare_exam_papers(platform.database(), platform.clock(), platform.policies(), platform.random(),
                                      day->sitting_id, assignments);
  if (!prepared) return fail(prepared.error());
  auto ids = platform.database().read([&](store::Transaction& tx) -> Result<void> {
    store::ExamPaperRepository papers(tx);
    for (auto& c : day->candidates) {
      auto p = papers.find_for(day->sitting_id, c.registration_id);
      if (!p) return fail(p.error());
      if (*p) c.paper_id = (*p)->id;
    }
    return ok();
  });
  if (!ids) return fail(ids.error());
  // Starting requires admission at the room door (R6, kNotCheckedIn): a benchmark has no door,
  // so every candidate is admitted in one statement, audited once for the sitting.
  auto admitted = platform.database().transaction([&](store::Transaction& tx) -> Result<void> {
    if (!o.admit) return ok();
    auto n = store::CheckinRepository(tx).admit_all_with_papers(day->sitting_id, o.label + "：批量准予入场（压测）",
                                                                now, std::nullopt);
    if (!n) return fail(n.error());
    nlohmann::json detail{{"admitted", *n}, {"method", "manual"}, {"bench", true}};
    return audit(tx, system_actor(), now, {"checkin.bulk_admit", "sitting", day->sitting_id, detail});
  });
  if (!admitted) return fail(admitted.error());
  if (!o.sessions) return day;
  for (auto& c : day->candidates) {
    auto s = platform.sessions().create(c.user_id, "candidate", identity::Stage::kFull, "127.0.0.1");
    if (!s) return fail(s.error());
    c.session_token = s->first;
    c.csrf_token = s->second.csrf_token;
  }
  return day;
}

}  // namespace rc::app
