#pragma once
// What the certificate use-case tests share: the store fixture on both backends (SQLite, and
// PostgreSQL when RC_TEST_PG is set), stations NC001 and CD001 with their station accounts, an
// organisation, a fixed clock, a seeded cipher, a fast fake writer in place of the OFD writer
// (the OFD file itself is tested in tests/cert), and candidates seeded with passed attempts
// through app/demo/demo_certificates.h. Independent of the registration fixture on purpose.

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "app/certificates/certificate_filing.h"
#include "app/certificates/certificate_services.h"
#include "app/certificates/issue_certificates.h"
#include "app/demo/demo_certificates.h"
#include "app/registration/actor.h"
#include "domain/common/random.h"
#include "domain/identity/id_number.h"
#include "domain/policy/policy_catalog.h"
#include "identity/personal_data_cipher.h"
#include "store/audit_log.h"
#include "store/batch_repository.h"
#include "store/certificate_issue_repository.h"
#include "store/organisation_repository.h"
#include "store/registration_repository.h"
#include "store/statement.h"
#include "store/station_repository.h"
#include "store/store_fixture.h"
#include "store/user_repository.h"

namespace rc::app::certificate_testing {

using store::testing::kT0;

// A valid 居民身份证 number born 1990-03-07 (region 511302), distinct per n; a fictitious name.
struct Person {
  std::string name;
  std::string id;
  std::string mobile;
};
inline Person person(int n) {
  static const char* const kSurnames[] = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "吴", "周"};
  static const char* const kGiven[] = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇"};
  const std::string seq = std::to_string(100 + n % 900);
  const std::string body = "51130219900307" + seq;
  const std::string digits = std::to_string(n);
  return Person{std::string(kSurnames[n % 10]) + kGiven[(n / 10) % 10] + "明",
                body + identity::mod11_2_check_character(body), "139" + std::string(8 - digits.size(), '0') + digits};
}

// "PK" + the number: a zip-like file per certificate, cheap, thread-safe.
class FakeCertificateWriter final : public CertificateFileWriter {
 public:
  Result<std::string> write(const cert::CertificateContent& c, std::chrono::system_clock::time_point) const override {
    ++calls;
    if (!fail_number.empty() && c.number.ends_with(fail_number))
      return fail(ErrorCode::kKeyFailure, "", "签名失败（测试）");
    return std::string("PK\x03\x04", 4) + c.number + "|" + c.holder_name + "|" + c.document_number;
  }
  std::string media_type() const override { return "application/ofd"; }
  mutable std::atomic<int> calls{0};
  std::string fail_number;  // a suffix: writing that number fails
};

inline identity::Key256 key(std::uint8_t fill) {
  identity::Key256 k;
  k.fill(fill);
  return k;
}

class CertificateTest : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto catalog = PolicyCatalog::embedded();
    ASSERT_TRUE(catalog) << catalog.error().message;
    policies_ = std::make_unique<PolicyCatalog>(std::move(*catalog));
    seed_people();
    set_date("2025-05-20");
    services_ = std::make_unique<CertificateServices>(CertificateServices{db(), clock_, *policies_, cipher_, writer_, {}});
    services_->settings.chunk = 7;  // several chunks even in small tests
  }

  // n candidates at `station` who passed both subjects on exam_on; their registration ids.
  std::vector<store::Id> seed_passed(int n, store::Id station, const char* exam_on = "2025-03-15",
                                     bool practical_passes = true, int offset = 0) {
    std::vector<store::Id> out;
    auto r = in_tx([&](store::Transaction& tx) -> Result<void> {
      store::Batch b{0, org_a_, station, 5, "已考批次", store::BatchStatus::kClosed, kT0, kT0};
      auto batch = store::BatchRepository(tx).insert(b);
      if (!batch) return fail(batch.error());
      auto sitting = seed_sitting(tx, station, *CivilDate::parse(exam_on), kT0);
      if (!sitting) return fail(sitting.error());
      for (int i = 0; i < n; ++i) {
        const Person p = person(offset + i + 1);
        PassedCandidate who;
        who.name = p.name;
        who.id_number = p.id;
        who.phone = p.mobile;
        who.registered_on = *CivilDate::parse("2025-02-01");
        who.practical_passes = practical_passes;
        auto seeded = seed_passed_candidate(tx, cipher_, *batch, *sitting, who, kT0);
        if (!seeded) return fail(seeded.error());
        out.push_back(seeded->registration_id);
      }
      return ok();
    });
    EXPECT_TRUE(r);
    return out;
  }

  // Exports a filing at the actor's station and records it filed today.
  store::Id file_all(const Actor& station) {
    auto f = export_filing(*services_, station);
    EXPECT_TRUE(f) << (f ? "" : f.error().message);
    if (!f) return 0;
    auto rec = record_filing(*services_, station, *f, china_date(clock_.now()));
    EXPECT_TRUE(rec) << (rec ? "" : rec.error().message);
    return *f;
  }

  IssuanceReport issue_all(const Actor& station) {
    auto ids = issuable_registrations(*services_, station);
    EXPECT_TRUE(ids);
    auto report = issue_certificates(*services_, station, ids ? *ids : std::vector<store::Id>{});
    EXPECT_TRUE(report) << (report ? "" : report.error().message);
    return report ? *report : IssuanceReport{};
  }

  std::vector<int> serials(store::Id station, int year) {
    auto s = db().read([&](store::Transaction& tx) { return store::CertificateIssueRepository(tx).serials(station, year); });
    EXPECT_TRUE(s);
    return s ? *s : std::vector<int>{};
  }

  void seed_people() {
    auto r = in_tx([&](store::Transaction& tx) -> Result<void> {
      station_ = *store::StationRepository(tx).insert({0, "NC001", "南充市应急救援员鉴定站", "511300", "南充", kT0});
      other_station_ = *store::StationRepository(tx).insert({0, "CD001", "成都鉴定站", "510100", "成都", kT0});
      org_a_ = *store::OrganisationRepository(tx).insert({0, "甲培训学校", "91511300MA60000001", "王", "13800000001", kT0});
      org_a_actor_ = add_user(tx, "org_a", store::Role::kOrganisation, org_a_);
      station_actor_ = add_user(tx, "station_nc", store::Role::kStation, station_);
      other_station_actor_ = add_user(tx, "station_cd", store::Role::kStation, other_station_);
      return rc::ok();
    });
    ASSERT_TRUE(r);
  }
  Actor add_user(store::Transaction& tx, const std::string& name, store::Role role, store::Id entity) {
    store::User u;
    u.username = name;
    u.role = role;
    if (role == store::Role::kOrganisation) u.organisation_id = entity;
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
  store::Id station_ = 0, other_station_ = 0, org_a_ = 0;
  Actor org_a_actor_, station_actor_, other_station_actor_;
  FakeCertificateWriter writer_;
  std::unique_ptr<CertificateServices> services_;
};

}  // namespace rc::app::certificate_testing

#define RC_INSTANTIATE_CERTIFICATE_TEST(fixture)                                                                \
  INSTANTIATE_TEST_SUITE_P(Certificate, fixture,                                                                \
                           ::testing::Values(::rc::store::Backend::kSqlite, ::rc::store::Backend::kPostgresql), \
                           ::rc::store::testing::backend_param_name)
