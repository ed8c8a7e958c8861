#pragma once
// What the results, appeals, rights and scheduling tests share (issue 6): the store fixture on
// both backends (SQLite, and PostgreSQL when RC_TEST_PG is set), the embedded policies, a fixed
// clock moved by set_date(), station NC001 (and CD001), organisations 甲 and 乙 with one account
// each, and helpers that store a candidate's history through the real repositories: candidates,
// approved registrations, sittings and attempts.

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/demo/demo_certificates.h"
#include "app/registration/actor.h"
#include "domain/common/random.h"
#include "domain/identity/id_number.h"
#include "domain/policy/policy_catalog.h"
#include "identity/personal_data_cipher.h"
#include "store/attempt_repository.h"
#include "store/audit_log.h"
#include "store/batch_repository.h"
#include "store/candidate_repository.h"
#include "store/organisation_repository.h"
#include "store/registration_repository.h"
#include "store/statement.h"
#include "store/station_repository.h"
#include "store/store_fixture.h"
#include "store/user_repository.h"

namespace rc::app::results_testing {

using store::testing::kT0;

inline identity::Key256 key(std::uint8_t fill) {
  identity::Key256 k;
  k.fill(fill);
  return k;
}

class ResultsTest : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto catalog = PolicyCatalog::embedded();
    ASSERT_TRUE(catalog) << catalog.error().message;
    policies_ = std::make_unique<PolicyCatalog>(std::move(*catalog));
    auto r = in_tx([&](store::Transaction& tx) -> Result<void> {
      station_ = *store::StationRepository(tx).insert({0, "NC001", "南充市应急救援员鉴定站", "511300", "南充", kT0});
      other_station_ = *store::StationRepository(tx).insert({0, "CD001", "成都鉴定站", "510100", "成都", kT0});
      org_a_ = *store::OrganisationRepository(tx).insert({0, "甲培训学校", "91511300MA60000001", "王", "13800000001", kT0});
      org_b_ = *store::OrganisationRepository(tx).insert({0, "乙培训学校", "91511300MA60000002", "李", "13800000002", kT0});
      station_actor_ = add_user(tx, "station_nc", store::Role::kStation, station_);
      other_station_actor_ = add_user(tx, "station_cd", store::Role::kStation, other_station_);
      org_a_actor_ = add_user(tx, "org_a", store::Role::kOrganisation, org_a_);
      org_b_actor_ = add_user(tx, "org_b", store::Role::kOrganisation, org_b_);
      return rc::ok();
    });
    ASSERT_TRUE(r);
    set_date("2025-03-20");
  }

  Actor add_user(store::Transaction& tx, const std::string& name, store::Role role, store::Id entity) {
    store::User u;
    u.username = name;
    u.role = role;
    if (role == store::Role::kOrganisation) u.organisation_id = entity;
    else if (role == store::Role::kCandidate) u.candidate_id = entity;
    else u.station_id = entity;
    u.created_at = kT0;
    u.id = *store::UserRepository(tx).insert(u);
    return actor_of(u);
  }

  // A candidate born on `birth` (a valid resident ID number for it, distinct per n) with an account.
  struct Seeded {
    store::Id candidate_id = 0;
    Actor actor;
  };
  Seeded add_candidate(store::Transaction& tx, int n, CivilDate birth, const std::string& name = "张明") {
    char ymd[9];
    std::snprintf(ymd, sizeof ymd, "%04d%02u%02u", birth.year(), birth.month(), birth.day());
    const std::string body = std::string("511302") + ymd + std::to_string(100 + n % 900);
    const std::string id = body + identity::mod11_2_check_character(body);
    store::Candidate c;
    c.name = name;
    const std::string blob = cipher_.encrypt_id_number(id);
    c.id_number_cipher = store::Bytes(blob.begin(), blob.end());
    c.id_number_key_id = "id-number.key";
    c.id_number_hmac = cipher_.lookup_hash("resident_id", id);
    c.id_number_masked = identity::mask_id_number(id);
    c.birth_date = birth;
    c.phone = "1390000" + std::to_string(1000 + n);
    c.health_declared = true;
    c.created_at = kT0;
    Seeded out;
    out.candidate_id = *store::CandidateRepository(tx).insert(c);
    out.actor = add_user(tx, "cand" + std::to_string(n), store::Role::kCandidate, out.candidate_id);
    return out;
  }

  store::Id add_batch(store::Transaction& tx, store::Id org, store::Id station) {
    store::Batch b{0, org, station, 5, "已考批次", store::BatchStatus::kClosed, kT0, kT0};
    return *store::BatchRepository(tx).insert(b);
  }

  store::Id add_registration(store::Transaction& tx, store::Id candidate, store::Id batch, CivilDate on,
                             bool fee_paid = true, std::int64_t fee_due = 0) {
    store::Registration r;
    r.candidate_id = candidate;
    r.batch_id = batch;
    auto policy = policies_->in_force_on(on);
    r.policy_id = policy ? (*policy)->id : "policy-2025";
    r.registered_on = on;
    r.fee_due_fen = fee_due;
    r.fee_paid_fen = fee_paid ? fee_due : 0;
    if (!fee_paid && fee_due == 0) r.fee_due_fen = 30000;
    r.status = store::RegistrationStatus::kApproved;
    r.created_at = kT0;
    return *store::RegistrationRepository(tx).insert(r);
  }

  // The station's sitting on `on` (one per date, made on first use).
  store::Id sitting_on(store::Transaction& tx, CivilDate on, store::Id station = 0) {
    if (station == 0) station = station_;
    auto key = std::make_pair(station, on.to_string());
    if (auto it = sittings_.find(key); it != sittings_.end()) return it->second;
    auto id = seed_sitting(tx, station, on, kT0);
    EXPECT_TRUE(id);
    return sittings_[key] = *id;
  }

  store::Id add_attempt(store::Transaction& tx, store::Id registration, store::Id sitting, store::Subject subject,
                        store::AttemptKind kind, store::Outcome outcome, std::optional<std::int32_t> score_milli) {
    store::Attempt a;
    a.registration_id = registration;
    a.sitting_id = sitting;
    a.subject = subject;
    a.kind = kind;
    a.outcome = outcome;
    a.score_milli = score_milli;
    a.recorded_at = kT0;
    auto id = store::AttemptRepository(tx).record(a);
    EXPECT_TRUE(id) << (id ? "" : id.error().message);
    return id ? *id : 0;
  }

  long long count(const std::string& table) {
    long long n = -1;
    auto r = db().read([&](store::Transaction& tx) -> Result<void> {
      std::int64_t v = 0;
      store::Statement st(tx, "SELECT count(*) FROM " + table);
      st.into(v).execute();
      n = v;
      return rc::ok();
    });
    EXPECT_TRUE(r);
    return n;
  }
  std::vector<store::AuditEvent> audit_of(const std::string& type, store::Id id) {
    auto r = db().read([&](store::Transaction& tx) { return store::AuditLog(tx).list_by_entity(type, std::to_string(id)); });
    EXPECT_TRUE(r);
    return r ? *r : std::vector<store::AuditEvent>{};
  }
  static bool has_action(const std::vector<store::AuditEvent>& events, const std::string& action) {
    for (const auto& e : events)
      if (e.action == action) return true;
    return false;
  }
  void set_date(const char* yyyy_mm_dd) {  // 10:00 China time on that day
    clock_.set(china_midnight(*CivilDate::parse(yyyy_mm_dd)) + std::chrono::hours(10));
  }
  CivilDate today() const { return china_date(clock_.now()); }
  static CivilDate date(const char* s) { return *CivilDate::parse(s); }

  rc::SeededRandom random_{42};
  identity::PersonalDataCipher cipher_{key(1), key(2), key(3), random_};
  std::unique_ptr<PolicyCatalog> policies_;
  std::map<std::pair<store::Id, std::string>, store::Id> sittings_;
  store::Id station_ = 0, other_station_ = 0, org_a_ = 0, org_b_ = 0;
  Actor station_actor_, other_station_actor_, org_a_actor_, org_b_actor_;
};

}  // namespace rc::app::results_testing

#define RC_INSTANTIATE_RESULTS_TEST(fixture)                                                                    \
  INSTANTIATE_TEST_SUITE_P(Results, fixture,                                                                    \
                           ::testing::Values(::rc::store::Backend::kSqlite, ::rc::store::Backend::kPostgresql), \
                           ::rc::store::testing::backend_param_name)
