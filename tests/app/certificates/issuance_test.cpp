// Issuance (F16): who gets a certificate (D6), the filing gate (R9), numbering (unique, gap-free
// per station and year, also under concurrent issuance and after a rolled-back chunk), what is
// stored (snapshot with the ID number encrypted, the file and its SM3 digest, validity by
// policy), and idempotence. Both backends.
#include <thread>

#include "app/certificates/certificate_fixture.h"
#include "app/results/candidate_history.h"
#include "cert/sm2.h"
#include "store/audit_log.h"
#include "store/certificate_repository.h"

namespace rc::app::certificate_testing {
namespace {

class IssuanceTest : public CertificateTest {};

std::vector<int> one_to(int n) {
  std::vector<int> v;
  for (int i = 1; i <= n; ++i) v.push_back(i);
  return v;
}

TEST_P(IssuanceTest, HistoryFromTheStoreIsCompletedOnlyWhenBothSubjectsPassed) {
  auto passed = seed_passed(1, station_);
  auto failed = seed_passed(1, station_, "2025-03-15", /*practical_passes=*/false, 50);
  auto r = db().read([&](store::Transaction& tx) -> Result<void> {
    auto ok = require_certificate_completed(tx, *policies_, passed[0], china_date(clock_.now()));
    EXPECT_TRUE(ok) << (ok ? "" : ok.error().message);
    if (ok) {
      EXPECT_EQ(ok->exam_on->to_string(), "2025-03-15");
    }
    auto no = require_certificate_completed(tx, *policies_, failed[0], china_date(clock_.now()));
    EXPECT_FALSE(no);
    if (!no) {
      EXPECT_EQ(no.error().code, ErrorCode::kCertificateNotCompleted);
      EXPECT_EQ(no.error().rule, "D6");
    }
    return rc::ok();
  });
  EXPECT_TRUE(r);
}

// R8, D17: results held until publication day hold the certificate too; from that day the same
// holder is filed and issued.
TEST_P(IssuanceTest, NothingIsFiledOrIssuedBeforeTheResultsArePublished) {
  set_date("2025-03-20");  // the exam was on 2025-03-15; results publish on 2025-03-30
  auto regs = seed_passed(1, station_);
  auto held = db().read([&](store::Transaction& tx) {
    return require_certificate_completed(tx, *policies_, regs[0], china_date(clock_.now()));
  });
  ASSERT_FALSE(held);
  EXPECT_EQ(held.error().code, ErrorCode::kCertificateNotCompleted);
  EXPECT_EQ(held.error().rule, "R8");
  auto none = export_filing(*services_, station_actor_);
  ASSERT_FALSE(none) << "nobody to file before publication";
  EXPECT_EQ(none.error().code, ErrorCode::kWrongState);
  set_date("2025-03-30");
  file_all(station_actor_);
  EXPECT_EQ(issue_all(station_actor_).issued, 1u);
}

TEST_P(IssuanceTest, RefusesUnfiledThenIssuesAfterFiling) {
  auto regs = seed_passed(3, station_);
  auto refused = issue_certificates(*services_, station_actor_, regs);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->issued, 0u);
  EXPECT_EQ(refused->refused, 3u);
  ASSERT_FALSE(refused->refusals.empty());
  EXPECT_EQ(refused->refusals.front().second.code, ErrorCode::kCertificateNotFiled);
  EXPECT_EQ(count("certificates"), 0);

  file_all(station_actor_);
  auto report = issue_all(station_actor_);
  EXPECT_EQ(report.issued, 3u);
  ASSERT_EQ(report.numbers.size(), 3u);
  // The fictitious demo scheme: YJJY + year + region 5113 + station id + level 5 + serial.
  const std::string station3 = std::string(3 - std::to_string(station_).size(), '0') + std::to_string(station_);
  EXPECT_EQ(report.numbers[0], "YJJY20255113" + station3 + "5000001");
  EXPECT_EQ(serials(station_, 2025), one_to(3));
}

TEST_P(IssuanceTest, RefusesCandidatesWhoAreNotCompleted) {
  auto regs = seed_passed(2, station_, "2025-03-15", /*practical_passes=*/false);
  auto export_result = export_filing(*services_, station_actor_);
  ASSERT_FALSE(export_result);  // nobody completed: nothing to file
  EXPECT_EQ(export_result.error().code, ErrorCode::kWrongState);
  auto report = issue_certificates(*services_, station_actor_, regs);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->issued, 0u);
  EXPECT_EQ(report->refusals.front().second.code, ErrorCode::kCertificateNotCompleted);
}

TEST_P(IssuanceTest, StoresSnapshotFileDigestValidityAuditAndNoClearIdNumber) {
  auto regs = seed_passed(1, station_);
  file_all(station_actor_);
  auto report = issue_all(station_actor_);
  ASSERT_EQ(report.issued, 1u);
  EXPECT_EQ(count("transparency_log_entries"), 1);  // appended in the issuing transaction
  auto r = db().read([&](store::Transaction& tx) -> Result<void> {
    auto l = store::CertificateIssueRepository(tx).listing_by_number(report.numbers[0]);
    EXPECT_TRUE(l && *l);
    if (!l || !*l) return rc::ok();
    const auto& c = (*l)->certificate;
    EXPECT_FALSE(c.valid_until.has_value());  // policy-2025: for life
    EXPECT_EQ(c.filed_on->to_string(), "2025-05-20");
    EXPECT_EQ(c.issued_on.to_string(), "2025-05-20");
    EXPECT_EQ((*l)->issue.public_from.to_string(), "2025-05-20");
    const Person p = person(1);
    EXPECT_EQ(c.snapshot_json.find(p.id), std::string::npos) << "ID number in clear";
    auto snap = nlohmann::json::parse(c.snapshot_json);
    auto blob = snap["document_number_cipher"].get<std::string>();
    EXPECT_FALSE(blob.empty());
    EXPECT_EQ(snap["document_number_masked"], identity::mask_id_number(p.id));
    auto file = store::CertificateIssueRepository(tx).find_file(c.id);
    EXPECT_TRUE(file && *file);
    if (file && *file) {
      const std::string bytes((*file)->content.begin(), (*file)->content.end());
      EXPECT_EQ(c.file_digest, cert::sm3_hex(bytes));
      EXPECT_TRUE(bytes.starts_with("PK"));
    }
    auto events = store::AuditLog(tx).list_by_entity("certificate", std::to_string(c.id));
    EXPECT_TRUE(events && events->size() == 1 && (*events)[0].action == "certificate.issue");
    return rc::ok();
  });
  EXPECT_TRUE(r);
}

TEST_P(IssuanceTest, Policy2026GivesFourYearValidity) {
  std::vector<store::Id> regs;
  set_date("2026-12-20");
  auto r = in_tx([&](store::Transaction& tx) -> Result<void> {
    store::Batch b{0, org_a_, station_, 5, "2026", store::BatchStatus::kClosed, kT0, kT0};
    auto batch = store::BatchRepository(tx).insert(b);
    auto sitting = seed_sitting(tx, station_, *CivilDate::parse("2026-11-01"), kT0, /*published=*/true);
    const Person p = person(70);
    PassedCandidate who;
    who.name = p.name;
    who.id_number = p.id;
    who.phone = p.mobile;
    who.sex = store::Sex::kFemale;
    who.registered_on = *CivilDate::parse("2026-10-01");
    who.policy_id = "policy-2026-09";
    auto s = seed_passed_candidate(tx, cipher_, *batch, *sitting, who, kT0);
    if (!s) return fail(s.error());
    regs.push_back(s->registration_id);
    return rc::ok();
  });
  ASSERT_TRUE(r);
  file_all(station_actor_);
  auto report = issue_all(station_actor_);
  ASSERT_EQ(report.issued, 1u);
  auto c = db().read([&](store::Transaction& tx) { return store::CertificateIssueRepository(tx).listing_by_number(report.numbers[0]); });
  ASSERT_TRUE(c && *c);
  EXPECT_EQ((*c)->certificate.valid_until->to_string(), "2030-12-19");
  EXPECT_EQ((*c)->issue.public_from.to_string(), "2026-12-20");
}

TEST_P(IssuanceTest, RunningTheBatchAgainIssuesNothingTwice) {
  auto ids = seed_passed(10, station_);
  file_all(station_actor_);
  EXPECT_EQ(issue_all(station_actor_).issued, 10u);
  auto again = issue_all(station_actor_);
  EXPECT_EQ(again.issued, 0u);
  EXPECT_EQ(count("certificates"), 10);
  // The same ids passed explicitly are skipped, not issued.
  auto explicit_again = issue_certificates(*services_, station_actor_, ids);
  ASSERT_TRUE(explicit_again);
  EXPECT_EQ(explicit_again->issued, 0u);
  EXPECT_EQ(count("certificates"), 10);
  EXPECT_EQ(serials(station_, 2025), one_to(10));
}

TEST_P(IssuanceTest, OtherStationCannotIssue) {
  auto regs = seed_passed(2, station_);
  file_all(station_actor_);
  auto report = issue_certificates(*services_, other_station_actor_, regs);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->issued, 0u);
  EXPECT_EQ(report->refusals.front().second.code, ErrorCode::kForbidden);
  EXPECT_FALSE(issue_certificates(*services_, org_a_actor_, regs));
}

TEST_P(IssuanceTest, ARolledBackChunkLeavesNoGap) {
  seed_passed(5, station_);
  file_all(station_actor_);
  writer_.fail_number = "000003";  // the third certificate of the chunk cannot be signed
  auto ids = issuable_registrations(*services_, station_actor_);
  ASSERT_TRUE(ids);
  auto failed = issue_certificates(*services_, station_actor_, *ids);
  EXPECT_FALSE(failed);
  EXPECT_EQ(count("certificates"), 0);
  EXPECT_EQ(count("transparency_log_entries"), 0);
  writer_.fail_number.clear();
  EXPECT_EQ(issue_all(station_actor_).issued, 5u);
  EXPECT_EQ(serials(station_, 2025), one_to(5));
}

TEST_P(IssuanceTest, ConcurrentIssuanceIsGapFreeAndUnique) {
  auto regs = seed_passed(40, station_);
  seed_passed(6, other_station_, "2025-03-15", true, 100);
  file_all(station_actor_);
  file_all(other_station_actor_);
  services_->settings.chunk = 3;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      // Overlapping halves: every registration is asked for by two threads.
      std::vector<store::Id> mine;
      for (std::size_t i = 0; i < regs.size(); ++i)
        if (i % 2 == static_cast<std::size_t>(t % 2)) mine.push_back(regs[i]);
      if (!issue_certificates(*services_, station_actor_, mine)) ++failures;
    });
  }
  threads.emplace_back([&] {
    if (!issue_certificates(*services_, other_station_actor_, *issuable_registrations(*services_, other_station_actor_)))
      ++failures;
  });
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(count("certificates"), 46);
  EXPECT_EQ(serials(station_, 2025), one_to(40));
  EXPECT_EQ(serials(other_station_, 2025), one_to(6));
}

// The pipeline signs chunk k+1 with numbers that follow chunk k's before chunk k is written. When
// another issuance takes serials in between, that prediction is wrong: the chunk must be numbered
// and signed again, never written with a taken or skipped number.
TEST_P(IssuanceTest, SerialsTakenBetweenChunksAreNotReusedOrSkipped) {
  auto regs = seed_passed(20, station_);  // the batch is 19 of them: chunks of 7, 7 and 5
  file_all(station_actor_);
  const std::vector<store::Id> interloper{regs.back()};
  const std::vector<store::Id> batch(regs.begin(), regs.end() - 1);
  int chunks_done = 0;
  std::size_t taken_between = 0;
  auto report = issue_certificates(*services_, station_actor_, batch, [&](const IssuanceReport&) {
    // After each of the first two chunks another issuance at the same station takes a serial:
    // first for a registration outside the batch, then for the batch's last one (in chunk 3,
    // being signed at that moment).
    if (++chunks_done > 2) return;
    const std::vector<store::Id> one{chunks_done == 1 ? interloper.front() : batch.back()};
    auto other = issue_certificates(*services_, station_actor_, one);
    ASSERT_TRUE(other);
    taken_between += other->issued;
  });
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(taken_between, 2u);
  EXPECT_EQ(report->issued, 18u);   // 19 asked, one issued meanwhile by the other run
  EXPECT_EQ(report->skipped, 1u);
  EXPECT_EQ(count("certificates"), 20);
  EXPECT_EQ(serials(station_, 2025), one_to(20));
}

}  // namespace

RC_INSTANTIATE_CERTIFICATE_TEST(IssuanceTest);

}  // namespace rc::app::certificate_testing
