// After issuance: the holder's list and downloads (holder and issuing station only, audited),
// public verification (masked, by number + name or name + ID number, not before public_from),
// revocation (reason required, row kept, shown as revoked), the tri-state status on a broken
// store, the filing export as an audited access, and reissue (F20). Both backends.
#include "app/certificates/apply_for_reissue.h"
#include "app/certificates/certificate_fixture.h"
#include "app/certificates/certificate_snapshot.h"
#include "app/certificates/certificate_verification.h"
#include "app/certificates/decide_reissue.h"
#include "app/certificates/holder_certificates.h"
#include "app/certificates/revoke_certificate.h"
#include "store/audit_log.h"
#include "store/certificate_repository.h"
#include "store/user_repository.h"

namespace rc::app::certificate_testing {
namespace {

class VerificationTest : public CertificateTest {
 protected:
  // One issued certificate of person(1) at station_; its number.
  std::string issue_one() {
    seed_passed(1, station_);
    file_all(station_actor_);
    auto report = issue_all(station_actor_);
    EXPECT_EQ(report.issued, 1u);
    return report.numbers.empty() ? "" : report.numbers[0];
  }
  store::CertificateListing listing(const std::string& number) {
    auto l = db().read([&](store::Transaction& tx) { return store::CertificateIssueRepository(tx).listing_by_number(number); });
    EXPECT_TRUE(l && *l);
    return (l && *l) ? **l : store::CertificateListing{};
  }
  Actor holder_actor(store::Id candidate_id) { return Actor{0, "holder", store::Role::kCandidate, candidate_id}; }
};

TEST_P(VerificationTest, PublicVerificationIsMaskedByNumberOrIdNumber) {
  const auto number = issue_one();
  const Person p = person(1);
  auto by_number = verify_certificate(db(), clock_, cipher_, {number, "", p.name});
  ASSERT_TRUE(by_number) << by_number.error().message;
  ASSERT_EQ(by_number->size(), 1u);
  const auto& v = by_number->front();
  EXPECT_EQ(v.state, CertificateState::kValid);
  EXPECT_EQ(v.masked_name, mask_name(p.name));
  EXPECT_EQ(v.masked_name.find(p.name), std::string::npos);
  EXPECT_EQ(v.masked_id_number, p.id.substr(0, 4) + "**********" + p.id.substr(14));
  EXPECT_EQ(v.level, "五级/初级工");
  EXPECT_EQ(v.issuing_body, "南充市应急救援员鉴定站");
  auto by_id = verify_certificate(db(), clock_, cipher_, {"", p.id, p.name});
  ASSERT_TRUE(by_id) << by_id.error().message;
  EXPECT_EQ(by_id->front().number, number);
  for (VerificationQuery wrong : {VerificationQuery{number, "", "王五"}, VerificationQuery{"", p.id, "王五"},
                                  VerificationQuery{"YJJY0000", "", p.name}, VerificationQuery{"", "511302199003071236", p.name}}) {
    auto r = verify_certificate(db(), clock_, cipher_, wrong);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  }
  auto incomplete = verify_certificate(db(), clock_, cipher_, {number, "", ""});
  ASSERT_FALSE(incomplete);
  EXPECT_EQ(incomplete.error().code, ErrorCode::kMissingField);
}

TEST_P(VerificationTest, NotPublicBeforeThePolicysFilingDelay) {
  set_date("2025-03-31");  // 16 days after the exam: results are out (day 15), R9 says 20 for the public
  const auto number = issue_one();
  auto early = certificate_status(db(), clock_, number);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kNotFound);
  set_date("2025-04-04");
  EXPECT_TRUE(certificate_status(db(), clock_, number));
}

TEST_P(VerificationTest, RevocationNeedsAReasonKeepsTheRowAndShows) {
  const auto number = issue_one();
  const auto id = listing(number).certificate.id;
  auto no_reason = revoke_certificate(*services_, station_actor_, id, "  ");
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, ErrorCode::kReasonRequired);
  auto other = revoke_certificate(*services_, other_station_actor_, id, "错误发证");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(certificate_status(db(), clock_, number));
  advance(std::chrono::hours(24));
  ASSERT_TRUE(revoke_certificate(*services_, station_actor_, id, "考试违纪经复核确认"));
  auto status = certificate_status(db(), clock_, number);
  ASSERT_TRUE(status);
  EXPECT_EQ(status->state, CertificateState::kRevoked);
  EXPECT_EQ(status->revoked_on->to_string(), "2025-05-21");
  EXPECT_EQ(count("certificates"), 1);
  EXPECT_EQ(count("transparency_log_entries"), 2);  // the issue and the revocation
  auto again = revoke_certificate(*services_, station_actor_, id, "再次");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  // A revoked certificate is not reissued on request.
  auto reissue = apply_for_reissue(db(), clock_, holder_actor(listing(number).issue.candidate_id), {number, "2025-05-20", "lost"});
  ASSERT_FALSE(reissue);
  EXPECT_EQ(reissue.error().code, ErrorCode::kCertificateRevoked);
  EXPECT_TRUE(has_action(audit_of("certificate", id), "certificate.revoke"));
}

TEST_P(VerificationTest, StatusIsIndeterminateWhenTheStoreCannotBeRead) {
  const auto number = issue_one();
  ASSERT_TRUE(store::testing::exec(db(), "ALTER TABLE certificate_issues RENAME TO certificate_issues_gone"));
  auto status = certificate_status(db(), clock_, number);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kStatusUnavailable);
  auto verify = verify_certificate(db(), clock_, cipher_, {number, "", person(1).name});
  ASSERT_FALSE(verify);
  EXPECT_EQ(verify.error().code, ErrorCode::kStatusUnavailable);
}

TEST_P(VerificationTest, OnlyTheHolderAndTheIssuingStationDownloadAndEachDownloadIsAudited) {
  const auto number = issue_one();
  const auto l = listing(number);
  const Actor holder = holder_actor(l.issue.candidate_id);
  auto mine = holder_certificates(db(), clock_, holder);
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_FALSE(mine->front().printed.contains("document_number_cipher"));
  auto file = download_certificate(db(), clock_, holder, l.certificate.id, "ofd");
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_TRUE(file->bytes.starts_with("PK"));
  EXPECT_EQ(file->number, number);
  EXPECT_TRUE(download_certificate(db(), clock_, station_actor_, l.certificate.id, "pdf"));
  for (const Actor& who : {holder_actor(l.issue.candidate_id + 1000), other_station_actor_, org_a_actor_}) {
    auto refused = download_certificate(db(), clock_, who, l.certificate.id, "ofd");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  }
  int downloads = 0;
  for (const auto& e : audit_of("certificate", l.certificate.id))
    if (e.action == "certificate.download" && e.personal_data_view) ++downloads;
  EXPECT_EQ(downloads, 2);
}

TEST_P(VerificationTest, FilingExportIsAnAuditedAccessWithFullIdNumbers) {
  seed_passed(2, station_);
  auto filing = export_filing(*services_, station_actor_);
  ASSERT_TRUE(filing);
  auto file = filing_workbook(*services_, station_actor_, *filing);
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_TRUE(file->xlsx.starts_with("PK"));
  EXPECT_TRUE(has_action(audit_of("certificate_filing", *filing), "certificate.filing_export", true));
  auto other = filing_workbook(*services_, other_station_actor_, *filing);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kForbidden);
  auto future = record_filing(*services_, station_actor_, *filing, *CivilDate::parse("2030-01-01"));
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().code, ErrorCode::kInvalidDate);
  auto again = export_filing(*services_, station_actor_);  // everyone is in the first filing
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kWrongState);
}

TEST_P(VerificationTest, ReissueApprovedIssuesAnElectronicCertificateAndReplacesTheOld) {
  const auto number = issue_one();
  const auto l = listing(number);
  const Actor holder = holder_actor(l.issue.candidate_id);
  auto bad = apply_for_reissue(db(), clock_, holder, {number, "not-a-date", "lost"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidDate);
  auto id = apply_for_reissue(db(), clock_, holder, {number, "2025-05-20", "damaged"});
  ASSERT_TRUE(id) << id.error().message;
  auto twice = apply_for_reissue(db(), clock_, holder, {number, "2025-05-20", "lost"});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  auto no_reason = decide_reissue(*services_, station_actor_, {*id, false, ""});
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, ErrorCode::kReasonRequired);
  auto other = decide_reissue(*services_, other_station_actor_, {*id, true, ""});
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kForbidden);
  auto approved = decide_reissue(*services_, station_actor_, {*id, true, ""});
  ASSERT_TRUE(approved) << approved.error().message;
  ASSERT_TRUE(approved->has_value());
  const auto fresh = listing(**approved);
  EXPECT_EQ(fresh.certificate.reissue_of, l.certificate.id);
  EXPECT_EQ(certificate_status(db(), clock_, number)->state, CertificateState::kRevoked);
  EXPECT_EQ(certificate_status(db(), clock_, **approved)->state, CertificateState::kValid);
  auto decided_again = decide_reissue(*services_, station_actor_, {*id, true, ""});
  ASSERT_FALSE(decided_again);
  EXPECT_EQ(decided_again.error().code, ErrorCode::kWrongState);
  EXPECT_EQ(serials(station_, 2025), (std::vector<int>{1, 2}));
}

TEST_P(VerificationTest, ReissueOfAPaperCertificateNotInTheStoreIsRecordedAndRefusable) {
  issue_one();
  auto mine = db().read([&](store::Transaction& tx) { return store::CertificateIssueRepository(tx).listings_of_station(station_, 10); });
  ASSERT_TRUE(mine && !mine->empty());
  const Actor holder = holder_actor(mine->front().issue.candidate_id);
  auto id = apply_for_reissue(db(), clock_, holder, {"PAPER-2019-000123", "2019-06-30", "lost"});
  ASSERT_TRUE(id) << id.error().message;
  auto refused = decide_reissue(*services_, station_actor_, {*id, false, "原纸质证书信息无法核实"});
  ASSERT_TRUE(refused) << refused.error().message;
  EXPECT_FALSE(refused->has_value());
  auto list = own_reissue_applications(db(), holder);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->front().status, store::ReissueStatus::kRefused);
}

}  // namespace

RC_INSTANTIATE_CERTIFICATE_TEST(VerificationTest);

}  // namespace rc::app::certificate_testing
