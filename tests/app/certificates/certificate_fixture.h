#pragma once
// What the certificate use-case tests share, beyond the app fixture (app/app_fixture.h: both
// backends, clock, cipher, policies, stations NC001/CD001 and their accounts, counts and audit):
// a fast fake writer in place of the OFD writer (the OFD file itself is tested in tests/cert),
// and candidates seeded with passed attempts through app/demo/demo_certificates.h.

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "app/app_fixture.h"
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

using apptest::key;

class CertificateTest : public apptest::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
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
      auto sitting = seed_sitting(tx, station, *CivilDate::parse(exam_on), kT0, /*published=*/true);
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

  FakeCertificateWriter writer_;
  std::unique_ptr<CertificateServices> services_;
};

}  // namespace rc::app::certificate_testing

#define RC_INSTANTIATE_CERTIFICATE_TEST(fixture)                                                                \
  INSTANTIATE_TEST_SUITE_P(Certificate, fixture,                                                                \
                           ::testing::Values(::rc::store::Backend::kSqlite, ::rc::store::Backend::kPostgresql), \
                           ::rc::store::testing::backend_param_name)
