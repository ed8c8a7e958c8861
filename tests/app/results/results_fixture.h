#pragma once
// What the results, appeals, rights and scheduling tests share (issue 6): the shared app fixture
// (apptest::AppTest: both backends, policies, clock, stations NC001/CD001, organisations 甲/乙
// with one account each, row counts, audit trail), the date set to 2025-03-20, and helpers that
// store a candidate's history through the real repositories: candidates, approved registrations,
// sittings and attempts.

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "app/app_fixture.h"
#include "app/demo/demo_certificates.h"
#include "domain/identity/id_number.h"
#include "store/attempt_repository.h"
#include "store/batch_repository.h"
#include "store/candidate_repository.h"
#include "store/registration_repository.h"

namespace rc::app::results_testing {

using store::testing::kT0;

class ResultsTest : public apptest::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    set_date("2025-03-20");
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

  // Any event with that action, whatever its personal-data flag (AppTest::has_action matches the flag too).
  static bool has_action(const std::vector<store::AuditEvent>& events, const std::string& action) {
    for (const auto& e : events)
      if (e.action == action) return true;
    return false;
  }
  CivilDate today() const { return china_date(clock_.now()); }
  static CivilDate date(const char* s) { return *CivilDate::parse(s); }

  std::map<std::pair<store::Id, std::string>, store::Id> sittings_;
};

}  // namespace rc::app::results_testing

#define RC_INSTANTIATE_RESULTS_TEST(fixture)                                                                    \
  INSTANTIATE_TEST_SUITE_P(Results, fixture,                                                                    \
                           ::testing::Values(::rc::store::Backend::kSqlite, ::rc::store::Backend::kPostgresql), \
                           ::rc::store::testing::backend_param_name)
