#pragma once
// What every use-case test of src/app shares: the store fixture on both backends (SQLite, and
// PostgreSQL when RC_TEST_PG is set), the embedded policies, a seeded random source and cipher,
// a fixed clock moved by advance()/set_date(), the places every flow starts from (stations NC001
// and CD001, organisations 甲 and 乙, one account for each), and the checks the tests repeat:
// row counts for "nothing half-written" and the audit trail of an entity.
// The registration, certificate and exam fixtures derive from it.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/registration/actor.h"
#include "domain/common/random.h"
#include "domain/policy/policy_catalog.h"
#include "identity/personal_data_cipher.h"
#include "store/audit_log.h"
#include "store/organisation_repository.h"
#include "store/statement.h"
#include "store/station_repository.h"
#include "store/store_fixture.h"
#include "store/user_repository.h"

namespace rc::app::apptest {

using store::testing::kT0;

inline identity::Key256 key(std::uint8_t fill) {
  identity::Key256 k;
  k.fill(fill);
  return k;
}

class AppTest : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto catalog = PolicyCatalog::embedded();
    ASSERT_TRUE(catalog) << catalog.error().message;
    policies_ = std::make_unique<PolicyCatalog>(std::move(*catalog));
    seed_places();
  }

  // Stations NC001 (南充) and CD001 (成都), organisations 甲 and 乙, and an account for each.
  void seed_places() {
    auto r = in_tx([&](store::Transaction& tx) -> Result<void> {
      station_ = *store::StationRepository(tx).insert({0, "NC001", "南充市应急救援员鉴定站", "511300", "南充", kT0});
      other_station_ = *store::StationRepository(tx).insert({0, "CD001", "成都鉴定站", "510100", "成都", kT0});
      org_a_ = *store::OrganisationRepository(tx).insert({0, "甲培训学校", "91511300MA60000001", "王", "13800000001", kT0});
      org_b_ = *store::OrganisationRepository(tx).insert({0, "乙培训学校", "91511300MA60000002", "李", "13800000002", kT0});
      org_a_actor_ = add_user(tx, "org_a", store::Role::kOrganisation, org_a_);
      org_b_actor_ = add_user(tx, "org_b", store::Role::kOrganisation, org_b_);
      station_actor_ = add_user(tx, "station_nc", store::Role::kStation, station_);
      other_station_actor_ = add_user(tx, "station_cd", store::Role::kStation, other_station_);
      return rc::ok();
    });
    ASSERT_TRUE(r);
  }

  // An account of `role` acting for `entity` (an organisation, a station or a candidate).
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
  static bool has_action(const std::vector<store::AuditEvent>& events, const std::string& action, bool pdv = false) {
    for (const auto& e : events)
      if (e.action == action && e.personal_data_view == pdv) return true;
    return false;
  }

  void advance(std::chrono::system_clock::duration d) { clock_.set(clock_.now() + d); }
  void set_date(const char* yyyy_mm_dd) {  // 10:00 China time on that day
    clock_.set(china_midnight(*CivilDate::parse(yyyy_mm_dd)) + std::chrono::hours(10));
  }

  rc::SeededRandom random_{42};
  identity::PersonalDataCipher cipher_{key(1), key(2), key(3), random_};
  std::unique_ptr<PolicyCatalog> policies_;
  store::Id station_ = 0, other_station_ = 0, org_a_ = 0, org_b_ = 0;
  Actor org_a_actor_, org_b_actor_, station_actor_, other_station_actor_;
};

}  // namespace rc::app::apptest
